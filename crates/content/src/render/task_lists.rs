//! Task list checkboxes named after their tasks: the text of the list item up to any nested
//! list, as `aria-label`. An unnamed form control tells a screen reader only "checkbox"
//! (WCAG 4.1.2); named here, every page has the names from the start, with or without the app.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use pulldown_cmark_escape::escape_html;

/// `events` with each task marker written as a named, disabled checkbox.
pub fn label_tasks<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut task: Option<(bool, Vec<Event<'a>>)> = None;
    for event in events {
        let Some((checked, held)) = task.as_mut() else {
            match event {
                Event::TaskListMarker(checked) => task = Some((checked, Vec::new())),
                other => out.push(other),
            }
            continue;
        };
        let ends = matches!(event, Event::Start(Tag::List(_)) | Event::End(TagEnd::Item));
        if !ends {
            held.push(event);
            continue;
        }
        out.push(checkbox(*checked, held));
        out.append(held);
        out.push(event);
        task = None;
    }
    if let Some((checked, mut held)) = task {
        out.push(checkbox(checked, &held));
        out.append(&mut held);
    }
    out
}

fn checkbox<'a>(checked: bool, task: &[Event<'_>]) -> Event<'a> {
    let text: String = task
        .iter()
        .filter_map(|event| match event {
            Event::Text(text) | Event::Code(text) => Some(text.as_ref()),
            Event::SoftBreak | Event::HardBreak => Some(" "),
            _ => None,
        })
        .collect();
    let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = if name.is_empty() {
        "Task".to_owned()
    } else {
        name
    };
    let mut html = String::from("<input disabled=\"\" type=\"checkbox\"");
    if checked {
        html.push_str(" checked=\"\"");
    }
    html.push_str(" aria-label=\"");
    // Writing into a String cannot fail.
    let _ = escape_html(&mut html, &name);
    html.push_str("\"/>\n");
    Event::Html(CowStr::Boxed(html.into_boxed_str()))
}

//! Headings: each gets the anchor its entry in the outline has, and on the post page a `#` link
//! to it beside it.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Gives a heading the next anchor of the outline, which sees the headings in the same order.
pub fn with_anchor<'a>(event: Event<'a>, anchors: &mut impl Iterator<Item = String>) -> Event<'a> {
    match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level,
            id: anchors.next().map(CowStr::from).or(id),
            classes,
            attrs,
        }),
        other => other,
    }
}

/// Follows each heading with a `#` link to its anchor, named after the heading, the two in a
/// `<div class="heading">`: outside the heading, so its name stays its text. Runs after the
/// policy, which does not apply to this markup of Folio's own.
pub fn with_heading_link<'a>(
    event: Event<'a>,
    titles: &mut impl Iterator<Item = &'a str>,
    open_heading: &mut Option<(CowStr<'a>, &'a str)>,
) -> [Option<Event<'a>>; 3] {
    match event {
        Event::Start(Tag::Heading { ref id, .. }) => {
            let title = titles.next().unwrap_or_default();
            *open_heading = id.clone().map(|id| (id, title));
            let wrapper = open_heading
                .is_some()
                .then_some(Event::Html(CowStr::Borrowed("<div class=\"heading\">")));
            [wrapper, Some(event), None]
        }
        Event::End(TagEnd::Heading(_)) => match open_heading.take() {
            Some((id, title)) => [
                Some(event),
                Some(Event::Html(heading_link(&id, title))),
                Some(Event::Html(CowStr::Borrowed("</div>\n"))),
            ],
            None => [Some(event), None, None],
        },
        other => [Some(other), None, None],
    }
}

fn heading_link(anchor: &str, title: &str) -> CowStr<'static> {
    let mut tag = String::from("<a class=\"heading-link\" href=\"#");
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_href(&mut tag, anchor);
    tag.push_str("\" aria-label=\"Link to the section “");
    let _ = pulldown_cmark_escape::escape_html(&mut tag, title);
    tag.push_str("”\">#</a>");
    CowStr::Boxed(tag.into_boxed_str())
}

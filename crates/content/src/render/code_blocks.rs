//! Code blocks of the post page in a `<div class="code-block">` with a "Copy" button after the
//! `<pre>`. The button is in the page's HTML from the start, so the page looks the same before
//! and after the app starts; the page's controls script (index.html) makes it copy from the
//! first paint, and the style sheet hides it where that script does not run.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

const OPEN: &str = "<div class=\"code-block\">";
const CLOSE: &str =
    "<button type=\"button\" class=\"copy-code\" aria-live=\"polite\">Copy</button></div>\n";

/// `event`, and the wrapper's opening before a code block or its button and closing after one.
pub fn with_copy_button(event: Event<'_>) -> [Option<Event<'_>>; 2] {
    match event {
        Event::Start(Tag::CodeBlock(_)) => [Some(Event::Html(CowStr::Borrowed(OPEN))), Some(event)],
        Event::End(TagEnd::CodeBlock) => [Some(event), Some(Event::Html(CowStr::Borrowed(CLOSE)))],
        other => [Some(other), None],
    }
}

//! GitHub's alerts as callouts: a block quote that starts with `[!NOTE]`, `[!TIP]`,
//! `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` becomes a `<div role="note">` with a visible
//! title naming its kind, so a screen reader announces a note and says which, and the kind
//! shows in words as well as colour (style/main.css colours each kind, in both themes).

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, Tag, TagEnd};

/// `event`, a callout's start or end written as Folio's markup; anything else as it is.
pub fn rewrite(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Start(Tag::BlockQuote(Some(kind))) => {
            let (class, title) = names(kind);
            Event::Html(CowStr::from(format!(
                "<div class=\"callout callout-{class}\" role=\"note\">\n\
                 <p class=\"callout-title\">{title}</p>\n"
            )))
        }
        Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html(CowStr::Borrowed("</div>\n")),
        other => other,
    }
}

/// The class and the title of a kind of callout.
fn names(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "Note"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("important", "Important"),
        BlockQuoteKind::Warning => ("warning", "Warning"),
        BlockQuoteKind::Caution => ("caution", "Caution"),
    }
}

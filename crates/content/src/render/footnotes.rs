//! Footnotes with ids of their own. pulldown-cmark gives a definition the bare label as its id,
//! so `[^notes]` and a heading "Notes", or `[^content]` and the page's `main#content`, shared
//! an id. Here a definition is `fn:<label>`: heading anchors never hold a `:` (`outline` keeps
//! explicit ids in this form for footnotes), so no id on the page can be the same.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

/// What footnote ids start with; `outline` keeps explicit heading ids out of it.
pub const FOOTNOTE_ID_PREFIX: &str = "fn:";

/// Numbers footnotes in order of first mention (reference or definition), as pulldown-cmark
/// does, and writes their markup.
#[derive(Default)]
pub struct Footnotes {
    numbers: HashMap<String, usize>,
}

impl Footnotes {
    pub fn rewrite<'a>(&mut self, event: Event<'a>) -> Event<'a> {
        match event {
            // (pulldown-cmark reads no footnote reference inside an image's alt text.)
            Event::FootnoteReference(label) => {
                let mut html = String::from("<sup class=\"footnote-reference\"><a href=\"#");
                html.push_str(FOOTNOTE_ID_PREFIX);
                // Writing into a String cannot fail.
                let _ = escape_href(&mut html, &label);
                html.push_str(&format!("\">{}</a></sup>", self.number(&label)));
                Event::InlineHtml(CowStr::from(html))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let mut html = String::from("\n<div class=\"footnote-definition\" id=\"");
                html.push_str(FOOTNOTE_ID_PREFIX);
                let _ = escape_html(&mut html, &label);
                html.push_str(&format!(
                    "\"><sup class=\"footnote-definition-label\">{}</sup>",
                    self.number(&label)
                ));
                Event::Html(CowStr::from(html))
            }
            Event::End(TagEnd::FootnoteDefinition) => Event::Html(CowStr::Borrowed("</div>\n")),
            other => other,
        }
    }

    fn number(&mut self, label: &str) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(label.to_owned()).or_insert(next)
    }
}

//! Highlighted code from the bundle: the bundler cut each fenced code block into tokens
//! (`HighlightedCode`), so the browser carries no highlighter and no grammar. Here each block's
//! text is written as those tokens, each a `<span class="hl-…">` of escaped text. The tokens
//! are used only if together they are the block's text: a bundle that does not match its
//! Markdown shows the code plain, never anything else.

use std::slice::Iter;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};
use pulldown_cmark_escape::escape_html_body_text;

use crate::HighlightedCode;

pub struct Highlighter<'c> {
    /// The highlighted blocks still to come, one per fenced code block.
    blocks: Iter<'c, Option<HighlightedCode>>,
    /// Inside a fenced block that has tokens: the tokens, and the text seen so far.
    open: Option<(&'c HighlightedCode, String)>,
}

impl<'c> Highlighter<'c> {
    pub fn new(blocks: &'c [Option<HighlightedCode>]) -> Self {
        Highlighter {
            blocks: blocks.iter(),
            open: None,
        }
    }

    /// `event`, or nothing while a highlighted block's text is gathered, or at its end the
    /// block's markup and the end.
    pub fn rewrite<'a>(&mut self, event: Event<'a>) -> [Option<Event<'a>>; 2] {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                if let Some(Some(code)) = self.blocks.next() {
                    self.open = Some((code, String::new()));
                }
                [Some(event), None]
            }
            Event::Text(text) if self.open.is_some() => {
                if let Some((_, seen)) = self.open.as_mut() {
                    seen.push_str(&text);
                }
                [None, None]
            }
            Event::End(TagEnd::CodeBlock) => match self.open.take() {
                Some((code, seen)) => [Some(markup(code, seen)), Some(event)],
                None => [Some(event), None],
            },
            other => [Some(other), None],
        }
    }
}

/// The block's text as its tokens, if they are its text; else the text, plain.
fn markup<'a>(code: &HighlightedCode, text: String) -> Event<'a> {
    let joined: String = code.tokens.iter().map(|token| token.1.as_str()).collect();
    if joined != text {
        return Event::Text(CowStr::from(text));
    }
    let mut html = String::with_capacity(text.len() * 2);
    for token in &code.tokens {
        // Writing into a String cannot fail.
        match token.class() {
            Some(class) => {
                html.push_str("<span class=\"");
                html.push_str(class);
                html.push_str("\">");
                let _ = escape_html_body_text(&mut html, &token.1);
                html.push_str("</span>");
            }
            None => {
                let _ = escape_html_body_text(&mut html, &token.1);
            }
        }
    }
    Event::Html(CowStr::from(html))
}

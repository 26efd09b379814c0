//! The summary of a post that does not write one: the text before a `<!-- more -->` line, else
//! the first paragraph of its body, as plain text, capped in length.

use std::ops::Range;

use folio_content::render::markdown_options;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The longest excerpt, in characters, before the ellipsis.
pub const MAX_CHARS: usize = 300;

/// The text of the first paragraph of `markdown` that has any, at most `MAX_CHARS` characters
/// (cut at a word, with an ellipsis); empty if there is none.
pub fn excerpt(markdown: &str) -> String {
    cap(&paragraphs(markdown, false), MAX_CHARS)
}

/// The text of every paragraph of `markdown`, joined, capped as `excerpt` caps it: the excerpt of
/// the part of a body before its `<!-- more -->` line.
pub fn lead(markdown: &str) -> String {
    cap(&paragraphs(markdown, true), MAX_CHARS)
}

/// Where the `<!-- more -->` line of `markdown` is (the whole line), if it has one outside code.
pub fn more_marker(markdown: &str) -> Option<Range<usize>> {
    Parser::new_ext(markdown, markdown_options())
        .into_offset_iter()
        .find_map(|(event, range)| match event {
            Event::Html(html) if is_more(&html) => Some(range),
            _ => None,
        })
}

fn is_more(html: &str) -> bool {
    let squeezed: String = html.split_whitespace().collect();
    squeezed.eq_ignore_ascii_case("<!--more-->")
}

/// The plain text of the first paragraph with text (or of all of them, joined by spaces),
/// whitespace collapsed.
fn paragraphs(markdown: &str, all: bool) -> String {
    let mut found: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut in_paragraph = false;
    // Inside an image the text is its alt text, which is not part of the prose.
    let mut image_depth = 0usize;
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) => {
                let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !collapsed.is_empty() {
                    if !all {
                        return collapsed;
                    }
                    found.push(collapsed);
                }
                in_paragraph = false;
                text.clear();
            }
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(part) | Event::Code(part) | Event::InlineMath(part)
                if in_paragraph && image_depth == 0 =>
            {
                text.push_str(&part)
            }
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    found.join(" ")
}

/// `text` cut to at most `max` characters, at the last space when there is one in the second
/// half, with an ellipsis when anything was cut.
fn cap(text: &str, max: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max) else {
        return text.to_owned();
    };
    let head = text.get(..cut).unwrap_or(text);
    let head = match head.rfind(' ') {
        Some(space) if space > cut / 2 => head.get(..space).unwrap_or(head),
        _ => head,
    };
    let head =
        head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.'));
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_first_paragraph_as_plain_text() {
        let markdown = "# Heading\n\n![logo](/l.png)\n\nSome *em* and `code`\nand a [link](https://x.org)[^1].\n\nSecond.\n\n[^1]: Note.";
        assert_eq!(excerpt(markdown), "Some em and code and a link.");
    }

    #[test]
    fn uses_the_renderers_punctuation() {
        assert_eq!(excerpt("It's \"quoted\" -- yes..."), "It’s “quoted” – yes…");
    }

    #[test]
    fn is_empty_without_paragraphs() {
        assert_eq!(excerpt(""), "");
        assert_eq!(excerpt("# Only a heading\n\n```\ncode\n```\n"), "");
    }

    #[test]
    fn finds_the_more_marker_outside_code_only() {
        let body = "One.\n\nTwo.\n\n<!--  MORE -->\n\nThree.\n";
        let range = more_marker(body).unwrap();
        assert_eq!(&body[range.clone()], "<!--  MORE -->\n");
        assert_eq!(lead(&body[..range.start]), "One. Two.");
        assert_eq!(more_marker("```\n<!-- more -->\n```\n"), None);
        assert_eq!(more_marker("Text <!-- more --> inline.\n"), None);
    }

    #[test]
    fn caps_long_text_at_a_word_boundary() {
        let long = "word, ".repeat(100);
        let capped = excerpt(&long);
        assert!(capped.chars().count() <= MAX_CHARS + 1, "{capped}");
        assert!(capped.ends_with("word…"), "{capped}");
        assert_eq!(cap("abcdef", 3), "abc…");
        assert_eq!(cap("ééééé", 4), "éééé…");
        assert_eq!(cap("short", 10), "short");
    }
}

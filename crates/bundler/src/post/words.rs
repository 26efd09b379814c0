//! How long a post is: the words a reader sees (Markdown syntax and link targets left out, code
//! counted), and the minutes it takes to read them.

use folio_content::render::markdown_options;
use pulldown_cmark::{Event, Parser, TagEnd};

/// Words a minute, for reading time.
pub const WORDS_PER_MINUTE: u32 = 200;

/// The words of the text `markdown` renders to.
pub fn count(markdown: &str) -> u32 {
    let mut words: u32 = 0;
    // Text events can split a word (at an emphasis, a quote), so a word ends only at whitespace
    // or at the end of a block.
    let mut in_word = false;
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                for c in text.chars() {
                    if c.is_whitespace() {
                        in_word = false;
                    } else if !in_word {
                        in_word = true;
                        words = words.saturating_add(1);
                    }
                }
            }
            // Inline markup does not end a word: "*emph*asis" is one.
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {}
            Event::SoftBreak | Event::HardBreak | Event::Rule | Event::End(_) => in_word = false,
            _ => {}
        }
    }
    words
}

/// Minutes to read `words`: rounded up, at least 1.
pub fn reading_minutes(words: u32) -> u32 {
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_words_a_reader_sees() {
        assert_eq!(count(""), 0);
        assert_eq!(
            count("# A heading\n\nSome *emph*asis and a [link](https://x.org/a/b)."),
            7
        );
        assert_eq!(count("It's \"quoted\" -- yes"), 4);
        assert_eq!(
            count("- one\n- two\n\n| a | b |\n|---|---|\n| c | d |\n"),
            6
        );
        assert_eq!(count("```rust\nfn main() {}\n```\n"), 3);
        assert_eq!(count("`inline code` here\n\n![alt text](/i.png)"), 5);
        assert_eq!(count("line one\nline two"), 4);
    }

    #[test]
    fn reading_time_rounds_up_and_is_at_least_a_minute() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(200), 1);
        assert_eq!(reading_minutes(201), 2);
        assert_eq!(reading_minutes(1000), 5);
    }
}

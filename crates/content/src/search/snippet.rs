//! The snippet a result shows: a few lines of the post's text around the first word the query
//! matches, in the section the result opens at, as parts of plain text with the matched words
//! marked. The parts are text, never HTML: the app puts each in its own text node (a marked one
//! inside `<mark>`), so nothing in a post can become markup. The app reads the post's text by
//! section (`section_texts`, with the Markdown parser it renders with); the search engine,
//! which has the query's terms, cuts the snippet (`snippet`).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rust_stemmers::Stemmer;
use serde::{Deserialize, Serialize};

use crate::{render::markdown_options, search::query::Query};

/// How much text a snippet shows before its first match, in characters (about ten words).
const BEFORE: usize = 60;

/// How much text a snippet shows in all, in characters (two or three lines).
const LENGTH: usize = 200;

/// The text a snippet shows at each end when it begins or ends inside the section.
pub const ELLIPSIS: &str = "…";

/// A piece of a snippet: `[text, marked]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnippetPart(pub String, pub bool);

/// The snippet for `query` of the post whose text is `sections` (`section_texts`), from its
/// `section` (0 for the top, `k` under its `k`-th heading, as the index counts them); from the
/// whole post if the section has none of the query's words, and from the section's start if no
/// part does.
pub fn snippet(
    stemmer: &Stemmer,
    query: &Query,
    sections: &[String],
    section: u32,
) -> Vec<SnippetPart> {
    let chosen = sections.get(section as usize).map_or("", String::as_str);
    let whole = sections.join(" ");
    let candidates = [chosen, whole.as_str()];
    let found = candidates.iter().find_map(|text| {
        let marks = marks(stemmer, query, text);
        (!marks.is_empty()).then_some((*text, marks))
    });
    match found {
        Some((text, marks)) => parts(text, &marks),
        None if !chosen.trim().is_empty() => parts(chosen, &[]),
        None => parts(&whole, &[]),
    }
}

/// The plain text of the body under each heading, in order: the top first, then under the
/// first heading, and so on; the headings' own text is left out (a result shows the title).
pub fn section_texts(markdown: &str) -> Vec<String> {
    let mut sections = vec![String::new()];
    let mut in_heading = false;
    for event in Parser::new_ext(markdown, markdown_options()) {
        let text = match event {
            Event::Start(Tag::Heading { .. }) => {
                sections.push(String::new());
                in_heading = true;
                continue;
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                continue;
            }
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text)
                if !in_heading =>
            {
                text
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => " ".into(),
            _ => continue,
        };
        if let Some(current) = sections.last_mut() {
            if text.starts_with(char::is_whitespace) {
                space(current);
            }
            for (nth, piece) in text.split_whitespace().enumerate() {
                if nth > 0 {
                    space(current);
                }
                current.push_str(piece);
            }
            if text.ends_with(char::is_whitespace) {
                space(current);
            }
        }
    }
    for section in &mut sections {
        let trimmed = section.trim_end().len();
        section.truncate(trimmed);
    }
    sections
}

/// Ends `text` with one space, unless it is empty or already ends with one.
fn space(text: &mut String) {
    if !text.is_empty() && !text.ends_with(' ') {
        text.push(' ');
    }
}

/// The byte ranges of `text` that the query matches: whole words (runs of letters and digits),
/// and the query's unspaced words inside runs of unspaced characters.
fn marks(stemmer: &Stemmer, query: &Query, text: &str) -> Vec<(usize, usize)> {
    let mut marks = Vec::new();
    let mut start = None;
    let ends = text
        .char_indices()
        .map(|(at, c)| (at, c.is_alphanumeric()))
        .chain(std::iter::once((text.len(), false)));
    for (at, in_word) in ends {
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                let word = &text[from..at];
                if word.chars().any(crate::search::terms::is_unspaced) {
                    for wanted in query.unspaced_terms() {
                        marks.extend(
                            word.match_indices(wanted)
                                .map(|(inner, _)| (from + inner, from + inner + wanted.len())),
                        );
                    }
                } else if query.marks(stemmer, word) {
                    marks.push((from, at));
                }
                start = None;
            }
            _ => {}
        }
    }
    marks.sort_unstable();
    marks.dedup();
    marks
}

/// About `LENGTH` characters of `text` from a little before its first mark, cut at spaces
/// where there are any, as parts; an ellipsis where the text goes on.
fn parts(text: &str, marks: &[(usize, usize)]) -> Vec<SnippetPart> {
    let first = marks.first().map_or(0, |mark| mark.0);
    let mut from = back_by(text, first, BEFORE);
    if from > 0 {
        from = text[from..first]
            .find(' ')
            .map_or(from, |space| from + space + 1);
    }
    let mut to = forward_by(text, from, LENGTH).max(marks.first().map_or(0, |mark| mark.1));
    if to < text.len() {
        let last_mark_end = marks.first().map_or(from, |mark| mark.1);
        if let Some(space) = text[last_mark_end..to].rfind(' ') {
            to = last_mark_end + space;
        }
    }
    let mut parts = Vec::new();
    let mut push = |text: &str, marked: bool| {
        if !text.is_empty() {
            parts.push(SnippetPart(text.to_owned(), marked));
        }
    };
    let mut at = from;
    if from > 0 {
        push(ELLIPSIS, false);
    }
    for &(start, end) in marks.iter().filter(|mark| mark.0 >= from && mark.1 <= to) {
        if start < at {
            continue;
        }
        push(&text[at..start], false);
        push(&text[start..end], true);
        at = end;
    }
    push(&text[at..to], false);
    if to < text.len() {
        push(ELLIPSIS, false);
    }
    merge_plain(parts)
}

/// Joins neighbouring unmarked parts (the ellipsis and the text beside it).
fn merge_plain(parts: Vec<SnippetPart>) -> Vec<SnippetPart> {
    let mut merged: Vec<SnippetPart> = Vec::with_capacity(parts.len());
    for part in parts {
        match merged.last_mut() {
            Some(last) if !last.1 && !part.1 => last.0.push_str(&part.0),
            _ => merged.push(part),
        }
    }
    merged
}

/// The byte offset `chars` characters before `at` in `text` (or 0).
fn back_by(text: &str, at: usize, chars: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(offset, _)| offset)
}

/// The byte offset `chars` characters after `at` in `text` (or its end).
fn forward_by(text: &str, at: usize, chars: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(offset, _)| at + offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::terms::stemmer;

    fn shown(parts: &[SnippetPart]) -> String {
        parts
            .iter()
            .map(|SnippetPart(text, marked)| match marked {
                true => format!("[{text}]"),
                false => text.clone(),
            })
            .collect()
    }

    fn snippet_of(query: &str, markdown: &str, section: u32) -> String {
        let stemmer = stemmer();
        let query = Query::parse(&stemmer, query);
        shown(&snippet(
            &stemmer,
            &query,
            &section_texts(markdown),
            section,
        ))
    }

    #[test]
    fn marks_every_form_of_the_words_in_the_section() {
        let markdown =
            "Intro text.\n\n## Budgets\n\nThe council's *budget* grew; budgeting is hard.\n";
        assert_eq!(
            snippet_of("budget ", markdown, 1),
            "The council’s [budget] grew; [budgeting] is hard."
        );
    }

    #[test]
    fn the_word_being_typed_marks_the_words_it_begins() {
        assert_eq!(
            snippet_of("planet", "A planetarium and a planet.", 0),
            "A [planetarium] and a [planet]."
        );
    }

    #[test]
    fn diacritics_fold_and_unspaced_words_are_marked_inside_a_run() {
        assert_eq!(snippet_of("naive ", "A naïve plan.", 0), "A [naïve] plan.");
        assert_eq!(
            snippet_of("政府", "我们在地方政府工作。", 0),
            "我们在地方[政府]工作。"
        );
    }

    #[test]
    fn a_long_text_is_cut_at_spaces_around_the_first_match() {
        let words: Vec<String> = (0..100).map(|n| format!("word{n}")).collect();
        let markdown = format!("{} moth {}", words[..50].join(" "), words[50..].join(" "));
        let shown = snippet_of("moth ", &markdown, 0);
        assert!(shown.starts_with("…word"), "{shown}");
        assert!(shown.ends_with('…'), "{shown}");
        assert!(shown.contains(" [moth] "), "{shown}");
        let length = shown.chars().count();
        assert!((150..=220).contains(&length), "{length}: {shown}");
        assert!(!shown.contains("…wor "), "cut inside a word: {shown}");
    }

    #[test]
    fn without_a_match_in_the_section_the_whole_post_or_its_start_is_shown() {
        let markdown = "The moth flew.\n\n## Later\n\nNothing here.\n";
        assert_eq!(
            snippet_of("moth ", markdown, 1),
            "The [moth] flew. Nothing here."
        );
        assert_eq!(snippet_of("zebra ", markdown, 1), "Nothing here.");
        assert_eq!(snippet_of("zebra ", "", 0), "");
    }

    #[test]
    fn markup_stays_text_and_words_split_by_emphasis_stay_whole() {
        assert_eq!(
            snippet_of("innovation ", "**In**novation <b>bold</b> `code`\n", 0),
            "[Innovation] bold code"
        );
    }
}

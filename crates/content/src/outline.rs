//! A post's outline: every heading with its plain text and the anchor (`id`) the renderer gives
//! it, so a table of contents built from the outline links to the rendered headings. The one
//! anchor algorithm lives here; `render_html` takes its ids from `outline`.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::{
    render::{markdown_options, FOOTNOTE_ID_PREFIX},
    slug::hyphenate,
    Heading,
};

/// The anchor of a heading whose text has no letters or digits.
pub const EMPTY_ANCHOR: &str = "section";

/// The anchor made from a heading's text: lowercased, letters and digits of any script kept, every
/// run of other characters turned into one hyphen, no hyphen at either end; `"section"` when
/// nothing is left. Duplicates are told apart by `outline`, not here.
pub fn anchor(text: &str) -> String {
    let out = hyphenate(text);
    if out.is_empty() {
        EMPTY_ANCHOR.to_owned()
    } else {
        out
    }
}

/// The ids of the app's own elements around a post (`main#content`, `h1#page-heading`, the
/// table of contents' heading). A heading never takes one: the page would have the id twice.
pub const RESERVED_IDS: &[&str] = &["content", "page-heading", "toc-heading"];

/// Every heading of `markdown`, in order, with the anchor the renderer gives it: an explicit
/// `{#id}` attribute as written, else `anchor` of its text, with `-1`, `-2`, ... added to repeats
/// (and to the app's `RESERVED_IDS`) so that every anchor is unique on the page. An explicit id
/// in the footnotes' form (`fn:…`) is not kept: the heading gets the anchor of its text.
pub fn outline(markdown: &str) -> Vec<Heading> {
    let mut raw = headings(markdown);
    for heading in &mut raw {
        heading
            .explicit
            .take_if(|id| id.starts_with(FOOTNOTE_ID_PREFIX));
    }
    let is_reserved = |id: &str| RESERVED_IDS.contains(&id);
    // Explicit ids win: derived anchors step around them wherever they appear.
    let mut taken: HashSet<String> = raw
        .iter()
        .filter_map(|h| h.explicit.clone())
        .chain(RESERVED_IDS.iter().map(|id| (*id).to_owned()))
        .collect();
    let mut explicit_used: HashSet<String> = HashSet::new();
    let mut repeats: HashMap<String, u32> = HashMap::new();
    raw.into_iter()
        .map(|heading| {
            let anchor = match heading.explicit {
                // The first heading to ask for an id gets it.
                Some(id) if !is_reserved(&id) && explicit_used.insert(id.clone()) => id,
                Some(id) => unique(id, &mut taken, &mut repeats),
                None => unique(anchor(&heading.text), &mut taken, &mut repeats),
            };
            Heading {
                level: heading.level,
                text: heading.text,
                anchor,
            }
        })
        .collect()
}

/// `base`, or `base-N` with the smallest N not yet taken; marks the result taken.
fn unique(base: String, taken: &mut HashSet<String>, repeats: &mut HashMap<String, u32>) -> String {
    let mut candidate = base.clone();
    while taken.contains(&candidate) {
        let count = repeats.entry(base.clone()).or_insert(0);
        *count += 1;
        candidate = format!("{base}-{count}");
    }
    taken.insert(candidate.clone());
    candidate
}

/// A heading as found, before its anchor is settled.
struct RawHeading {
    level: u8,
    text: String,
    explicit: Option<String>,
}

/// The headings of `markdown` with their plain text (whitespace collapsed, image alt text left
/// out) and explicit ids.
fn headings(markdown: &str) -> Vec<RawHeading> {
    let mut found = Vec::new();
    let mut current: Option<RawHeading> = None;
    let mut image_depth = 0usize;
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                current = Some(RawHeading {
                    level: level_number(level),
                    text: String::new(),
                    explicit: id.map(|id| id.to_string()).filter(|id| !id.is_empty()),
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(mut heading) = current.take() {
                    heading.text = heading
                        .text
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    found.push(heading);
                }
            }
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) if image_depth == 0 => {
                if let Some(heading) = current.as_mut() {
                    heading.text.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(heading) = current.as_mut() {
                    heading.text.push(' ');
                }
            }
            _ => {}
        }
    }
    found
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors(markdown: &str) -> Vec<String> {
        outline(markdown).into_iter().map(|h| h.anchor).collect()
    }

    #[test]
    fn the_app_ids_and_repeated_explicit_ids_are_never_given_twice() {
        let markdown = "# Content\n\n## Page heading\n\n### x {#content}\n\n## a {#mine}\n\n## b {#mine}\n\n## Contents {#toc-heading}\n";
        let anchors: Vec<String> = outline(markdown).into_iter().map(|h| h.anchor).collect();
        assert_eq!(
            anchors,
            [
                "content-1",
                "page-heading-1",
                "content-2",
                "mine",
                "mine-1",
                "toc-heading-1"
            ]
        );
    }

    #[test]
    fn anchors_are_lowercase_words_joined_by_hyphens() {
        assert_eq!(anchor("Hello, World!"), "hello-world");
        assert_eq!(anchor("  Über   Straße 2 "), "über-straße-2");
        assert_eq!(anchor("日本語の見出し"), "日本語の見出し");
        assert_eq!(anchor("C++ & Rust?"), "c-rust");
        assert_eq!(anchor("!!!"), "section");
        assert_eq!(anchor(""), "section");
    }

    #[test]
    fn reads_levels_and_plain_text() {
        let found = outline("# Top *one*\n\ntext\n\n## `code` and [link](/x)\n\nSetext\n---\n");
        let shown: Vec<_> = found
            .iter()
            .map(|h| (h.level, h.text.as_str(), h.anchor.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (1, "Top one", "top-one"),
                (2, "code and link", "code-and-link"),
                (2, "Setext", "setext")
            ]
        );
    }

    #[test]
    fn repeats_get_numbered_and_explicit_ids_win() {
        assert_eq!(
            anchors("# Intro\n# Intro\n# Intro\n# !!\n# ?"),
            ["intro", "intro-1", "intro-2", "section", "section-1"]
        );
        assert_eq!(
            anchors("# Notes\n# Other {#notes}\n# Intro-1\n# Intro\n# Intro"),
            ["notes-1", "notes", "intro-1", "intro", "intro-2"]
        );
    }

    #[test]
    fn no_headings_no_outline() {
        assert!(outline("Just text.\n\n```\n# not a heading\n```\n").is_empty());
    }
}

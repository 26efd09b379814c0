//! Properties of reading posts: whatever field values the parser accepts (any Unicode, quotes,
//! newlines), in TOML or YAML, come through unchanged and the summary survives JSON; and no
//! input, however broken, makes the parser panic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

mod fuzz_inputs;

use folio_bundler::post::parse;
use folio_content::{Date, PostSummary, Slug};
use fuzz_inputs::quoted;
use proptest::prelude::*;

/// The values a post's front matter holds.
#[derive(Clone, Debug)]
struct Fields {
    title: String,
    date: Date,
    authors: Vec<String>,
    tags: Vec<String>,
    summary: String,
    yaml: bool,
}

impl Fields {
    fn post(&self) -> String {
        let list = |items: &[String]| {
            let quoted: Vec<String> = items.iter().map(|item| quoted(item)).collect();
            format!("[{}]", quoted.join(", "))
        };
        let fields = [
            ("title", quoted(&self.title)),
            ("date", self.date.to_string()),
            ("author", list(&self.authors)),
            ("tags", list(&self.tags)),
            ("summary", quoted(&self.summary)),
        ];
        let (fence, separator) = if self.yaml {
            ("---", ": ")
        } else {
            ("+++", " = ")
        };
        let mut text = format!("{fence}\n");
        for (key, value) in fields {
            text.push_str(&format!("{key}{separator}{value}\n"));
        }
        text.push_str(&format!("{fence}\n\nThe body.\n"));
        text
    }
}

/// Text with something in it that gives a slug: what tags and author names need.
fn named() -> impl Strategy<Value = String> {
    any::<String>().prop_filter("needs letters or digits", |text| {
        !text.trim().is_empty() && Slug::of_name(text).is_some()
    })
}

/// The names a post keeps from a list: trimmed, and only the first spelling of each slug
/// ("Rust" and "rust" are one tag; "C" and "C++" are two).
fn first_of_each_slug(names: &[String]) -> Vec<&str> {
    let mut seen = Vec::new();
    let mut kept = Vec::new();
    for name in names {
        let slug = Slug::of_name(name);
        if !seen.contains(&slug) {
            seen.push(slug);
            kept.push(name.trim());
        }
    }
    kept
}

fn date() -> impl Strategy<Value = Date> {
    (1u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn fields() -> impl Strategy<Value = Fields> {
    let title = any::<String>().prop_filter("not blank", |text| !text.trim().is_empty());
    let authors = prop::collection::vec(named(), 0..3);
    let tags = prop::collection::vec(named(), 0..4);
    (title, date(), authors, tags, any::<String>(), any::<bool>()).prop_map(
        |(title, date, authors, tags, summary, yaml)| Fields {
            title,
            date,
            authors,
            tags,
            summary,
            yaml,
        },
    )
}

proptest! {
    #[test]
    fn accepted_values_come_through_and_survive_json(fields in fields()) {
        let text = fields.post();
        let post = match parse(Path::new("posts/p.md"), text.as_bytes(), &[]) {
            Ok(post) => post,
            Err(problems) => {
                let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
                panic!("{text}\nwas refused:\n{}", shown.join("\n"));
            }
        };
        let summary = &post.summary;
        prop_assert_eq!(&summary.title, fields.title.trim());
        prop_assert_eq!(summary.date, fields.date);
        let names: Vec<&str> = summary.authors.iter().map(|a| a.name.as_str()).collect();
        prop_assert_eq!(names, first_of_each_slug(&fields.authors));
        let tags: Vec<&str> = summary.tags.iter().map(|t| t.name.as_str()).collect();
        prop_assert_eq!(tags, first_of_each_slug(&fields.tags));
        if !fields.summary.trim().is_empty() {
            prop_assert_eq!(&summary.summary, fields.summary.trim());
        }
        let json = serde_json::to_string(summary).unwrap();
        let back: PostSummary = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, summary);
    }

    #[test]
    fn no_bytes_make_the_parser_panic(
        start in prop_oneof![Just(""), Just("+++\n"), Just("---\n"), Just("\u{feff}---\r\n")],
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        text in any::<String>(),
        close in any::<bool>(),
    ) {
        let mut input = start.as_bytes().to_vec();
        input.extend_from_slice(&bytes);
        let _ = parse(Path::new("posts/p.md"), &input, &[]);
        let fence = if start.contains('+') { "+++" } else { "---" };
        let mut input = format!("{start}{text}\n");
        if close {
            input.push_str(fence);
            input.push('\n');
        }
        let _ = parse(Path::new("posts/p.md"), input.as_bytes(), &[]);
    }
}

#[test]
fn quoting_escapes_what_must_be() {
    assert_eq!(quoted("a\"b\\c\nd\u{7}"), "\"a\\\"b\\\\c\\nd\\u0007\"");
}

//! Fuzzing of front matter: hostile post files (`fuzz_inputs`) cut into front matter and body and
//! read into fields. Nothing panics; every problem is located at a line and column of the file;
//! what is accepted holds what a post must (a trimmed title, `updated` not before `date`, a slug
//! for every tag and author, old addresses as paths); reading is deterministic; and a byte order
//! mark or CRLF line endings change nothing but the bytes.
//!
//! `FOLIO_FUZZ_CASES` sets the number of cases (`cargo xtask test --fuzz` sets it high).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod fuzz_inputs;

use std::path::Path;

use folio_bundler::{
    front_matter,
    post::{parse, Post},
    sources::split::split,
    Problem,
};
use folio_content::{PostSummary, Slug};
use fuzz_inputs::{check_location, config::fuzz_config, markdown, post_file_with};
use proptest::prelude::*;

const FILE: &str = "posts/fuzzed.md";

/// A short body: the front matter is what is fuzzed here.
fn short_body() -> BoxedStrategy<String> {
    prop_oneof![
        Just(String::new()),
        Just("Body.\n".to_owned()),
        markdown::text().prop_map(|text| format!("\n{text}\n")),
    ]
    .boxed()
}

/// Fails unless each of `problems` is located in `bytes`, the file it is about.
fn located(bytes: &[u8], problems: &[Problem]) -> Result<(), TestCaseError> {
    prop_assert!(!problems.is_empty(), "refused without a problem");
    for problem in problems {
        prop_assert_eq!(&problem.file, Path::new(FILE));
        if let Err(error) = check_location(bytes, problem.line, problem.column) {
            return Err(TestCaseError::fail(format!(
                "{problem}\nis not located: {error}"
            )));
        }
        let shown = problem.to_string();
        let place = format!("{FILE}:{}:{}: ", problem.line, problem.column);
        prop_assert!(shown.contains(&place), "{shown:?} does not say {place:?}");
    }
    Ok(())
}

/// Fails unless `post` holds what every accepted post must.
fn well_formed(post: &Post) -> Result<(), TestCaseError> {
    let summary = &post.summary;
    prop_assert!(!summary.title.is_empty(), "an empty title was accepted");
    prop_assert_eq!(summary.title.trim(), summary.title.as_str());
    if let Some(updated) = summary.updated {
        prop_assert!(
            updated >= summary.date,
            "updated {updated} < date {}",
            summary.date
        );
    }
    for (i, tag) in summary.tags.iter().enumerate() {
        prop_assert_eq!(Some(tag.slug.clone()), Slug::of_name(&tag.name));
        prop_assert!(summary.tags[..i].iter().all(|other| other.slug != tag.slug));
    }
    for (i, author) in summary.authors.iter().enumerate() {
        prop_assert!(summary.authors[..i]
            .iter()
            .all(|other| other.slug != author.slug));
    }
    for alias in &post.aliases {
        prop_assert!(alias.path.starts_with('/'), "alias {:?}", alias.path);
    }
    let json = serde_json::to_string(summary).unwrap();
    let back: PostSummary = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(&back, summary);
    Ok(())
}

/// Problems as what they say and where, to compare two readings.
fn places(problems: &[Problem]) -> Vec<(usize, usize, &str)> {
    problems
        .iter()
        .map(|p| (p.line, p.column, p.message.as_str()))
        .collect()
}

/// `post` with `\r\n` as `\n` in the fields a TOML multi-line string can give. Known and
/// allowed for now: the toml crate keeps a multi-line string's line endings as the file has
/// them (TOML lets a parser normalise them or not), so in a CRLF file `summary = '''a` / `b'''`
/// is "a\r\nb" where the body's line endings are made `\n`; YAML's are always `\n`.
fn without_crlf(post: &Post) -> Post {
    let lf = |text: &str| text.replace("\r\n", "\n");
    let mut post = post.clone();
    let summary = &mut post.summary;
    summary.title = lf(&summary.title);
    summary.summary = lf(&summary.summary);
    for tag in &mut summary.tags {
        tag.name = lf(&tag.name);
    }
    for author in &mut summary.authors {
        author.name = lf(&author.name);
    }
    post.description = lf(&post.description);
    post.call_for_comments = post.call_for_comments.as_deref().map(lf);
    post
}

/// Fails unless `read` (the problems of `variant`, with a byte order mark or CRLF) are those
/// of `plain` (the problems of `text`), on the same lines, at the same columns when they say the
/// same. Two differences are allowed, both in a CRLF file: a problem at the end of a line is one
/// column further, after its `\r`; and a broken string that runs to the end of its line meets
/// the `\r` (a control character, which TOML refuses in strings) before the line's end, so the
/// TOML parser may say something else about it.
fn same_places(
    text: &str,
    plain: &[Problem],
    variant: &str,
    read: &[Problem],
) -> Result<(), TestCaseError> {
    let line_length = |line: usize| {
        text.split('\n')
            .nth(line - 1)
            .map_or(0, |line| line.chars().count())
    };
    let crlf = variant.contains('\r');
    let same = plain.len() == read.len()
        && plain.iter().zip(read).all(|(plain, read)| {
            let column = plain.column == read.column
                || (crlf
                    && plain.column == line_length(plain.line) + 1
                    && read.column == plain.column + 1);
            let said = plain.message == read.message;
            plain.line == read.line && ((said && column) || (crlf && !said))
        });
    prop_assert!(
        same,
        "{text:?} gave {:?}\nbut {variant:?} gave {:?}",
        places(plain),
        places(read)
    );
    Ok(())
}

proptest! {
    #![proptest_config(fuzz_config("fuzz_front_matter", 1))]

    #[test]
    fn hostile_front_matter_is_read_or_refused_at_a_place(bytes in post_file_with(short_body())) {
        let file = Path::new(FILE);
        // The two steps on their own, as the bundler's pages use them too.
        if let Ok(text) = std::str::from_utf8(&bytes) {
            match split(file, text) {
                Ok(cut) => {
                    prop_assert!(cut.source.len() <= text.len());
                    prop_assert!(cut.body_line >= 2);
                    if let Err(problems) = front_matter::parse(file, text, &cut) {
                        located(&bytes, &problems)?;
                    }
                    let _ = front_matter::parse_page(file, text, &cut);
                }
                Err(problem) => located(&bytes, &[problem])?,
            }
        }
        let first = parse(file, &bytes, &[]);
        match &first {
            Ok(post) => well_formed(post)?,
            Err(problems) => located(&bytes, problems)?,
        }
        prop_assert_eq!(&parse(file, &bytes, &[]), &first, "two readings differ");
    }

    #[test]
    fn a_byte_order_mark_and_crlf_change_nothing(
        (yaml, front_matter) in any::<bool>()
            .prop_flat_map(|yaml| (Just(yaml), fuzz_inputs::front_matter(yaml))),
        body in short_body(),
    ) {
        let fence = if yaml { "---" } else { "+++" };
        // Written with `\n` alone, so that the CRLF variant has no lone `\r` turned into `\r\r\n`.
        let text = format!("{fence}\n{front_matter}{fence}\n{body}").replace('\r', "");
        let file = Path::new(FILE);
        let plain = parse(file, text.as_bytes(), &[]);
        let crlf = text.replace('\n', "\r\n");
        for variant in [format!("\u{feff}{text}"), crlf.clone(), format!("\u{feff}{crlf}")] {
            let read = parse(file, variant.as_bytes(), &[]);
            match (&plain, &read) {
                (Ok(plain), Ok(read)) => {
                    prop_assert_eq!(plain, &without_crlf(read), "{:?}", variant)
                }
                (Err(plain), Err(read)) => same_places(&text, plain, &variant, read)?,
                (plain, read) => prop_assert!(
                    false,
                    "{text:?} gave {:?}\nbut {variant:?} gave {:?}",
                    plain.as_ref().map(|p| &p.summary).map_err(|e| places(e)),
                    read.as_ref().map(|p| &p.summary).map_err(|e| places(e)),
                ),
            }
        }
    }
}

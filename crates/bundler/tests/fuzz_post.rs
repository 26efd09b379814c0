//! Fuzzing of one post's way through the bundler: a whole hostile post file (`fuzz_inputs`:
//! front matter of every kind, a Markdown body nested deep, with long lines, scripts and odd
//! Unicode, any line endings, bytes that are not UTF-8) either is refused with problems located
//! at `file:line:column`, or makes a bundle that decodes with the app's wire types and renders.
//! Never a panic.
//!
//! Two ways in: `post::parse` then `outputs::documents::documents`, the public functions a build
//! runs for each post and for its files, in memory (many cases); and a whole
//! `folio_bundler::build` of a site of that one post in a temporary folder, which also resolves
//! its links and images against the site (a case costs about 20 times more, so it runs fewer).
//!
//! `FOLIO_FUZZ_CASES` sets the number of cases (`cargo xtask test --fuzz` sets it high).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod fuzz_inputs;

use std::path::Path;

use folio_bundler::{outputs::documents::documents, post::parse, BuildOptions, Problem};
use folio_content::{paths, render_html, Date, PostBundle, RenderOptions, Site, FORMAT_VERSION};
use fuzz_inputs::{check_location, config::fuzz_config, post_file};
use proptest::prelude::*;

/// Where the post is, under the site folder; the name gives its slug.
const FILE: &str = "posts/fuzzed-post.md";

/// Today, for the builds: after every date the generators write but year 9999's last days.
fn today() -> Date {
    Date::new(9999, 12, 31).unwrap()
}

fn site() -> Site {
    Site {
        format: FORMAT_VERSION,
        title: "Fuzz".to_owned(),
        description: "A site of one fuzzed post.".to_owned(),
        language: "en".to_owned(),
        base_url: "https://fuzz.example.org/blog/".to_owned(),
        contact: Some("mailto:fuzz@example.org".to_owned()),
        trusted_html: false,
        posts_per_page: 10,
        menu: Vec::new(),
        search: true,
        offline: true,
    }
}

/// Fails unless each of `problems` names `file` and a place in `bytes`, its contents, and says
/// so in its message.
fn located(file: &str, bytes: &[u8], problems: &[Problem]) -> Result<(), TestCaseError> {
    prop_assert!(!problems.is_empty(), "refused without a problem");
    for problem in problems {
        prop_assert_eq!(&problem.file, Path::new(file), "{}", problem);
        if let Err(error) = check_location(bytes, problem.line, problem.column) {
            return Err(TestCaseError::fail(format!(
                "{problem}\nis not located: {error}"
            )));
        }
        let shown = problem.to_string();
        let place = format!("{file}:{}:{}: ", problem.line, problem.column);
        prop_assert!(shown.contains(&place), "{shown:?} does not say {place:?}");
    }
    Ok(())
}

/// Fails unless `json` is a post bundle of the app's wire format that renders, trusted or not.
fn decodes_and_renders(json: &[u8]) -> Result<PostBundle, TestCaseError> {
    let bundle: PostBundle = serde_json::from_slice(json).map_err(|error| {
        TestCaseError::fail(format!(
            "the bundle does not decode: {error}\n{}",
            String::from_utf8_lossy(json)
        ))
    })?;
    prop_assert_eq!(bundle.format, FORMAT_VERSION);
    for trusted_html in [false, true] {
        let options = RenderOptions {
            trusted_html,
            page_controls: true,
            site_root: "/blog/".to_owned(),
        };
        let html = render_html(&bundle.body, &options);
        if !trusted_html {
            prop_assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
        }
    }
    Ok(bundle)
}

proptest! {
    #![proptest_config(fuzz_config("fuzz_post", 1))]

    #[test]
    fn a_post_file_is_refused_at_a_place_or_bundled(bytes in post_file()) {
        let post = match parse(Path::new(FILE), &bytes, &[]) {
            Ok(post) => post,
            Err(problems) => return located(FILE, &bytes, &problems),
        };
        let slug = post.summary.slug.clone();
        let markdown = post.body.markdown.clone();
        let (files, _pages, _) = documents(&site(), vec![post], Vec::new(), &[], today(), None)
            .unwrap_or_else(|problems| {
                let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
                panic!("a post that was read makes no files:\n{}", shown.join("\n"))
            });
        let path = paths::post(&slug);
        let document = files.get(&path).unwrap_or_else(|| panic!("no {path}"));
        let bundle = decodes_and_renders(&document.contents().unwrap())?;
        prop_assert_eq!(&bundle.post.slug, &slug);
        prop_assert_eq!(&bundle.body.markdown, &markdown);
        // Every other file the post is in is well formed too.
        for (path, document) in &files {
            let bytes = document.contents().unwrap();
            if path.ends_with(".json") {
                let value: Result<serde_json::Value, _> = serde_json::from_slice(&bytes);
                prop_assert!(value.is_ok(), "{path} is not JSON: {:?}", value.err());
            }
        }
    }
}

proptest! {
    #![proptest_config(fuzz_config("fuzz_post_site", 16))]

    #[test]
    fn a_site_of_one_post_builds_or_is_refused_at_a_place(bytes in post_file()) {
        let dir = tempfile::tempdir().unwrap();
        let site_toml = "title = \"Fuzz\"\ndescription = \"A site of one fuzzed post.\"\nbase_url = \"https://fuzz.example.org/blog/\"\nlanguage = \"en\"\n";
        std::fs::write(dir.path().join("site.toml"), site_toml).unwrap();
        std::fs::create_dir(dir.path().join("posts")).unwrap();
        std::fs::write(dir.path().join(FILE), &bytes).unwrap();
        let options = BuildOptions {
            drafts: true,
            cache_dir: Some(dir.path().join("cache")),
            ..BuildOptions::new(today())
        };
        match folio_bundler::build(dir.path(), &options) {
            Err(problems) => located(FILE, &bytes, &problems)?,
            Ok(output) => {
                let bundles: Vec<&String> = output
                    .files
                    .keys()
                    .filter(|path| path.starts_with("data/posts/"))
                    .collect();
                prop_assert_eq!(bundles.len(), 1, "{:?}", output.files.keys());
                decodes_and_renders(&output.files[bundles[0]].contents().unwrap())?;
            }
        }
    }
}

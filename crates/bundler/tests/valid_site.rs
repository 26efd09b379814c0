//! Builds the valid fixture site and checks what it makes: files, index order, fields, drafts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use folio_bundler::Output;
use folio_content::{Author, Date, PostBundle, PostIndex, Site, FORMAT_VERSION};

fn document<T: serde::de::DeserializeOwned>(output: &Output, path: &str) -> T {
    let bytes = output
        .files
        .get(path)
        .unwrap_or_else(|| panic!("no {path} in {:?}", output.files.keys()));
    serde_json::from_slice(bytes).unwrap()
}

fn slugs(index: &PostIndex) -> Vec<&str> {
    index.posts.iter().map(|post| post.slug.as_str()).collect()
}

#[test]
fn makes_the_site_index_and_one_bundle_per_published_post() {
    let output = common::build_ok(&common::site("valid"), false);
    let files: Vec<&str> = output.files.keys().map(String::as_str).collect();
    assert_eq!(
        files,
        [
            "data/index.json",
            "data/posts/first-post.json",
            "data/posts/second-post.json",
            "data/site.json"
        ]
    );
    assert_eq!((output.published, output.drafts_skipped), (2, 1));

    let site: Site = document(&output, "data/site.json");
    let expected = Site {
        format: FORMAT_VERSION,
        title: "Fixture blog".into(),
        description: "A site the bundler's tests build.".into(),
        language: "en-GB".into(),
        base_url: "https://fixture.example.org/".into(),
        contact: Some("editor@example.org".into()),
        trusted_html: false,
    };
    assert_eq!(site, expected);
}

#[test]
fn lists_posts_newest_first_without_drafts() {
    let output = common::build_ok(&common::site("valid"), false);
    let index: PostIndex = document(&output, "data/index.json");
    assert_eq!(index.format, FORMAT_VERSION);
    assert_eq!(slugs(&index), ["second-post", "first-post"]);
}

#[test]
fn fills_in_fields_from_the_front_matter_and_site_toml() {
    let output = common::build_ok(&common::site("valid"), false);
    let first: PostBundle = document(&output, "data/posts/first-post.json");
    assert_eq!(first.format, FORMAT_VERSION);
    assert_eq!(first.post.title, "The first post");
    assert_eq!(first.post.date, Date::new(2020, 1, 5).unwrap());
    assert_eq!(
        first.post.authors,
        [Author {
            name: "Ada Lovelace".into(),
            role: Some("Analyst".into())
        }]
    );
    assert_eq!(first.post.tags, ["engines", "notes"]);
    // No summary in the front matter: the first paragraph, as plain text.
    assert_eq!(
        first.post.summary,
        "The first paragraph has emphasis, code and a link, and it goes on to a second line."
    );
    assert!(
        first
            .body
            .starts_with("# A heading is not the summary\n\nThe first paragraph"),
        "{:?}",
        first.body
    );
    assert!(!first.body.contains("+++"), "{:?}", first.body);

    let second: PostBundle = document(&output, "data/posts/second-post.json");
    assert_eq!(second.post.title, "The second post");
    assert_eq!(second.post.date, Date::new(2021, 3, 14).unwrap());
    // Not listed in site.toml: no role.
    assert_eq!(
        second.post.authors,
        [Author {
            name: "Grace Hopper".into(),
            role: None
        }]
    );
    assert_eq!(second.post.summary, "Written by hand.");
    assert_eq!(second.post.tags, Vec::<String>::new());
    assert_eq!(second.body, "Straight after the fence.\n");

    // The index holds the same summaries as the bundles.
    let index: PostIndex = document(&output, "data/index.json");
    assert_eq!(index.posts, [second.post, first.post]);
}

#[test]
fn publishes_drafts_when_asked() {
    let output = common::build_ok(&common::site("valid"), true);
    assert_eq!((output.published, output.drafts_skipped), (3, 0));
    let index: PostIndex = document(&output, "data/index.json");
    assert_eq!(
        slugs(&index),
        ["work-in-progress", "second-post", "first-post"]
    );
    let draft: PostBundle = document(&output, "data/posts/work-in-progress.json");
    assert_eq!(draft.post.title, "Not ready yet");
    assert_eq!(draft.post.authors, []);
    assert_eq!(draft.post.summary, "Still writing this one.");
}

#[test]
fn index_snapshot() {
    let output = common::build_ok(&common::site("valid"), false);
    let index: serde_json::Value = document(&output, "data/index.json");
    insta::assert_snapshot!(serde_json::to_string_pretty(&index).unwrap());
}

#[test]
fn writes_compact_json_under_data() {
    let output = common::build_ok(&common::site("valid"), false);
    let out = tempfile::tempdir().unwrap();
    folio_bundler::write(&output, out.path()).unwrap();
    for path in output.files.keys() {
        let written = std::fs::read(out.path().join(path)).unwrap();
        assert_eq!(&written, &output.files[path], "{path}");
        assert!(!written.contains(&b'\n'), "{path} is not compact");
    }
}

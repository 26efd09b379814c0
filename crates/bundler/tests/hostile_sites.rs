//! The hostile sites of `tests/fixtures/sites/hostile/`, one per class of input that could
//! break a deploy, crash the build or publish what was never meant to be published: each must
//! fail with its problems located, or build to a safe result. Its README lists the classes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::PathBuf;

use common::{located, problems};

fn hostile(name: &str) -> PathBuf {
    common::site("hostile").join(name)
}

#[test]
fn aliases_are_compared_ignoring_case_and_hold_no_host_patterns() {
    let found = problems(&hostile("alias-case"));
    assert_eq!(
        located(&found),
        [
            "posts/moved.md:4:12: the alias \"/Posts/Moved/\" is already the address of the page /posts/moved/",
            "posts/moved.md:4:51: the alias \"/2015/10/old-name/\" is already an alias of /posts/moved/ in posts/moved.md",
            "posts/moved.md:4:73: the alias \"/Report.PDF/\" is already the copied file /report.pdf",
        ]
    );
    assert!(
        found[0].help.contains("ignoring letter case"),
        "{}",
        found[0].help
    );
    let found = problems(&hostile("alias-patterns"));
    assert_eq!(
        located(&found),
        [
            "posts/patterns.md:4:12: \"/old/*\" in \"aliases\" is not a path on this site",
            "posts/patterns.md:4:22: \"/old/:year/\" in \"aliases\" is not a path on this site",
            "posts/patterns.md:4:37: \"/old!/\" in \"aliases\" is not a path on this site",
        ]
    );
    assert!(
        found[0]
            .help
            .contains("Netlify and Cloudflare read `*` as any text"),
        "{}",
        found[0].help
    );
}

#[test]
fn tags_and_authors_that_differ_in_a_symbol_are_never_merged() {
    let output = common::build_ok(&hostile("tag-symbols"), false);
    let mut tag_pages: Vec<&str> = output
        .files
        .keys()
        .filter_map(|path| path.strip_prefix("data/tags/"))
        .filter_map(|rest| rest.strip_suffix("/page-1.json"))
        .collect();
    tag_pages.sort();
    assert_eq!(tag_pages, ["c", "c-plus-plus", "c-sharp"]);
    let mut author_pages: Vec<&str> = output
        .files
        .keys()
        .filter_map(|path| path.strip_prefix("data/authors/"))
        .filter_map(|rest| rest.strip_suffix("/page-1.json"))
        .collect();
    author_pages.sort();
    assert!(
        author_pages.starts_with(&["c", "c-plus-plus"]),
        "{author_pages:?}"
    );
}

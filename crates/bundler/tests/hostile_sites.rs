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

//! One fixture site per kind of mistake: each must fail with the problem at the exact file, line
//! and column, and a message and help that say what to do.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;

use common::{located, problems, site};

#[test]
fn every_broken_image_file_post_heading_and_alias_in_one_build() {
    let found = problems(&site("broken-links"));
    assert_eq!(
        located(&found),
        [
            "posts/earlier-post.md:4:9: there is no image posts/cover.png",
            "posts/with-files/index.md:4:12: the alias \"/archive/\" is already the address of the page /archive/",
            "posts/with-files/index.md:9:12: there is no image posts/with-files/chart.pgn",
            "posts/with-files/index.md:11:5: there is no file posts/with-files/data.csv",
            "posts/with-files/index.md:11:31: there is no post or page posts/earlier-pots.md",
            "posts/with-files/index.md:12:1: posts/earlier-post.md has no heading with the anchor #methd",
        ]
    );
    let helps: Vec<&str> = found.iter().map(|p| p.help.as_str()).collect();
    assert_eq!(
        helps[2..],
        [
            "did you mean chart.png?",
            "put the file there, or correct the link",
            "did you mean ../earlier-post.md?",
            "did you mean #method?",
        ]
    );
}

#[test]
fn an_alias_that_is_a_page_or_another_alias() {
    let found = problems(&site("alias-collision"));
    assert_eq!(
        located(&found),
        [
            "posts/first.md:4:12: the alias \"/posts/second/\" is already the address of the page /posts/second/",
            "posts/second.md:4:12: the alias \"/2015/10/old/\" is already an alias of /posts/first/ in posts/first.md",
            "posts/second.md:4:28: the alias \"/archive/\" is already the address of the page /archive/",
        ]
    );
    assert!(found[0]
        .help
        .starts_with("remove it, or give another old address"));
}

#[test]
fn unterminated_front_matter() {
    let found = problems(&site("unterminated"));
    assert_eq!(
        located(&found),
        ["posts/unterminated.md:1:1: front matter opened with \"+++\" is never closed"]
    );
    assert_eq!(
        found[0].help,
        "did you forget the closing \"+++\" line after the fields?"
    );
}

#[test]
fn unterminated_yaml_front_matter() {
    let found = problems(&site("unterminated-yaml"));
    assert_eq!(
        located(&found),
        ["posts/unterminated-yaml.md:1:1: front matter opened with \"---\" is never closed"]
    );
    assert_eq!(
        found[0].help,
        "did you forget the closing \"---\" line after the fields?"
    );
}

#[test]
fn bad_yaml() {
    let found = problems(&site("bad-yaml"));
    // `tags: [research, leadership` on line 4: the list opened at column 7 is never closed.
    assert_eq!(
        located(&found),
        ["posts/bad-yaml.md:4:7: unclosed bracket '['"]
    );
    assert!(
        found[0]
            .help
            .starts_with("fix the YAML syntax between the \"---\" lines"),
        "{}",
        found[0].help
    );
}

#[test]
fn yaml_alias_bomb() {
    let started = std::time::Instant::now();
    let found = problems(&site("yaml-alias-bomb"));
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(
        located(&found),
        ["posts/yaml-alias-bomb.md:8:8: the YAML aliases expand to too much (is this an alias bomb?)"]
    );
    assert_eq!(
        found[0].help,
        "write the values out instead of repeating them with & anchors and * aliases"
    );
}

#[test]
fn wrong_type() {
    let found = problems(&site("wrong-type"));
    assert_eq!(
        located(&found),
        [
            "posts/wrong-type.md:4:8: \"tags\" must be a list of strings, not a string",
            "posts/wrong-type.md:5:9: \"draft\" must be true or false, not a string",
        ]
    );
    assert_eq!(found[0].help, "write it as tags = [\"...\", \"...\"]");
    assert_eq!(found[1].help, "write it as draft = true");
}

#[test]
fn empty_title() {
    let found = problems(&site("empty-title"));
    assert_eq!(
        located(&found),
        ["posts/empty-title.md:2:8: \"title\" is empty"]
    );
    assert_eq!(found[0].help, "write it as title: \"...\" with some text");
}

#[test]
fn bad_date() {
    let found = problems(&site("bad-date"));
    assert_eq!(
        located(&found),
        ["posts/bad-date.md:3:8: \"2015-13-45\" is not a date"]
    );
    assert_eq!(
        found[0].help,
        "write it as YYYY-MM-DD, e.g. date = 2015-10-25, or as a date and time such as 2015-10-25T09:30:00Z"
    );
}

#[test]
fn missing_title() {
    let found = problems(&site("missing-title"));
    assert_eq!(
        located(&found),
        ["posts/missing-title.md:1:1: missing required field \"title\" in the front matter"]
    );
    assert_eq!(found[0].help, "add title = \"...\" to the front matter");
}

#[test]
fn bad_toml() {
    let found = problems(&site("bad-toml"));
    // `tags = [research, ...]` on line 4: the bare word at column 9 is not a TOML value.
    assert_eq!(
        located(&found),
        ["posts/bad-toml.md:4:9: string values must be quoted, expected literal string"]
    );
    assert_eq!(
        found[0].help,
        "fix the TOML syntax between the \"+++\" lines"
    );
}

#[test]
fn unknown_key() {
    let found = problems(&site("unknown-key"));
    assert_eq!(
        located(&found),
        ["posts/unknown-key.md:4:1: unknown field \"autor\" in the front matter"]
    );
    assert_eq!(
        found[0].help,
        "did you mean \"author\"? accepted fields: title, date, updated, author, tags, summary, description, call_for_comments, draft, slug, aliases, image, series, series_order, related"
    );
}

#[test]
fn duplicate_slug() {
    let found = problems(&site("duplicate-slug"));
    assert_eq!(
        located(&found),
        ["posts/hello_world.md:1:1: the slug \"hello-world\" is already taken by posts/hello-world.md"]
    );
    assert!(
        found[0].help.contains("rename one of the two files"),
        "{}",
        found[0].help
    );
}

#[test]
fn not_utf8() {
    // A Latin-1 "é" on line 5 of the body: written here, as a binary fixture is awkward in git.
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        site("not-utf8").join("site.toml"),
        dir.path().join("site.toml"),
    )
    .unwrap();
    fs::create_dir(dir.path().join("posts")).unwrap();
    let bytes = b"+++\ntitle = \"Latin-1\"\ndate = 2015-10-25\n+++\nCaf\xe9 society.\n";
    fs::write(dir.path().join("posts/latin1.md"), bytes).unwrap();

    let found = problems(dir.path());
    assert_eq!(
        located(&found),
        ["posts/latin1.md:5:4: the file is not valid UTF-8"]
    );
    assert_eq!(
        found[0].help,
        "save the file as UTF-8 (the first bad byte is 0xE9, at byte 47)"
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("site.toml"),
        "title = \"T\"\ndescription = \"D\"\nbase_url = \"https://x.org/\"\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("posts")).unwrap();
    for name in ["bad-date", "missing-title", "unknown-key"] {
        let from = site(name).join(format!("posts/{name}.md"));
        fs::copy(from, dir.path().join(format!("posts/{name}.md"))).unwrap();
    }
    let found = problems(dir.path());
    assert_eq!(
        located(&found),
        [
            "site.toml:1:1: missing required field \"language\" in site.toml",
            "posts/bad-date.md:3:8: \"2015-13-45\" is not a date",
            "posts/missing-title.md:1:1: missing required field \"title\" in the front matter",
            "posts/unknown-key.md:4:1: unknown field \"autor\" in the front matter",
        ]
    );
}

#[test]
fn a_missing_site_toml_says_where_to_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("posts")).unwrap();
    let found = problems(dir.path());
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].file.to_str(), found[0].line),
        (Some("site.toml"), 1)
    );
    assert!(
        found[0]
            .message
            .starts_with("cannot read the site settings"),
        "{}",
        found[0].message
    );
    assert!(found[0].help.contains("--site"), "{}", found[0].help);
}

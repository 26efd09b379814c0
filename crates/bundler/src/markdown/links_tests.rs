use std::fs;

use folio_content::{LocalLink, PostBundle};

use super::*;
use crate::{build, BuildOptions, Output};

const SITE: &str =
    "title = \"T\"\ndescription = \"D\"\nbase_url = \"https://x.org/blog/\"\nlanguage = \"en\"\n";

/// A site in a temporary folder with `files` (path, text) besides its `site.toml`.
fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("site.toml"), SITE).unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

fn post(title: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\ndate = 2020-01-01\n+++\n{body}")
}

fn options() -> BuildOptions {
    BuildOptions::new("2025-01-01".parse().unwrap())
}

fn links_of(output: &Output, slug: &str) -> Vec<LocalLink> {
    let bytes = &output.files[&format!("data/posts/{slug}.json")];
    serde_json::from_slice::<PostBundle>(&bytes.contents().unwrap())
        .unwrap()
        .body
        .links
}

fn link(written: &str, to: &str) -> LocalLink {
    LocalLink::new(written, to)
}

/// Each problem as `file:line:column: message | help`.
fn problems(files: &[(&str, &str)]) -> Vec<String> {
    let dir = site(files);
    let found = build(dir.path(), &options()).unwrap_err();
    found
        .iter()
        .map(|p| {
            format!(
                "{}:{}:{}: {} | {}",
                p.file.display(),
                p.line,
                p.column,
                p.message,
                p.help
            )
        })
        .collect()
}

#[test]
fn links_to_posts_files_and_headings_resolve_to_their_addresses() {
    let mine = post(
        "Mine",
        "# Intro\n\n[back](#intro), [earlier](../earlier.md), [why](../earlier.md#why-now), \
         [folder](../other/), [index](../other/index.md#top-part)\n\n\
         ![Chart](chart.png) [data](data/my%20table.csv?raw=1#row=2) ![Logo](../../static/logo.svg)\n",
    );
    let dir = site(&[
        ("posts/mine/index.md", &mine),
        ("posts/mine/chart.png", "png"),
        ("posts/mine/data/my table.csv", "a,b"),
        (
            "posts/earlier.md",
            &post("Earlier", "## Why now?\n\n[mine](mine/index.md)\n"),
        ),
        ("posts/other/index.md", &post("Other", "# Top part\n")),
        ("static/logo.svg", "<svg/>"),
    ]);
    let output = build(dir.path(), &options()).unwrap();
    assert_eq!(
        links_of(&output, "mine"),
        [
            link("../earlier.md", "/posts/earlier/"),
            link("../earlier.md#why-now", "/posts/earlier/#why-now"),
            link("../other/", "/posts/other/"),
            link("../other/index.md#top-part", "/posts/other/#top-part"),
            link("chart.png", "/posts/mine/chart.png"),
            link(
                "data/my%20table.csv?raw=1#row=2",
                "/posts/mine/data/my%20table.csv?raw=1#row=2"
            ),
            link("../../static/logo.svg", "/logo.svg"),
        ]
    );
    assert_eq!(
        links_of(&output, "earlier"),
        [link("mine/index.md", "/posts/mine/")]
    );
    // The author's files, without the link preview cards the build adds.
    let copied: Vec<&str> = output
        .copies
        .keys()
        .map(String::as_str)
        .filter(|path| !path.starts_with("data/cards/"))
        .collect();
    assert_eq!(
        copied,
        [
            "logo.svg",
            "posts/mine/chart.png",
            "posts/mine/data/my table.csv"
        ]
    );
    assert!(output.copies["logo.svg"].ends_with("static/logo.svg"));
}

#[test]
fn every_broken_link_is_a_problem_where_it_is_written_with_a_suggestion() {
    let body = "# Intro\n\n\
                ![A](chart.pgn) [f](notes.txt)\n\
                [p](../earlier-pots.md) [h](../earlier-post.md#why-no) [o](#intr)\n\
                [x](../../../x.md) [s](../../site.toml)\n";
    let found = problems(&[
        ("posts/mine/index.md", &post("Mine", body)),
        ("posts/mine/chart.png", "png"),
        ("posts/earlier-post.md", &post("Earlier", "## Why now?\n")),
    ]);
    assert_eq!(
        found,
        [
            "posts/mine/index.md:7:1: there is no image posts/mine/chart.pgn | did you mean chart.png?",
            "posts/mine/index.md:7:17: there is no file posts/mine/notes.txt | put the file there, or correct the link",
            "posts/mine/index.md:8:1: there is no post or page posts/earlier-pots.md | did you mean ../earlier-post.md?",
            "posts/mine/index.md:8:25: posts/earlier-post.md has no heading with the anchor #why-no | did you mean #why-now?",
            "posts/mine/index.md:8:56: this post has no heading with the anchor #intr | did you mean #intro?",
            "posts/mine/index.md:9:1: the link \"../../../x.md\" leads outside the site folder | link to a post or a file inside the site: beside the post or in static/",
            "posts/mine/index.md:9:20: the file site.toml is not part of the site: only files beside a post or page in its folder, and files in static/, are published | make the post a folder (posts/<name>/index.md) with the file beside it, or move the file into static/",
        ]
    );
}

#[test]
fn a_file_beside_a_post_that_is_one_file_is_not_published() {
    let found = problems(&[
        ("posts/one.md", &post("One", "![c](chart.png)\n")),
        ("posts/chart.png", "png"),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("posts/one.md:5:1: the image posts/chart.png is not part of the site"),
        "{found:?}"
    );
}

#[test]
fn a_published_post_may_not_link_to_a_draft() {
    let draft = "+++\ntitle = \"D\"\ndate = 2020-01-01\ndraft = true\n+++\nSoon.\n";
    let files = [
        ("posts/one.md", post("One", "[d](draft.md)\n")),
        ("posts/draft.md", draft.to_owned()),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(a, b)| (*a, b.as_str())).collect();
    let found = problems(&files);
    assert_eq!(
        found,
        ["posts/one.md:5:1: posts/draft.md is a draft or dated after today, so readers cannot open it | publish it first, or take the link out until it is"]
    );
    let dir = site(&files);
    let drafts = BuildOptions {
        drafts: true,
        ..options()
    };
    assert!(build(dir.path(), &drafts).is_ok());
}

#[test]
fn a_copy_may_not_take_a_path_the_build_writes() {
    let found = problems(&[
        ("posts/one.md", &post("One", "Hi.\n")),
        ("static/feed.xml", "<feed/>"),
        ("static/tags/index.html", "tags"),
    ]);
    assert_eq!(
        found,
        [
            "static/feed.xml:1:1: this file would be copied to feed.xml, which is a file the build makes | rename or move the file",
            "static/tags/index.html:1:1: this file would be copied to tags/index.html, which is the page /tags/ | rename or move the file",
        ]
    );
}

#[test]
fn paths_are_normalized_and_written_relative_to_a_folder() {
    assert_eq!(
        normalize(Path::new("posts/a/../b/./c.md")),
        Some(PathBuf::from("posts/b/c.md"))
    );
    assert_eq!(normalize(Path::new("posts/../../x")), None);
    assert_eq!(
        relative_from(Path::new("posts/mine"), Path::new("posts/earlier.md")),
        PathBuf::from("../earlier.md")
    );
    assert_eq!(
        relative_from(Path::new("posts"), Path::new("posts/a/index.md")),
        PathBuf::from("a/index.md")
    );
    assert_eq!(encoded(Path::new("a b/ü#?.png")), "a%20b/%C3%BC%23%3F.png");
}

#[test]
fn a_hidden_file_is_never_linked_nor_read() {
    let found = problems(&[
        (
            "posts/one/index.md",
            &post("One", "![A photo](.photo.png) [notes](.notes/a.txt)\n"),
        ),
        ("posts/one/.photo.png", "not read"),
        ("posts/one/.notes/a.txt", "not read"),
    ]);
    assert_eq!(
        found,
        [
            "posts/one/index.md:5:1: the image posts/one/.photo.png is hidden (a name that starts with \".\"), and hidden files are never published | rename it without the leading dot",
            "posts/one/index.md:5:24: the file posts/one/.notes/a.txt is hidden (a name that starts with \".\"), and hidden files are never published | rename it without the leading dot",
        ]
    );
}

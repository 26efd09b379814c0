//! Sites made on the fly: the first request of the home page costs the same on a small site and
//! on a large one (only its counters grow), the feed holds only the newest posts, and a site with
//! no posts still has a first page.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{fs, path::Path, time::Instant};

use folio_content::{paths, Archive, PostPage, TagIndex};

const PER_PAGE: usize = 10;

/// Writes a site of `count` posts: the newest `PER_PAGE` are the same whatever `count` is, the
/// others are older.
fn make_site(dir: &Path, count: usize) {
    fs::create_dir_all(dir.join("posts")).unwrap();
    fs::write(
        dir.join("site.toml"),
        format!(
            "title = \"Big\"\ndescription = \"Many posts\"\nbase_url = \"https://big.example.org/\"\nlanguage = \"en\"\nposts_per_page = {PER_PAGE}\n"
        ),
    )
    .unwrap();
    for n in 0..count {
        let (name, date) = if n < PER_PAGE {
            (format!("newest-{n:02}"), format!("2024-12-{:02}", n + 1))
        } else {
            let year = 2000 + n % 20;
            let month = 1 + n % 12;
            let day = 1 + n % 28;
            (
                format!("older-{n:05}"),
                format!("{year}-{month:02}-{day:02}"),
            )
        };
        let post = format!(
            "+++\ntitle = \"Post {name}\"\ndate = {date}\nauthor = \"Writer {}\"\ntags = [\"topic {}\", \"news\"]\n+++\n\nThe body of {name}, in *Markdown*.\n\n## A heading\n\nMore text.\n",
            n % 7,
            n % 13
        );
        fs::write(dir.join("posts").join(format!("{name}.md")), post).unwrap();
    }
}

fn first_page(count: usize) -> (Vec<u8>, folio_bundler::Output) {
    let dir = tempfile::tempdir().unwrap();
    make_site(dir.path(), count);
    let started = Instant::now();
    let output = support::build(dir.path(), false);
    eprintln!(
        "{count} posts built in {} ms",
        started.elapsed().as_millis()
    );
    (
        output.files[&paths::index_page(1)]
            .contents()
            .unwrap()
            .into_owned(),
        output,
    )
}

#[test]
fn the_first_home_page_has_the_same_size_for_10_or_2000_posts() {
    let (small, small_output) = first_page(PER_PAGE);
    let (large, large_output) = first_page(2_000);
    let small_page: PostPage = serde_json::from_slice(&small).unwrap();
    let large_page: PostPage = serde_json::from_slice(&large).unwrap();
    assert_eq!(small_page.posts, large_page.posts);
    assert_eq!((small_page.total_pages, small_page.total_posts), (1, 10));
    assert_eq!(
        (large_page.total_pages, large_page.total_posts),
        (200, 2_000)
    );
    // "total_pages":1 against 200, "total_posts":10 against 2000: five bytes.
    assert!(
        large.len().abs_diff(small.len()) <= 8,
        "{} bytes against {}",
        large.len(),
        small.len()
    );
    assert_eq!(small_output.published, 10);
    assert_eq!(large_output.published, 2_000);
    assert!(large_output.files.contains_key(&paths::index_page(200)));
    assert!(!large_output.files.contains_key(&paths::index_page(201)));
}

#[test]
fn the_feed_holds_only_the_newest_posts() {
    let (_, output) = first_page(100);
    let xml = support::text(&output, paths::FEED);
    let feed = atom_syndication::Feed::read_from(xml.as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), folio_bundler::FEED_POSTS);
    assert_eq!(
        feed.entries[0].id,
        "https://big.example.org/posts/newest-09/"
    );
    assert_eq!(feed.updated.to_rfc3339(), "2024-12-10T00:00:00+00:00");
}

#[test]
fn a_site_without_posts_still_has_a_first_page() {
    let (page, output) = first_page(0);
    let page: PostPage = serde_json::from_slice(&page).unwrap();
    assert_eq!(
        (
            page.page,
            page.total_pages,
            page.total_posts,
            page.posts.len()
        ),
        (1, 1, 0, 0)
    );
    assert_eq!(
        support::paths(&output),
        [
            "data/archive.json",
            "data/authors.json",
            "data/index/page-1.json",
            "data/search/index.json",
            "data/search/terms-0.json",
            "data/site.json",
            "data/tags.json",
            "feed.json",
            "feed.xml",
            "robots.txt",
            "sitemap.xml"
        ]
    );
    let tags: TagIndex = support::document(&output, paths::TAGS);
    assert_eq!(tags.tags, []);
    let archive: Archive = support::document(&output, paths::ARCHIVE);
    assert_eq!(archive.years, []);
    let xml = support::text(&output, paths::FEED);
    let feed = atom_syndication::Feed::read_from(xml.as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), 0);
    // With nothing newer, the feed is dated the day of the build.
    assert_eq!(
        feed.updated.to_rfc3339(),
        format!("{}T00:00:00+00:00", support::NOW)
    );
}

#[test]
fn drafts_and_scheduled_posts_are_checked_even_when_left_out() {
    let dir = tempfile::tempdir().unwrap();
    make_site(dir.path(), 1);
    let posts = dir.path().join("posts");
    fs::write(
        posts.join("draft.md"),
        "+++\ntitle = \"Draft\"\ndate = 2015-13-01\ndraft = true\n+++\n",
    )
    .unwrap();
    fs::write(
        posts.join("later.md"),
        "+++\ntitle = \"Later\"\ndate = 2099-01-01\ncolour = \"red\"\n+++\n",
    )
    .unwrap();
    let problems = folio_bundler::build(dir.path(), &support::options(false)).unwrap_err();
    let files: Vec<_> = problems
        .iter()
        .map(|p| p.file.display().to_string())
        .collect();
    assert_eq!(files, ["posts/draft.md", "posts/later.md"], "{problems:?}");
}

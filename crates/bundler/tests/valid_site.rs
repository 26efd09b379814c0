//! Builds the valid fixture site and checks what it makes: files, listing order, fields, drafts,
//! and the whole output against a snapshot.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use folio_content::{paths, Author, Date, PostBundle, PostPage, Site, Slug, Tag, FORMAT_VERSION};
use support::{build, document, site};

fn slugs(page: &PostPage) -> Vec<&str> {
    page.posts.iter().map(|post| post.slug.as_str()).collect()
}

fn slug(text: &str) -> Slug {
    Slug::parse(text).unwrap()
}

#[test]
fn makes_every_file_for_the_published_posts() {
    let output = build(&site("valid"), false);
    assert_eq!(
        support::paths(&output),
        [
            "data/archive.json",
            "data/authors.json",
            "data/authors/ada-lovelace/page-1.json",
            "data/authors/grace-hopper/page-1.json",
            "data/index/page-1.json",
            "data/posts/first-post.json",
            "data/posts/second-post.json",
            "data/search/index.json",
            "data/search/posts-0.json",
            "data/search/terms-0.json",
            "data/site.json",
            "data/tags.json",
            "data/tags/engines/page-1.json",
            "data/tags/notes/page-1.json",
            "feed.json",
            "feed.xml",
            "robots.txt",
            "sitemap.xml",
        ]
    );
    assert_eq!(
        (output.published, output.drafts_skipped, output.scheduled),
        (2, 1, 0)
    );

    let site: Site = document(&output, paths::SITE);
    let expected = Site {
        format: FORMAT_VERSION,
        title: "Fixture blog".into(),
        description: "A site the bundler's tests build.".into(),
        language: "en-GB".into(),
        base_url: "https://fixture.example.org/".into(),
        contact: Some("editor@example.org".into()),
        trusted_html: false,
        posts_per_page: 5,
        menu: Vec::new(),
        search: true,
        offline: true,
    };
    assert_eq!(site, expected);
}

#[test]
fn lists_posts_newest_first_without_drafts() {
    let output = build(&site("valid"), false);
    let page: PostPage = document(&output, &paths::index_page(1));
    assert_eq!(page.format, FORMAT_VERSION);
    assert_eq!(slugs(&page), ["second-post", "first-post"]);
    assert_eq!((page.page, page.total_pages, page.total_posts), (1, 1, 2));
}

#[test]
fn fills_in_fields_from_the_front_matter_and_site_toml() {
    let output = build(&site("valid"), false);
    let first: PostBundle = document(&output, &paths::post(&slug("first-post")));
    assert_eq!(first.format, FORMAT_VERSION);
    assert_eq!(first.post.title, "The first post");
    assert_eq!(first.post.date, Date::new(2020, 1, 5).unwrap());
    assert_eq!(
        first.post.authors,
        [Author {
            name: "Ada Lovelace".into(),
            role: Some("Analyst".into()),
            slug: slug("ada-lovelace"),
        }]
    );
    let tag = |name: &str| Tag {
        name: name.into(),
        slug: slug(name),
    };
    assert_eq!(first.post.tags, [tag("engines"), tag("notes")]);
    assert!(!first.post.draft);
    assert!(
        !first.body.markdown.contains("+++"),
        "{:?}",
        first.body.markdown
    );
    // Neighbours among the published posts only: the draft is newer but left out.
    assert_eq!(first.previous, None);
    assert_eq!(first.next.map(|link| link.slug), Some(slug("second-post")));

    let second: PostBundle = document(&output, &paths::post(&slug("second-post")));
    assert_eq!(second.post.title, "The second post");
    assert_eq!(second.post.date, Date::new(2021, 3, 14).unwrap());
    // Not listed in site.toml: no role.
    assert_eq!(second.post.authors[0].role, None);
    assert_eq!(second.post.summary, "Written by hand.");
    assert_eq!(second.body.markdown, "Straight after the fence.\n");
    assert_eq!(second.next, None);

    // Listings hold the same summaries as the bundles.
    let page: PostPage = document(&output, &paths::index_page(1));
    assert_eq!(page.posts, [second.post, first.post]);
}

#[test]
fn publishes_drafts_when_asked() {
    let output = build(&site("valid"), true);
    assert_eq!((output.published, output.drafts_skipped), (3, 0));
    let page: PostPage = document(&output, &paths::index_page(1));
    assert_eq!(
        slugs(&page),
        ["work-in-progress", "second-post", "first-post"]
    );
    let draft: PostBundle = document(&output, &paths::post(&slug("work-in-progress")));
    assert_eq!(draft.post.title, "Not ready yet");
    assert!(draft.post.draft);
    assert_eq!(draft.post.authors, []);
}

#[test]
fn whole_output_snapshot() {
    insta::assert_snapshot!("valid", support::shown(&build(&site("valid"), false)));
}

#[test]
fn writes_compact_json_and_the_rest_as_made() {
    let output = build(&site("valid"), false);
    let out = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    support::publish(&output, None, out.path(), cache.path(), false);
    for path in output.files.keys() {
        let written = std::fs::read(out.path().join(path)).unwrap();
        assert_eq!(
            written,
            output.files[path].contents().unwrap().as_ref(),
            "{path}"
        );
        if path.ends_with(".json") {
            assert!(!written.contains(&b'\n'), "{path} is not compact");
        }
    }
    let left: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert_eq!(left, Vec::<String>::new(), "temporary folders were left");
}

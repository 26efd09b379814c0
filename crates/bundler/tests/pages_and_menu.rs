//! Pages of their own (`pages/`) and the header's menu (`[[menu]]`): where a page goes and
//! where it does not, links to and from pages, and every mistake with a page or a menu entry.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::fs;

use folio_bundler::{build, BuildOptions};
use folio_content::{paths, MenuItem, PageBundle, PostPage, Site};

const SITE: &str = "title = \"T\"\ndescription = \"The site.\"\nbase_url = \"https://x.org/\"\nlanguage = \"en\"\n";

fn site(settings: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("site.toml"), format!("{SITE}{settings}")).unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

fn options() -> BuildOptions {
    BuildOptions::new("2025-01-01".parse().unwrap())
}

const POST: &str =
    "+++\ntitle = \"A post\"\ndate = 2020-01-01\n+++\nSee [about](../pages/about/index.md#who).\n";
const ABOUT: &str = "+++\ntitle = \"About us\"\n+++\n## Who\n\n![Us](us.png) and [the post](../../posts/a-post.md).\n";
const MENU: &str = "[[menu]]\ntitle = \"About\"\ntarget = \"/about\"\n\n[[menu]]\ntitle = \"Code\"\ntarget = \"https://example.org/code\"\n";

#[test]
fn a_page_is_in_the_sitemap_and_the_menu_but_in_no_listing_and_no_feed() {
    let dir = site(
        MENU,
        &[
            ("posts/a-post.md", POST),
            ("pages/about/index.md", ABOUT),
            ("pages/about/us.png", "png"),
        ],
    );
    let output = build(dir.path(), &options()).unwrap();
    let page: PageBundle = support::document(&output, "data/pages/about.json");
    assert_eq!(
        (page.title.as_str(), page.description.as_str()),
        ("About us", "The site.")
    );
    let links: Vec<(&str, &str)> = page
        .body
        .links
        .iter()
        .map(|l| (l.written(), l.to()))
        .collect();
    assert_eq!(
        links,
        [
            ("us.png", "/about/us.png"),
            ("../../posts/a-post.md", "/posts/a-post/")
        ]
    );
    assert!(output.copies.contains_key("about/us.png"));
    let post: folio_content::PostBundle = support::document(&output, "data/posts/a-post.json");
    assert_eq!(post.body.links[0].to(), "/about/#who");

    let site: Site = support::document(&output, paths::SITE);
    assert_eq!(
        site.menu,
        [
            MenuItem("About".into(), "/about/".into()),
            MenuItem("Code".into(), "https://example.org/code".into())
        ]
    );
    let sitemap = support::text(&output, paths::SITEMAP);
    assert!(
        sitemap.contains("<loc>https://x.org/about/</loc>"),
        "{sitemap}"
    );
    assert!(output
        .pages
        .iter()
        .any(|p| p.path == "/about/" && p.page_title.as_deref() == Some("About us")));
    let home: PostPage = support::document(&output, &paths::index_page(1));
    assert_eq!(home.total_posts, 1);
    for feed in [paths::FEED, paths::JSON_FEED] {
        let text = support::text(&output, feed);
        assert!(!text.contains("About us"), "{feed}: {text}");
    }
}

#[test]
fn a_draft_page_waits_for_drafts() {
    let draft = "+++\ntitle = \"Soon\"\ndraft = true\n+++\nx\n";
    let dir = site(
        "",
        &[
            (
                "posts/a.md",
                "+++\ntitle = \"A\"\ndate = 2020-01-01\n+++\nx\n",
            ),
            ("pages/soon.md", draft),
        ],
    );
    assert!(!build(dir.path(), &options())
        .unwrap()
        .files
        .contains_key("data/pages/soon.json"));
    let drafts = BuildOptions {
        drafts: true,
        ..options()
    };
    assert!(build(dir.path(), &drafts)
        .unwrap()
        .files
        .contains_key("data/pages/soon.json"));
}

#[test]
fn every_mistake_with_pages_and_the_menu_is_reported_where_it_is() {
    let menu = "[[menu]]\ntitle = \"About\"\ntarget = \"/abuot/\"\n\n[[menu]]\ntitle = \"Bad\"\ntarget = \"about\"\n";
    let dir = site(
        menu,
        &[
            ("posts/a-post.md", POST),
            ("pages/about/index.md", ABOUT),
            ("pages/about/us.png", "png"),
            ("pages/tags.md", "+++\ntitle = \"Tags\"\n+++\nx\n"),
            (
                "pages/again.md",
                "+++\ntitle = \"Again\"\nslug = \"about\"\n+++\nx\n",
            ),
        ],
    );
    let found = build(dir.path(), &options()).unwrap_err();
    let shown: Vec<String> = found
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
        .collect();
    assert_eq!(shown.len(), 3, "{shown:#?}");
    assert!(
        shown[0].starts_with("site.toml:11:10: the menu target \"about\" is neither a path"),
        "{shown:#?}"
    );
    assert!(
        shown[1].starts_with(
            "pages/again.md:1:1: the address /about/ is already taken by pages/about/index.md"
        ),
        "{shown:#?}"
    );
    assert!(
        shown[2].starts_with(
            "pages/tags.md:1:1: the page's address /tags/ is taken by the site's own pages"
        ),
        "{shown:#?}"
    );

    // Once the site itself is right, a menu path that is no page is reported with a suggestion.
    let dir = site(
        "[[menu]]\ntitle = \"About\"\ntarget = \"/abuot/\"\n",
        &[
            ("posts/a-post.md", POST),
            ("pages/about/index.md", ABOUT),
            ("pages/about/us.png", "png"),
        ],
    );
    let found = build(dir.path(), &options()).unwrap_err();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].line, found[0].column), (7, 10));
    assert_eq!(
        found[0].message,
        "the menu target \"/abuot/\" is no page of the site"
    );
    assert_eq!(found[0].help, "did you mean \"/about/\"?");
}

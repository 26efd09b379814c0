//! Builds the full fixture site (paged listings, tags spelt two ways, several authors, an updated
//! post, a draft, a scheduled post) and checks every kind of file it makes, then the whole
//! output against a snapshot.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use folio_bundler::BuildOptions;
use folio_content::{
    paths, Archive, AuthorIndex, PostBundle, PostPage, Slug, TagIndex, FORMAT_VERSION,
};
use support::{build, build_with, day, document, site, text};

fn full(drafts: bool) -> folio_bundler::Output {
    build(&site("full"), drafts)
}

fn slugs(page: &PostPage) -> Vec<&str> {
    page.posts.iter().map(|post| post.slug.as_str()).collect()
}

fn slug(text: &str) -> Slug {
    Slug::parse(text).unwrap()
}

#[test]
fn makes_every_file_and_leaves_out_drafts_and_scheduled_posts() {
    let output = full(false);
    assert_eq!(
        support::paths(&output),
        [
            "data/archive.json",
            "data/authors.json",
            "data/authors/ada-lovelace/page-1.json",
            "data/authors/grace-hopper/page-1.json",
            "data/index/page-1.json",
            "data/index/page-2.json",
            "data/pages/about.json",
            "data/posts/analytical-engine.json",
            "data/posts/bugs.json",
            "data/posts/compilers.json",
            "data/posts/unsigned.json",
            "data/search/index.json",
            "data/search/posts-0.json",
            "data/search/terms-0.json",
            "data/series.json",
            "data/series/machines-that-think.json",
            "data/site.json",
            "data/tags.json",
            "data/tags/compilers/page-1.json",
            "data/tags/engines/page-1.json",
            "data/tags/local-government/page-1.json",
            "feed.json",
            "feed.xml",
            "robots.txt",
            "sitemap.xml",
        ]
    );
    assert_eq!(
        (output.published, output.drafts_skipped, output.scheduled),
        (4, 1, 1)
    );
}

#[test]
fn pages_the_home_listing_newest_first_ties_by_slug() {
    let output = full(false);
    let first: PostPage = document(&output, &paths::index_page(1));
    let second: PostPage = document(&output, &paths::index_page(2));
    assert_eq!(slugs(&first), ["unsigned", "bugs"]);
    assert_eq!(slugs(&second), ["compilers", "analytical-engine"]);
    for (page, number) in [(&first, 1), (&second, 2)] {
        assert_eq!(
            (page.format, page.page, page.total_pages, page.total_posts),
            (FORMAT_VERSION, number, 2, 4)
        );
    }
}

#[test]
fn links_each_post_to_its_older_and_newer_neighbours() {
    let output = full(false);
    let neighbours = |name: &str| {
        let bundle: PostBundle = document(&output, &paths::post(&slug(name)));
        let slug = |link: Option<folio_content::PostLink>| link.map(|l| l.slug.to_string());
        (slug(bundle.previous), slug(bundle.next))
    };
    let s = |text: &str| Some(text.to_owned());
    assert_eq!(neighbours("unsigned"), (s("bugs"), None));
    assert_eq!(neighbours("bugs"), (s("compilers"), s("unsigned")));
    assert_eq!(neighbours("compilers"), (s("analytical-engine"), s("bugs")));
    assert_eq!(neighbours("analytical-engine"), (None, s("compilers")));
}

#[test]
fn merges_tag_spellings_keeping_the_oldest() {
    let output = full(false);
    let index: TagIndex = document(&output, paths::TAGS);
    let shown: Vec<_> = index
        .tags
        .iter()
        .map(|tag| (tag.tag.name.as_str(), tag.tag.slug.as_str(), tag.count))
        .collect();
    assert_eq!(
        shown,
        [
            ("engines", "engines", 2),
            ("Local Government", "local-government", 2),
            ("Compilers", "compilers", 1),
        ]
    );
    // The newer post wrote "local government"; it shows the first spelling.
    let compilers: PostBundle = document(&output, &paths::post(&slug("compilers")));
    let names: Vec<_> = compilers
        .post
        .tags
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["Local Government", "Compilers"]);
    let tagged: PostPage = document(&output, &paths::tag_page(&slug("local-government"), 1));
    assert_eq!(slugs(&tagged), ["compilers", "analytical-engine"]);
    assert_eq!(
        (tagged.page, tagged.total_pages, tagged.total_posts),
        (1, 1, 2)
    );
}

#[test]
fn lists_authors_by_name_with_their_posts() {
    let output = full(false);
    let index: AuthorIndex = document(&output, paths::AUTHORS);
    let shown: Vec<_> = index
        .authors
        .iter()
        .map(|a| (a.author.name.as_str(), a.author.role.as_deref(), a.count))
        .collect();
    assert_eq!(
        shown,
        [
            ("Ada Lovelace", Some("Analyst"), 2),
            ("Grace Hopper", Some("Rear Admiral"), 2)
        ]
    );
    let grace: PostPage = document(&output, &paths::author_page(&slug("grace-hopper"), 1));
    assert_eq!(slugs(&grace), ["bugs", "compilers"]);
}

#[test]
fn files_posts_by_year_and_month() {
    let output = full(false);
    let archive: Archive = document(&output, paths::ARCHIVE);
    let shown: Vec<(u16, u8, Vec<&str>)> = archive
        .years
        .iter()
        .flat_map(|year| {
            year.months.iter().map(move |month| {
                let slugs = month.posts.iter().map(|p| p.slug.as_str()).collect();
                (year.year, month.month, slugs)
            })
        })
        .collect();
    assert_eq!(
        shown,
        [
            (2020, 3, vec!["unsigned"]),
            (2020, 2, vec!["bugs", "compilers"]),
            (2019, 6, vec!["analytical-engine"]),
        ]
    );
}

#[test]
fn publishes_drafts_when_asked_but_never_scheduled_posts() {
    let output = full(true);
    assert_eq!(
        (output.published, output.drafts_skipped, output.scheduled),
        (5, 0, 1)
    );
    let first: PostPage = document(&output, &paths::index_page(1));
    assert_eq!(slugs(&first), ["draft-idea", "unsigned"]);
    assert!(first.posts[0].draft);
    assert!(output
        .files
        .contains_key(&paths::tag_page(&slug("ideas"), 1)));
    assert!(!output.files.keys().any(|path| path.contains("future")));

    // On its day a scheduled post is published.
    let options = BuildOptions::new(day("2031-01-01"));
    let later = build_with(&site("full"), &options);
    assert_eq!((later.published, later.scheduled), (5, 0));
}

#[test]
fn a_base_url_given_to_the_build_replaces_the_one_in_site_toml() {
    let options = BuildOptions {
        base_url: Some("http://127.0.0.1:4174/preview/".into()),
        ..support::options(false)
    };
    let output = build_with(&site("full"), &options);
    let sitemap = text(&output, paths::SITEMAP);
    assert!(
        sitemap.contains("<loc>http://127.0.0.1:4174/preview/posts/compilers/</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("full.example.org"), "{sitemap}");
    let site: folio_content::Site = serde_json::from_str(&text(&output, paths::SITE)).unwrap();
    assert_eq!(site.base_url, "http://127.0.0.1:4174/preview/");
}

#[test]
fn the_feed_holds_the_newest_posts_with_full_safe_content() {
    let output = full(false);
    let xml = text(&output, paths::FEED);
    let feed = atom_syndication::Feed::read_from(xml.as_bytes()).unwrap();
    assert_eq!(feed.title.value, "Full & <Fixture> blog");
    assert_eq!(feed.id, "https://full.example.org/blog/");
    // The newest change: the compilers post was updated after every post's date.
    assert_eq!(feed.updated.to_rfc3339(), "2021-01-01T00:00:00+00:00");
    let ids: Vec<_> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "https://full.example.org/blog/posts/unsigned/",
            "https://full.example.org/blog/posts/bugs/",
            "https://full.example.org/blog/posts/compilers/",
            "https://full.example.org/blog/posts/analytical-engine/",
        ]
    );
    let engine = &feed.entries[3];
    assert_eq!(
        engine.title.value,
        "Notes on the <Analytical> Engine & its uses"
    );
    let html = engine.content.as_ref().unwrap().value.as_deref().unwrap();
    assert!(html.contains("The first program</h2>"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("javascript:"), "{html}");
    let compilers = &feed.entries[2];
    let authors: Vec<_> = compilers.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(authors, ["Grace Hopper", "Ada Lovelace"]);
    let terms: Vec<_> = compilers
        .categories
        .iter()
        .map(|c| c.term.as_str())
        .collect();
    assert_eq!(terms, ["local-government", "compilers"]);
    assert_eq!(compilers.updated.to_rfc3339(), "2021-01-01T00:00:00+00:00");
    assert_eq!(
        compilers.published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2020-02-10T00:00:00+00:00")
    );
    assert_eq!(
        feed.entries[1].summary.as_ref().map(|s| s.value.as_str()),
        Some("A moth, taped into the log book.")
    );
}

#[test]
fn the_json_feed_has_the_atom_feeds_entries() {
    let output = full(false);
    let atom = atom_syndication::Feed::read_from(text(&output, paths::FEED).as_bytes()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text(&output, paths::JSON_FEED)).unwrap();
    assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(json["title"], "Full & <Fixture> blog");
    assert_eq!(json["home_page_url"], "https://full.example.org/blog/");
    assert_eq!(json["feed_url"], "https://full.example.org/blog/feed.json");
    let items = json["items"].as_array().unwrap();
    assert_eq!(items.len(), atom.entries.len());
    for (item, entry) in items.iter().zip(&atom.entries) {
        assert_eq!(item["id"], entry.id.as_str());
        assert_eq!(item["url"], entry.id.as_str());
        assert_eq!(item["title"], entry.title.value.as_str());
        let content = entry.content.as_ref().unwrap().value.as_deref().unwrap();
        assert_eq!(item["content_html"], content);
        assert_eq!(
            item["date_modified"].as_str().unwrap(),
            entry.updated.to_rfc3339().replace("+00:00", "Z")
        );
        let published = entry.published.unwrap().to_rfc3339().replace("+00:00", "Z");
        assert_eq!(item["date_published"].as_str().unwrap(), published);
        let names: Vec<&str> = item["authors"]
            .as_array()
            .map(|authors| {
                authors
                    .iter()
                    .map(|a| a["name"].as_str().unwrap())
                    .collect()
            })
            .unwrap_or_default();
        let expected: Vec<&str> = entry.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, expected);
    }
    let compilers = &items[2];
    assert_eq!(
        compilers["authors"][0]["url"],
        "https://full.example.org/blog/authors/grace-hopper/"
    );
    assert_eq!(
        compilers["tags"],
        serde_json::json!(["Local Government", "Compilers"])
    );
}

#[test]
fn the_sitemap_and_robots_use_absolute_addresses() {
    let output = full(false);
    let sitemap = text(&output, paths::SITEMAP);
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|rest| rest.split("</loc>").next())
        .collect();
    let base = "https://full.example.org/blog/";
    let expected: Vec<String> = [
        "",
        "page/2/",
        "posts/unsigned/",
        "posts/bugs/",
        "posts/compilers/",
        "posts/analytical-engine/",
        "tags/",
        "tags/engines/",
        "tags/local-government/",
        "tags/compilers/",
        "archive/",
        "authors/ada-lovelace/",
        "authors/grace-hopper/",
        "series/",
        "series/machines-that-think/",
        "about/",
    ]
    .iter()
    .map(|path| format!("{base}{path}"))
    .collect();
    assert_eq!(locs, expected);
    assert!(sitemap.contains("<loc>https://full.example.org/blog/posts/compilers/</loc>\n    <lastmod>2021-01-01</lastmod>"), "{sitemap}");
    assert_eq!(
        text(&output, paths::ROBOTS),
        "User-agent: *\nAllow: /\n\nSitemap: https://full.example.org/blog/sitemap.xml\n"
    );
}

#[test]
fn the_output_does_not_depend_on_the_number_of_threads() {
    let build_on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        // What the build made, without how long its stages took or which cards the cache had.
        let output = pool.install(|| full(true));
        folio_bundler::Output {
            stages: folio_bundler::Stages::default(),
            cards: folio_bundler::outputs::cards::CardWork::default(),
            ..output
        }
    };
    let one = build_on(1);
    assert_eq!(one, build_on(4));
    assert_eq!(one, build_on(16));
}

#[test]
fn whole_output_snapshot() {
    insta::assert_snapshot!("full", support::shown(&full(false)));
}

#[test]
fn the_page_list_names_every_page_and_the_sitemap_is_made_from_it() {
    let output = full(false);
    let listed: Vec<String> = output
        .pages
        .iter()
        .map(|page| format!("{} | {} | {}", page.path, page.file(), page.title))
        .collect();
    insta::assert_snapshot!("pages", listed.join("\n"));
    // Every page but the search and not-found pages is in the sitemap, in the list's order.
    let sitemap = text(&output, paths::SITEMAP);
    let in_sitemap: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|rest| rest.split("</loc>").next())
        .collect();
    let listed: Vec<String> = output
        .pages
        .iter()
        .filter(|page| page.in_sitemap())
        .map(|page| {
            format!(
                "https://full.example.org/blog/{}",
                page.path.trim_start_matches('/')
            )
        })
        .collect();
    assert_eq!(in_sitemap, listed);
    // Out of it: the search page, the not-found page and the two old addresses of the bugs post.
    assert_eq!(output.pages.len(), listed.len() + 4);
    assert!(!sitemap.contains("/search/"), "{sitemap}");
    assert!(!sitemap.contains("1947"), "{sitemap}");
}

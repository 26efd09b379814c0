//! The app's pieces in a real browser (wasm-bindgen-test in headless Chromium): how responses
//! are classified, and what the views put in the DOM.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use folio::{
    api::{decode, ApiError},
    components::{Pagination, PostList, PostView},
};
use folio_content::{
    pages::PageKind, Author, Body, Date, PostBundle, PostPage, PostSummary, Slug, Tag,
    FORMAT_VERSION,
};
use leptos::{mount::mount_to, prelude::*};
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn summary(slug: &str, title: &str) -> PostSummary {
    PostSummary {
        slug: Slug::parse(slug).unwrap(),
        title: title.to_owned(),
        date: Date::new(2015, 10, 25).unwrap(),
        updated: None,
        authors: vec![Author {
            name: "Joan Munro".into(),
            role: Some("Director".into()),
            slug: Slug::parse("joan-munro").unwrap(),
        }],
        summary: "A summary.".into(),
        tags: vec![Tag {
            name: "innovation".into(),
            slug: Slug::parse("innovation").unwrap(),
        }],
        reading_minutes: 1,
        draft: false,
        image: None,
    }
}

fn bundle(post: PostSummary, body: &str) -> PostBundle {
    PostBundle {
        format: FORMAT_VERSION,
        post,
        description: String::new(),
        word_count: 3,
        previous: None,
        next: None,
        call_for_comments: None,
        series: None,
        related: Vec::new(),
        body: Body {
            markdown: body.to_owned(),
            ..Body::default()
        },
    }
}

fn page_json(format: u32) -> String {
    let page = PostPage {
        format,
        page: 1,
        total_pages: 1,
        total_posts: 1,
        posts: vec![summary("a-post", "A post")],
    };
    serde_json::to_string(&page).unwrap()
}

#[wasm_bindgen_test]
fn decodes_a_good_document() {
    let index: PostPage =
        decode(200, Some("application/json"), &page_json(FORMAT_VERSION)).unwrap();
    assert_eq!(index.posts[0].title, "A post");
}

#[wasm_bindgen_test]
fn html_where_json_was_expected_means_not_found() {
    let fallback = "<!doctype html><html><body><noscript>…</noscript></body></html>";
    assert_eq!(
        decode::<PostPage>(200, Some("text/html; charset=utf-8"), fallback),
        Err(ApiError::NotFound)
    );
    assert_eq!(
        decode::<PostPage>(200, None, fallback),
        Err(ApiError::NotFound)
    );
}

#[wasm_bindgen_test]
fn statuses_are_classified() {
    assert_eq!(
        decode::<PostPage>(404, Some("text/plain"), "gone"),
        Err(ApiError::NotFound)
    );
    assert_eq!(
        decode::<PostPage>(500, Some("text/plain"), "oops"),
        Err(ApiError::Status(500))
    );
    assert_eq!(
        decode::<PostPage>(503, None, ""),
        Err(ApiError::Status(503))
    );
}

#[wasm_bindgen_test]
fn bad_data_is_an_error_not_a_panic() {
    for body in [
        "{",
        "null",
        "{\"format\":1}",
        "[1,2,3]",
        "{\"format\":1,\"posts\":[{\"slug\":\"../x\"}]}",
    ] {
        assert!(
            matches!(
                decode::<PostPage>(200, Some("application/json"), body),
                Err(ApiError::BadData(_))
            ),
            "{body}"
        );
    }
    let newer = page_json(FORMAT_VERSION + 1);
    let error = decode::<PostPage>(200, Some("application/json"), &newer).unwrap_err();
    assert!(
        matches!(&error, ApiError::BadData(why) if why.contains("format version")),
        "{error:?}"
    );
}

/// Mounts a view in a fresh element and returns the element; the handle keeps it mounted.
fn mount<V: IntoView + 'static>(
    view: impl FnOnce() -> V + 'static,
) -> (web_sys::HtmlElement, impl Drop) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = mount_to(host.clone(), view);
    (host, handle)
}

#[wasm_bindgen_test]
fn post_view_shows_title_date_byline_and_body() {
    let bundle = bundle(
        summary("a-post", "A post"),
        "First paragraph.\n\nSecond *paragraph*.",
    );
    let (host, _mounted) = mount(move || view! { <Router><PostView bundle /></Router> });
    let text = |selector: &str| {
        host.query_selector(selector)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(text("article.post h1"), "A post");
    assert_eq!(text("time"), "25 October 2015");
    assert_eq!(
        host.query_selector("time")
            .unwrap()
            .unwrap()
            .get_attribute("datetime")
            .as_deref(),
        Some("2015-10-25")
    );
    assert_eq!(text(".byline"), "By Joan Munro, Director");
    let paragraphs = host.query_selector_all(".post-body p").unwrap();
    assert_eq!(paragraphs.length(), 2);
    assert_eq!(text(".post-body em"), "paragraph");
}

#[wasm_bindgen_test]
fn post_view_shows_hostile_html_as_text() {
    let bundle = bundle(summary("hostile", "Hostile"), "<script>window.__pwned = 1</script>\n\n<img src=x onerror=\"window.__pwned = 1\">\n\n[x](javascript:window.__pwned=1)");
    let (host, _mounted) = mount(move || view! { <Router><PostView bundle /></Router> });
    let body = host.query_selector(".post-body").unwrap().unwrap();
    assert!(
        body.query_selector("script, img, a").unwrap().is_none(),
        "{}",
        body.inner_html()
    );
    assert!(body.text_content().unwrap().contains("<script>"));
}

#[wasm_bindgen_test]
fn post_list_links_each_post() {
    let posts = vec![
        summary("first-post", "First"),
        summary("second-post", "Second"),
    ];
    let (host, _mounted) = mount(move || view! { <Router><PostList posts /></Router> });
    let links = host
        .query_selector_all("article.post-summary h2 a")
        .unwrap();
    assert_eq!(links.length(), 2);
    let first: web_sys::Element = links.item(0).unwrap().unchecked_into();
    assert_eq!(
        first.get_attribute("href").as_deref(),
        Some("/posts/first-post/")
    );
    assert_eq!(first.text_content().as_deref(), Some("First"));
}

#[wasm_bindgen_test]
fn drafts_are_marked_and_published_posts_are_not() {
    let mut draft = summary("draft-post", "Draft post");
    draft.draft = true;
    let posts = vec![draft, summary("published-post", "Published")];
    let (host, _mounted) = mount(move || view! { <Router><PostList posts /></Router> });
    let items = host.query_selector_all("article.post-summary").unwrap();
    let badge = |index: u32| {
        let item: web_sys::Element = items.item(index).unwrap().unchecked_into();
        item.query_selector(".draft-badge")
            .unwrap()
            .and_then(|badge| badge.text_content())
    };
    assert_eq!(badge(0).as_deref(), Some("Draft"));
    assert_eq!(badge(1), None);
}

#[wasm_bindgen_test]
fn pagination_links_newer_and_older_pages() {
    let (host, _mounted) = mount(
        || view! { <Router><Pagination page=2 total_pages=3 link=PageKind::Home /></Router> },
    );
    let hrefs: Vec<_> = (0..2)
        .map(|index| {
            let links = host.query_selector_all("nav.pagination a").unwrap();
            let link: web_sys::Element = links.item(index).unwrap().unchecked_into();
            link.get_attribute("href").unwrap()
        })
        .collect();
    assert_eq!(hrefs, ["/", "/page/3/"]);
    assert!(host.text_content().unwrap().contains("Page 2 of 3"));
    let (single, _single_mounted) = mount(
        || view! { <Router><Pagination page=1 total_pages=1 link=PageKind::Home /></Router> },
    );
    assert!(single.query_selector("nav").unwrap().is_none());
}

#[wasm_bindgen_test]
fn headings_get_the_anchors_the_bundle_ships() {
    let mut post = bundle(
        summary("anchors", "Anchors"),
        "## Intro\n\nText.\n\n## Intro\n",
    );
    post.body.outline = folio_content::outline::outline(&post.body.markdown);
    let (host, _mounted) = mount(move || view! { <Router><PostView bundle=post /></Router> });
    let headings = host.query_selector_all(".post-body h2").unwrap();
    let ids: Vec<_> = (0..headings.length())
        .map(|index| {
            let heading: web_sys::Element = headings.item(index).unwrap().unchecked_into();
            heading.id()
        })
        .collect();
    assert_eq!(ids, ["intro", "intro-1"]);
}

#[wasm_bindgen_test]
fn post_view_shows_tags_reading_time_contents_and_neighbours() {
    let mut post = bundle(
        summary("full", "Full"),
        "## One\n\n## Two\n\n### Two and a half\n\nText.",
    );
    post.body.outline = folio_content::outline::outline(&post.body.markdown);
    post.post.updated = Date::new(2016, 1, 2);
    post.post.reading_minutes = 4;
    let link = |slug: &str, title: &str| folio_content::PostLink {
        slug: Slug::parse(slug).unwrap(),
        title: title.to_owned(),
        date: Date::new(2015, 1, 1).unwrap(),
    };
    post.previous = Some(link("older", "Older post"));
    post.next = Some(link("newer", "Newer post"));
    let (host, _mounted) = mount(move || view! { <Router><PostView bundle=post /></Router> });
    let text = |selector: &str| {
        host.query_selector(selector)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let href = |selector: &str| {
        host.query_selector(selector)
            .unwrap()
            .unwrap()
            .get_attribute("href")
            .unwrap()
    };
    assert!(
        text(".meta").contains("Updated 2 January 2016"),
        "{}",
        text(".meta")
    );
    assert!(text(".meta").contains("4 min read"), "{}", text(".meta"));
    assert_eq!(href(".tags a"), "/tags/innovation/");
    assert_eq!(href(".byline a"), "/authors/joan-munro/");
    let contents = host.query_selector_all(".toc a").unwrap();
    assert_eq!(contents.length(), 3);
    assert_eq!(href(".toc a"), "#one");
    assert_eq!(href(".post-nav a[rel=prev]"), "/posts/older/");
    assert_eq!(href(".post-nav a[rel=next]"), "/posts/newer/");
}

#[wasm_bindgen_test]
fn short_posts_have_no_table_of_contents() {
    let mut post = bundle(summary("short", "Short"), "## One\n\n## Two\n");
    post.body.outline = folio_content::outline::outline(&post.body.markdown);
    let (host, _mounted) = mount(move || view! { <Router><PostView bundle=post /></Router> });
    assert!(host.query_selector(".toc").unwrap().is_none());
    assert!(host.query_selector(".post-nav").unwrap().is_none());
}

#[wasm_bindgen_test]
fn a_part_of_a_series_shows_its_place_the_parts_around_it_and_related_posts() {
    let link = |slug: &str, title: &str| folio_content::PostLink {
        slug: Slug::parse(slug).unwrap(),
        title: title.to_owned(),
        date: Date::new(2015, 11, 2).unwrap(),
    };
    let mut post = bundle(summary("two", "Two"), "Text with $x$.");
    post.series = Some(folio_content::PostSeries {
        name: "Bird tables".into(),
        slug: Slug::parse("bird-tables").unwrap(),
        parts: vec![
            link("one", "One"),
            link("two", "Two"),
            link("three", "Three"),
        ],
    });
    post.related = vec![link("garden", "Garden birds")];
    post.body.math = vec!["<math><mi>x</mi></math>".into()];
    let (host, _mounted) = mount(move || view! { <Router><PostView bundle=post /></Router> });
    assert_eq!(
        texts(&host, ".series-parts p"),
        ["Part 2 of 3 in Bird tables"]
    );
    assert_eq!(
        links(&host, ".series-parts p a"),
        [("/series/bird-tables/".to_owned(), "Bird tables".to_owned())]
    );
    assert_eq!(texts(&host, ".series-parts li[aria-current=page]"), ["Two"]);
    assert_eq!(
        links(&host, ".series-parts li a"),
        [
            ("/posts/one/".to_owned(), "One".to_owned()),
            ("/posts/three/".to_owned(), "Three".to_owned())
        ]
    );
    assert_eq!(
        links(&host, ".series-nav a"),
        [
            ("/posts/one/".to_owned(), "← Part 1One".to_owned()),
            ("/posts/three/".to_owned(), "Part 3 →Three".to_owned())
        ]
    );
    assert_eq!(
        links(&host, ".related-posts a"),
        [("/posts/garden/".to_owned(), "Garden birds".to_owned())]
    );
    assert_eq!(texts(&host, ".post-body math mi"), ["x"]);
}

/// The `href` and text of every element `selector` matches under `host`.
fn links(host: &web_sys::HtmlElement, selector: &str) -> Vec<(String, String)> {
    let found = host.query_selector_all(selector).unwrap();
    (0..found.length())
        .map(|index| {
            let link: web_sys::Element = found.item(index).unwrap().unchecked_into();
            (
                link.get_attribute("href").unwrap_or_default(),
                link.text_content().unwrap_or_default(),
            )
        })
        .collect()
}

/// The text of every element `selector` matches under `host`.
fn texts(host: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let found = host.query_selector_all(selector).unwrap();
    (0..found.length())
        .map(|index| {
            found
                .item(index)
                .unwrap()
                .text_content()
                .unwrap_or_default()
        })
        .collect()
}

#[wasm_bindgen_test]
fn tag_cloud_links_each_tag_with_its_count() {
    use folio::components::TagCloud;
    use folio_content::TagCount;
    let tag = |name: &str, slug: &str, count| TagCount {
        tag: Tag {
            name: name.into(),
            slug: Slug::parse(slug).unwrap(),
        },
        count,
    };
    let tags = vec![
        tag("innovation", "innovation", 3),
        tag("local government", "local-government", 1),
    ];
    let (host, _mounted) = mount(move || view! { <Router><TagCloud tags /></Router> });
    assert_eq!(
        links(&host, "ul.tag-cloud li a"),
        [
            ("/tags/innovation/".to_owned(), "innovation".to_owned()),
            (
                "/tags/local-government/".to_owned(),
                "local government".to_owned()
            ),
        ]
    );
    assert_eq!(
        texts(&host, "ul.tag-cloud li .count"),
        ["3 posts", "1 post"]
    );
    let (empty, _empty_mounted) = mount(|| view! { <Router><TagCloud tags=vec![] /></Router> });
    assert_eq!(texts(&empty, "p.empty"), ["No tags yet."]);
}

#[wasm_bindgen_test]
fn archive_list_groups_posts_by_year_and_month() {
    use folio::components::ArchiveList;
    use folio_content::{ArchiveMonth, ArchiveYear, PostLink};
    let link = |slug: &str, title: &str, (year, month, day)| PostLink {
        slug: Slug::parse(slug).unwrap(),
        title: title.into(),
        date: Date::new(year, month, day).unwrap(),
    };
    let years = vec![
        ArchiveYear {
            year: 2015,
            months: vec![
                ArchiveMonth {
                    month: 10,
                    posts: vec![
                        link("leading", "Leading for Innovation", (2015, 10, 25)),
                        link("earlier", "Earlier", (2015, 10, 2)),
                    ],
                },
                ArchiveMonth {
                    month: 3,
                    posts: vec![link("spring", "Spring", (2015, 3, 1))],
                },
            ],
        },
        ArchiveYear {
            year: 2014,
            months: vec![ArchiveMonth {
                month: 12,
                posts: vec![link("winter", "Winter", (2014, 12, 31))],
            }],
        },
    ];
    let (host, _mounted) = mount(move || view! { <Router><ArchiveList years /></Router> });
    assert_eq!(texts(&host, "section.archive-year > h2"), ["2015", "2014"]);
    assert_eq!(
        texts(&host, "section.archive-month > h3"),
        ["October 2015", "March 2015", "December 2014"]
    );
    let october = links(
        &host,
        "section.archive-year:first-child section.archive-month:first-of-type li a",
    );
    assert_eq!(
        october,
        [
            (
                "/posts/leading/".to_owned(),
                "Leading for Innovation".to_owned()
            ),
            ("/posts/earlier/".to_owned(), "Earlier".to_owned()),
        ]
    );
    assert_eq!(links(&host, "ul.archive-posts li a").len(), 4);
    assert_eq!(
        texts(&host, "ul.archive-posts li time")[0],
        "25 October 2015"
    );
    let (empty, _empty_mounted) = mount(|| view! { <Router><ArchiveList years=vec![] /></Router> });
    assert_eq!(texts(&empty, "p.empty"), ["No posts yet."]);
}

#[wasm_bindgen_test]
fn pagination_links_follow_the_listing() {
    let tag = Slug::parse("x").unwrap();
    let (host, _mounted) = mount(move || {
        view! {
            <Router>
                <Pagination page=2 total_pages=3 link=move |page| PageKind::Tag(tag.clone(), page) />
            </Router>
        }
    });
    let hrefs: Vec<_> = links(&host, "nav.pagination a")
        .into_iter()
        .map(|(href, _)| href)
        .collect();
    assert_eq!(hrefs, ["/tags/x/", "/tags/x/page/3/"]);
    let author = Slug::parse("joan-munro").unwrap();
    let (host, _mounted) = mount(move || {
        view! {
            <Router>
                <Pagination page=1 total_pages=2 link=move |page| PageKind::Author(author.clone(), page) />
            </Router>
        }
    });
    assert_eq!(
        links(&host, "nav.pagination a"),
        [(
            "/authors/joan-munro/page/2/".to_owned(),
            "Older posts →".to_owned()
        )]
    );
}

#[wasm_bindgen_test]
fn every_page_reads_back_from_its_own_link() {
    use folio::route::{href, page_at};
    // The parsing itself is `folio_content::pages`' (tested natively there): here, with the
    // base path and the decoding of the browser's build.
    let slug = |text| Slug::parse(text).unwrap();
    let kinds = [
        PageKind::Home(1),
        PageKind::Home(2),
        PageKind::Post(slug("leading-for-innovation")),
        PageKind::Tags,
        PageKind::Tag(slug("café"), 3),
        PageKind::Author(slug("joan-munro"), 2),
        PageKind::Archive,
        PageKind::Standalone(slug("about")),
        PageKind::Search,
    ];
    for kind in kinds {
        let link = href(&kind);
        assert_eq!(page_at(&link), Some(kind), "{link}");
    }
    assert_eq!(href(&PageKind::Tag(slug("café"), 1)), "/tags/café/");
    assert_eq!(
        page_at("/tags/caf%C3%A9/"),
        Some(PageKind::Tag(slug("café"), 1))
    );
    assert_eq!(page_at("/page/1/"), None);
}

#[wasm_bindgen_test]
fn the_browser_folds_text_as_the_bundler_does() {
    use folio_content::search::terms::fold;
    // In wasm, decomposition is the browser's `normalize`; natively, unicode-normalization's.
    assert_eq!(
        fold("Naïve Ångström Straße Œuvre Łódź ÉCOLE"),
        "naive angstrom strasse oeuvre lodz ecole"
    );
    assert_eq!(fold("我们 政府"), "我们 政府");
}

#[wasm_bindgen_test]
fn a_query_goes_into_the_search_address_as_a_form_sends_it() {
    use folio::route::search_path;
    assert_eq!(
        search_path("local government"),
        "/search/?q=local+government"
    );
    assert_eq!(search_path("a+b & c/d?"), "/search/?q=a%2Bb+%26+c%2Fd%3F");
    assert_eq!(search_path("naïve"), "/search/?q=na%C3%AFve");
    assert_eq!(search_path(""), "/search/?q=");
}

#[wasm_bindgen_test]
fn a_header_link_marks_its_page_and_the_pages_below_it_the_home_link_its_own() {
    use folio::header_links::is_current;
    assert!(is_current("/tags/", "/tags/"));
    assert!(is_current("/tags/", "/tags"));
    assert!(is_current("/tags/", "/tags/rust/"));
    assert!(!is_current("/tags/", "/archive/"));
    assert!(!is_current("/tags/", "/tagsmore/"));
    assert!(!is_current("/tags/rust/", "/tags/"));
    assert!(is_current("/", "/"));
    assert!(!is_current("/", "/posts/a/"));
}

#[wasm_bindgen_test]
fn brackets_go_to_neighbours_unless_typing_or_modified() {
    use folio::shortcuts::{shortcut, KeyPress, Shortcut};
    let press = |key| KeyPress {
        key,
        ..KeyPress::default()
    };
    assert_eq!(shortcut(press("[")), Some(Shortcut::PreviousPost));
    assert_eq!(shortcut(press("]")), Some(Shortcut::NextPost));
    assert_eq!(shortcut(press("/")), None);
    assert_eq!(shortcut(press("j")), None);
    assert_eq!(shortcut(press("Enter")), None);
    let typing = KeyPress {
        typing: true,
        ..press("[")
    };
    assert_eq!(shortcut(typing), None);
    let modified = KeyPress {
        modified: true,
        ..press("]")
    };
    assert_eq!(shortcut(modified), None);
}

#[wasm_bindgen_test]
fn code_blocks_of_a_post_get_one_copy_button_each() {
    let bundle = bundle(
        summary("code", "Code"),
        "Text\n\n```rust\nlet a = 1;\n```\n\n```\nb\n```",
    );
    let (host, _mounted) = mount(move || view! { <Router><PostView bundle /></Router> });
    let buttons = host
        .query_selector_all(".code-block > button.copy-code")
        .unwrap();
    assert_eq!(buttons.length(), 2);
    let first: web_sys::Element = buttons.item(0).unwrap().unchecked_into();
    assert_eq!(first.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(first.text_content().as_deref(), Some("Copy"));
    assert_eq!(
        host.query_selector(".code-block > pre")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("let a = 1;\n")
    );
}

//! The app's pages: `PageKind`, every kind of page the site has an address for, with its path
//! within the site (without the base path), the page a path names, its data document and its
//! title; the file each page is built into. The app routes and links by these paths, the bundler
//! lists them in the sitemap and writes each page's HTML file, so that the three agree.
//!
//! Every page's address ends in `/` and is built into `<path>/index.html`: the one layout that
//! GitHub Pages, Netlify, Cloudflare Pages, S3 website hosting and nginx all serve at the page's
//! own address without rewrites. The app also routes the older form without the slash.

use percent_encoding::percent_decode_str;
use serde::{Deserialize, Serialize};

use crate::{paths, Slug};

/// A page of the site at an address of its own: what the app routes to and links to, and the
/// bundler builds a file of. (The not-found page has no address of its own.)
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// Page N (from 1) of the home listing, the newest posts first.
    Home(u32),
    /// One post.
    Post(Slug),
    /// Every tag.
    Tags,
    /// Page N (from 1) of the posts with a tag.
    Tag(Slug, u32),
    /// Page N (from 1) of an author's posts.
    Author(Slug, u32),
    /// Every post by year and month.
    Archive,
    /// Every series.
    SeriesIndex,
    /// A series' parts, in order.
    Series(Slug),
    /// A page of its own, from `pages/` (About).
    Standalone(Slug),
    /// The search page (its query follows in the address as `?q=`).
    Search,
}

impl PageKind {
    /// The path of the page within the site, without the base path: `/`, `/tags/rust/page/2/`.
    pub fn path(&self) -> String {
        match self {
            PageKind::Home(page) => home(*page),
            PageKind::Post(slug) => post(slug),
            PageKind::Tags => TAGS.to_owned(),
            PageKind::Tag(slug, page) => tag(slug, *page),
            PageKind::Author(slug, page) => author(slug, *page),
            PageKind::Archive => ARCHIVE.to_owned(),
            PageKind::SeriesIndex => SERIES_INDEX.to_owned(),
            PageKind::Series(slug) => series(slug),
            PageKind::Standalone(slug) => standalone(slug),
            PageKind::Search => SEARCH.to_owned(),
        }
    }

    /// The page at `path`, a path within the site (the base path taken off), with or without its
    /// final slash: the inverse of [`PageKind::path`]. `None` for an address the site has no page
    /// at, and for one whose slug or page number is malformed (`/page/1/`, `/page/02/` and
    /// `/posts/Hello/` are no pages), so the app shows the not-found page without a request.
    pub fn parse(path: &str) -> Option<PageKind> {
        let inner = match path {
            "" | "/" => return Some(PageKind::Home(1)),
            path => path.strip_prefix('/')?,
        };
        let inner = inner.strip_suffix('/').unwrap_or(inner);
        let parts = inner.split('/').map(decode).collect::<Option<Vec<_>>>()?;
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let kind = match parts.as_slice() {
            ["page", page] => PageKind::Home(later_page(page)?),
            ["posts", slug] => PageKind::Post(Slug::parse(slug)?),
            ["tags"] => PageKind::Tags,
            ["tags", tag] => PageKind::Tag(Slug::parse(tag)?, 1),
            ["tags", tag, "page", page] => PageKind::Tag(Slug::parse(tag)?, later_page(page)?),
            ["authors", author] => PageKind::Author(Slug::parse(author)?, 1),
            ["authors", author, "page", page] => {
                PageKind::Author(Slug::parse(author)?, later_page(page)?)
            }
            ["archive"] => PageKind::Archive,
            ["series"] => PageKind::SeriesIndex,
            ["series", slug] => PageKind::Series(Slug::parse(slug)?),
            ["search"] => PageKind::Search,
            [page] if !RESERVED_FIRST_PARTS.contains(page) => {
                PageKind::Standalone(Slug::parse(page)?)
            }
            _ => return None,
        };
        Some(kind)
    }

    /// The data document the page is shown from (from `paths`, relative to the site's root);
    /// `None` for the search page, which asks the search engine instead.
    pub fn data_path(&self) -> Option<String> {
        let path = match self {
            PageKind::Home(page) => paths::index_page(*page),
            PageKind::Post(slug) => paths::post(slug),
            PageKind::Tags => paths::TAGS.to_owned(),
            PageKind::Tag(tag, page) => paths::tag_page(tag, *page),
            PageKind::Author(author, page) => paths::author_page(author, *page),
            PageKind::Archive => paths::ARCHIVE.to_owned(),
            PageKind::SeriesIndex => paths::SERIES_INDEX.to_owned(),
            PageKind::Series(slug) => paths::series(slug),
            PageKind::Standalone(slug) => paths::standalone(slug),
            PageKind::Search => return None,
        };
        Some(path)
    }

    /// The page's own title, without the site's: "Archive", "Page 2", "Posts tagged “rust”,
    /// page 2"; none for the first home page. `name` is what the page's slug stands for: the
    /// post's or the page's title, the tag's, the author's or the series' name; the other kinds
    /// ignore it.
    pub fn title(&self, name: &str) -> Option<String> {
        let title = match self {
            PageKind::Home(page) => return home_title(*page),
            PageKind::Post(_) | PageKind::Standalone(_) | PageKind::Series(_) => name.to_owned(),
            PageKind::Tags => TAGS_TITLE.to_owned(),
            PageKind::Tag(_, page) => listing_title(&tag_heading(name), *page),
            PageKind::Author(_, page) => listing_title(name, *page),
            PageKind::Archive => ARCHIVE_TITLE.to_owned(),
            PageKind::SeriesIndex => SERIES_TITLE.to_owned(),
            PageKind::Search => SEARCH_TITLE.to_owned(),
        };
        Some(title)
    }
}

/// A page number in an address: only a canonical number from 2 up, as page 1 has the address
/// without one.
fn later_page(text: &str) -> Option<u32> {
    text.parse::<u32>()
        .ok()
        .filter(|page| *page >= 2 && text == page.to_string())
}

/// A part of a path with its `%XX` escapes decoded (a slug may hold letters beyond ASCII).
fn decode(part: &str) -> Option<String> {
    percent_decode_str(part).decode_utf8().ok().map(Into::into)
}

/// The index of every tag.
pub const TAGS: &str = "/tags/";

/// Every post by year and month.
pub const ARCHIVE: &str = "/archive/";

/// The index of every series.
pub const SERIES_INDEX: &str = "/series/";

/// The search page; the query follows as `?q=`.
pub const SEARCH: &str = "/search/";

/// The page for addresses the site does not have, built into `404.html` for the hosts that
/// answer unknown addresses with it.
pub const NOT_FOUND_FILE: &str = "404.html";

/// The title of the not-found page.
pub const NOT_FOUND_TITLE: &str = "Page not found";

/// The title of the tags page.
pub const TAGS_TITLE: &str = "Tags";

/// The title of the archive page.
pub const ARCHIVE_TITLE: &str = "Archive";

/// The title of the series index.
pub const SERIES_TITLE: &str = "Series";

/// The title of the search page.
pub const SEARCH_TITLE: &str = "Search";

/// Page `page` of the home listing: `/` for the first, `/page/N/` after.
pub fn home(page: u32) -> String {
    match page {
        0 | 1 => "/".to_owned(),
        page => format!("/page/{page}/"),
    }
}

/// One post.
pub fn post(slug: &Slug) -> String {
    format!("/posts/{slug}/")
}

/// A series' page: `/series/<slug>/`.
pub fn series(slug: &Slug) -> String {
    format!("/series/{slug}/")
}

/// A page of its own, from `pages/<slug>.md`: `/about/`.
pub fn standalone(slug: &Slug) -> String {
    format!("/{slug}/")
}

/// The first parts of the paths the site's own pages and files take: no page of its own may
/// take one (`/tags/` is a page, `/posts/…` and `/data/…` hold others).
pub const RESERVED_FIRST_PARTS: &[&str] = &[
    "posts", "page", "tags", "authors", "archive", "series", "search", "data",
];

/// Page `page` of the posts with a tag.
pub fn tag(tag: &Slug, page: u32) -> String {
    match page {
        0 | 1 => format!("/tags/{tag}/"),
        page => format!("/tags/{tag}/page/{page}/"),
    }
}

/// Page `page` of an author's posts.
pub fn author(author: &Slug, page: u32) -> String {
    match page {
        0 | 1 => format!("/authors/{author}/"),
        page => format!("/authors/{author}/page/{page}/"),
    }
}

/// The file, relative to the site's root folder, that the page at `path` is built into:
/// `index.html` for `/`, `posts/hello/index.html` for `/posts/hello/`.
pub fn file(path: &str) -> String {
    match path.trim_matches('/') {
        "" => "index.html".to_owned(),
        inner => format!("{inner}/index.html"),
    }
}

/// The address of the page at `path` (from this module) on the site at `base_url` (ending in
/// `/`): `https://x.org/blog/` and `/posts/a/` give `https://x.org/blog/posts/a/`.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{base_url}{}", path.trim_start_matches('/'))
}

/// The path of a site's address, with a final slash, as the site's public path: `https://x.org`
/// is `/`, `https://x.org/blog` and `https://x.org/blog/` are `/blog/`.
pub fn url_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("/", |start| &after_scheme[start..]);
    if path.ends_with('/') {
        path.to_owned()
    } else {
        format!("{path}/")
    }
}

/// The document title of a page: "Page – Site", or the site's title alone.
pub fn document_title(page: Option<&str>, site: &str) -> String {
    match page {
        Some(page) if site.is_empty() => page.to_owned(),
        Some(page) => format!("{page} – {site}"),
        None => site.to_owned(),
    }
}

/// The home page's own title: none for the first page, "Page N" after.
pub fn home_title(page: u32) -> Option<String> {
    (page >= 2).then(|| format!("Page {page}"))
}

/// The heading of a tag's page: Posts tagged “local government”.
pub fn tag_heading(name: &str) -> String {
    format!("Posts tagged “{name}”")
}

/// The title of page `page` of a listing called `name`: "Name", "Name, page 2".
pub fn listing_title(name: &str, page: u32) -> String {
    match page {
        0 | 1 => name.to_owned(),
        page => format!("{name}, page {page}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(text: &str) -> Slug {
        Slug::parse(text).unwrap()
    }

    #[test]
    fn first_pages_have_no_page_number() {
        assert_eq!(home(1), "/");
        assert_eq!(home(3), "/page/3/");
        assert_eq!(post(&slug("hello")), "/posts/hello/");
        assert_eq!(standalone(&slug("about")), "/about/");
        assert_eq!(tag(&slug("rust"), 1), "/tags/rust/");
        assert_eq!(tag(&slug("rust"), 2), "/tags/rust/page/2/");
        assert_eq!(author(&slug("ann"), 1), "/authors/ann/");
        assert_eq!(author(&slug("ann"), 4), "/authors/ann/page/4/");
    }

    #[test]
    fn addresses_and_public_paths() {
        assert_eq!(
            absolute("https://x.org/blog/", "/posts/a/"),
            "https://x.org/blog/posts/a/"
        );
        assert_eq!(absolute("https://x.org/", "/"), "https://x.org/");
        assert_eq!(url_path("https://blog.example.org/"), "/");
        assert_eq!(url_path("https://blog.example.org"), "/");
        assert_eq!(url_path("http://127.0.0.1:4174/blog/"), "/blog/");
        assert_eq!(url_path("https://x.org/a/b"), "/a/b/");
    }

    #[test]
    fn every_page_is_a_folder_with_an_index() {
        assert_eq!(file(&home(1)), "index.html");
        assert_eq!(file(&home(2)), "page/2/index.html");
        assert_eq!(file(&post(&slug("hello"))), "posts/hello/index.html");
        assert_eq!(file(TAGS), "tags/index.html");
        assert_eq!(file(&tag(&slug("rust"), 2)), "tags/rust/page/2/index.html");
        assert_eq!(file(ARCHIVE), "archive/index.html");
    }

    /// One page of every kind, and of the later pages of each listing.
    fn every_kind() -> [PageKind; 14] {
        [
            PageKind::Home(1),
            PageKind::Home(2),
            PageKind::Home(41),
            PageKind::Post(slug("leading-for-innovation")),
            PageKind::Tags,
            PageKind::Tag(slug("local-government"), 1),
            PageKind::Tag(slug("local-government"), 3),
            PageKind::Author(slug("joan-munro"), 1),
            PageKind::Author(slug("joan-munro"), 2),
            PageKind::Archive,
            PageKind::SeriesIndex,
            PageKind::Series(slug("local-government")),
            PageKind::Standalone(slug("about")),
            PageKind::Search,
        ]
    }

    #[test]
    fn every_page_reads_back_from_its_own_path() {
        for kind in every_kind() {
            let path = kind.path();
            assert_eq!(PageKind::parse(&path), Some(kind.clone()), "{path}");
            let without_slash = path.trim_end_matches('/');
            assert_eq!(
                PageKind::parse(without_slash),
                Some(kind),
                "{without_slash:?}"
            );
        }
        assert_eq!(PageKind::parse(""), Some(PageKind::Home(1)));
        assert_eq!(
            PageKind::parse("/tags/caf%C3%A9/"),
            Some(PageKind::Tag(slug("café"), 1))
        );
    }

    #[test]
    fn addresses_the_site_has_no_page_at_are_no_page() {
        for path in [
            "/page/1/",
            "/page/02/",
            "/page/+2/",
            "/page/x/",
            "/page/99999999999/",
            "/page/",
            "/posts/",
            "/posts/Hello/",
            "/posts/a/b/",
            "/tags/a/page/1/",
            "/authors/",
            "/series/a/page/2/",
            "/series/A/",
            "/data/",
            "/about/more/",
            "/a--b/",
            "//",
            "posts/a/",
            "/%FF/",
            "/404.html",
        ] {
            assert_eq!(PageKind::parse(path), None, "{path}");
        }
    }

    #[test]
    fn each_page_has_its_data_document_but_the_search_page() {
        let data: Vec<Option<String>> = every_kind().iter().map(PageKind::data_path).collect();
        assert_eq!(
            data,
            [
                Some("data/index/page-1.json"),
                Some("data/index/page-2.json"),
                Some("data/index/page-41.json"),
                Some("data/posts/leading-for-innovation.json"),
                Some("data/tags.json"),
                Some("data/tags/local-government/page-1.json"),
                Some("data/tags/local-government/page-3.json"),
                Some("data/authors/joan-munro/page-1.json"),
                Some("data/authors/joan-munro/page-2.json"),
                Some("data/archive.json"),
                Some("data/series.json"),
                Some("data/series/local-government.json"),
                Some("data/pages/about.json"),
                None,
            ]
            .map(|path| path.map(str::to_owned))
        );
    }

    #[test]
    fn each_kind_of_page_titles_itself_or_takes_its_name() {
        let titles: Vec<Option<String>> = every_kind()
            .iter()
            .map(|kind| kind.title("Local Government"))
            .collect();
        assert_eq!(
            titles,
            [
                None,
                Some("Page 2"),
                Some("Page 41"),
                Some("Local Government"),
                Some("Tags"),
                Some("Posts tagged “Local Government”"),
                Some("Posts tagged “Local Government”, page 3"),
                Some("Local Government"),
                Some("Local Government, page 2"),
                Some("Archive"),
                Some("Series"),
                Some("Local Government"),
                Some("Local Government"),
                Some("Search"),
            ]
            .map(|title| title.map(str::to_owned))
        );
    }

    #[test]
    fn titles_name_the_page_then_the_site() {
        assert_eq!(document_title(None, "Blog"), "Blog");
        assert_eq!(document_title(Some("Tags"), "Blog"), "Tags – Blog");
        assert_eq!(document_title(Some("Tags"), ""), "Tags");
        assert_eq!(home_title(1), None);
        assert_eq!(home_title(2).as_deref(), Some("Page 2"));
        assert_eq!(
            listing_title(&tag_heading("local government"), 2),
            "Posts tagged “local government”, page 2"
        );
    }
}

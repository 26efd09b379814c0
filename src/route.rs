//! `Route`: every place in the app a link can point to, and the route table: the app builds its
//! URLs here, from the page paths of `folio_content::pages` (which the bundler's sitemap and page
//! files use too), and reads the page an address names here.

use folio_content::{pages, paths, Slug};
use leptos_router::components::ToHref;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::base;

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The newest posts.
    Home,
    /// Page N (2 and up) of the list of posts; page 1 is `Home`.
    HomePage(u32),
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
    /// A page of its own, from `pages/` (About).
    Standalone(Slug),
    /// The search page (its query is in the address's `?q=`, see [`search_path`]).
    Search,
}

impl Route {
    /// The path of the page within the site, without the base path: what `use_navigate`
    /// takes (it adds the base itself).
    pub fn path(&self) -> String {
        match self {
            Route::Home => pages::home(1),
            Route::HomePage(page) => pages::home(*page),
            Route::Post(slug) => pages::post(slug),
            Route::Tags => pages::TAGS.to_owned(),
            Route::Tag(tag, page) => pages::tag(tag, *page),
            Route::Author(author, page) => pages::author(author, *page),
            Route::Archive => pages::ARCHIVE.to_owned(),
            Route::Standalone(slug) => pages::standalone(slug),
            Route::Search => pages::SEARCH.to_owned(),
        }
    }

    /// The data document the page is shown from (relative to the site's root); `None` for the
    /// search page, which asks the search engine instead.
    pub fn data_path(&self) -> Option<String> {
        let path = match self {
            Route::Home => paths::index_page(1),
            Route::HomePage(page) => paths::index_page(*page),
            Route::Post(slug) => paths::post(slug),
            Route::Tags => paths::TAGS.to_owned(),
            Route::Tag(tag, page) => paths::tag_page(tag, *page),
            Route::Author(author, page) => paths::author_page(author, *page),
            Route::Archive => paths::ARCHIVE.to_owned(),
            Route::Standalone(slug) => paths::standalone(slug),
            Route::Search => return None,
        };
        Some(path)
    }

    /// The page at `path`, a path within the site (the base path taken off), with or without its
    /// final slash: the inverse of [`Route::path`]. `None` for an address the site has no page
    /// at, and for one whose slug or page number is malformed (`/page/1/`, `/page/02/` and
    /// `/posts/Hello/` are no pages), so the not-found page shows without a request.
    pub fn parse(path: &str) -> Option<Route> {
        let inner = match path {
            "" | "/" => return Some(Route::Home),
            path => path.strip_prefix('/')?,
        };
        let inner = inner.strip_suffix('/').unwrap_or(inner);
        let parts = inner.split('/').map(decode).collect::<Option<Vec<_>>>()?;
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let route = match parts.as_slice() {
            ["page", page] => Route::HomePage(later_page(page)?),
            ["posts", slug] => Route::Post(Slug::parse(slug)?),
            ["tags"] => Route::Tags,
            ["tags", tag] => Route::Tag(Slug::parse(tag)?, 1),
            ["tags", tag, "page", page] => Route::Tag(Slug::parse(tag)?, later_page(page)?),
            ["authors", author] => Route::Author(Slug::parse(author)?, 1),
            ["authors", author, "page", page] => {
                Route::Author(Slug::parse(author)?, later_page(page)?)
            }
            ["archive"] => Route::Archive,
            ["search"] => Route::Search,
            [page] if !pages::RESERVED_FIRST_PARTS.contains(page) => {
                Route::Standalone(Slug::parse(page)?)
            }
            _ => return None,
        };
        Some(route)
    }
}

/// The path of the search page for `query`, as a form would send it: `/search/?q=local+government`.
pub fn search_path(query: &str) -> String {
    let encoded = utf8_percent_encode(query, QUERY_VALUE)
        .to_string()
        .replace("%20", "+");
    format!("{}?q={encoded}", pages::SEARCH)
}

/// What a query's value escapes: all but letters, digits and `-._~` (a space becomes `+`).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

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

impl ToHref for Route {
    /// The link's `href`: the path under the site's base path (`<A>` uses an absolute path as
    /// it is).
    fn to_href(&self) -> Box<dyn Fn() -> String + '_> {
        let href = format!("{}{}", base::router_base(), self.path());
        Box::new(move || href.clone())
    }
}

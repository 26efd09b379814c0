//! The app's addresses: the link to a page, the page an address names, and the search page's
//! address for a query. The pages and their paths are `folio_content::pages::PageKind`'s (which
//! the bundler's sitemap and page files use too); here they are put under the site's base path.

use folio_content::pages::{self, PageKind};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::base;

/// The link to the page `kind`: its path under the site's base path, as `<a href>` takes it
/// (`<A>` uses an absolute path as it is).
pub fn href(kind: &PageKind) -> String {
    format!("{}{}", base::router_base(), kind.path())
}

/// The page at `pathname`, an address's path with the site's base path; `None` for an address
/// outside the base path or one the site has no page at.
pub fn page_at(pathname: &str) -> Option<PageKind> {
    pathname
        .strip_prefix(base::router_base().as_str())
        .and_then(PageKind::parse)
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

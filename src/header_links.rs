//! The header's links to the site's own pages (its title, its menu): the one that leads to the
//! page shown, or to a page above it, is marked `aria-current="page"`. The bundler marks the
//! built header (`Layout`); the app, which keeps that header, marks it again as the reader moves.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::{base, dom};

/// The header's links that lead into the site.
const SITE_LINKS: &str = ".site-header a[href]:not([rel~='external'])";

/// Whether a header link to `link` marks the page at `page` (both paths under the base path)
/// as its own: the same page, or a page below it (the tags link on a tag's page). The home
/// page's link marks the home page only.
pub fn is_current(link: &str, page: &str) -> bool {
    let trim = |path: &str| path.trim_end_matches('/').to_owned();
    let (link, page, home) = (trim(link), trim(page), trim(&base::router_base()));
    link == page
        || (link != home
            && page
                .strip_prefix(link.as_str())
                .is_some_and(|below| below.starts_with('/')))
}

/// The value of a link's `aria-current`: "page" if it marks the page at `page`.
pub fn aria_current(link: &str, page: &str) -> Option<&'static str> {
    is_current(link, page).then_some("page")
}

/// Marks the built header's links again each time the page changes; call it inside the router.
pub fn use_header_links() {
    let location = use_location();
    Effect::new(move |_| {
        let page = location.pathname.get();
        let Some(document) = dom::document() else {
            return;
        };
        for link in dom::elements(document.query_selector_all(SITE_LINKS)) {
            let Some(anchor) = link.dyn_ref::<web_sys::HtmlAnchorElement>() else {
                continue;
            };
            let _ = match is_current(&anchor.pathname(), &page) {
                true => link.set_attribute("aria-current", "page"),
                false => link.remove_attribute("aria-current"),
            };
        }
    });
}

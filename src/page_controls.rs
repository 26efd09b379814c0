//! What a page's content does, for any page in `<main>`, whether the app adopted it as built or
//! showed it itself: one listener of each kind, on `<main>` or the window, rather than one on
//! each element (which a built page's elements never had). A click on a same-page link goes to
//! its anchor; on a code block's "Copy", copies the code (`copy_code.rs`); `[` and `]` go to the
//! previous and next posts (the post's `rel="prev"` and `rel="next"` links); a link to a page of
//! the site that is hovered or focused starts fetching that page's data and the app's "page"
//! module, so that following it shows the page at once.

use leptos::{ev, prelude::*};
use leptos_router::{hooks::use_navigate, NavigateOptions};
use wasm_bindgen::JsCast;

use crate::{
    api, base, dom, later,
    route::Route,
    shortcuts::{shortcut_of, Shortcut},
};

/// Listens for the page's keys and for links coming under the pointer or the focus, while the
/// calling view (the layout) lives.
pub fn use_page_controls() {
    let navigate = use_navigate();
    let keys = window_event_listener(ev::keydown, move |event| {
        let rel = match shortcut_of(&event) {
            Some(Shortcut::PreviousPost) => "prev",
            Some(Shortcut::NextPost) => "next",
            Some(Shortcut::Search) | None => return,
        };
        let path = dom::document()
            .and_then(|document| {
                document
                    .query_selector(&format!("main .post-nav a[rel=\"{rel}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|link| link.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            .and_then(|link| site_path(&link.pathname()));
        if let Some(path) = path {
            event.prevent_default();
            navigate(&path, NavigateOptions::default());
        }
    });
    let hover = window_event_listener(ev::mouseover, |event| prefetch_link(event.target()));
    let focus = window_event_listener(ev::focusin, |event| prefetch_link(event.target()));
    on_cleanup(move || {
        keys.remove();
        hover.remove();
        focus.remove();
    });
}

/// A click in `<main>`: on a same-page link (`#anchor`: the contents, footnotes, links in the
/// body), goes to the anchor in this page. The router would resolve the link against `<base>`,
/// as the browser does, and go to the home page instead. Setting `location.hash` is a fragment
/// navigation relative to the current address: the browser scrolls and keeps the history.
pub fn follow_same_page_link(event: web_sys::MouseEvent) {
    if event.default_prevented()
        || event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
    {
        return;
    }
    let Some(href) =
        closest(event.target(), "a[href^='#']").and_then(|link| link.get_attribute("href"))
    else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    event.prevent_default();
    let _ = window.location().set_hash(&href);
}

/// Starts fetching what the page a link leads to is shown from, if it is one of the site's.
fn prefetch_link(target: Option<web_sys::EventTarget>) {
    let Some(link) = closest(target, "a[href]") else {
        return;
    };
    if link
        .get_attribute("rel")
        .is_some_and(|rel| rel.contains("external"))
    {
        return;
    }
    let Some(url) = link
        .dyn_ref::<web_sys::HtmlAnchorElement>()
        .map(web_sys::HtmlAnchorElement::href)
        .and_then(|href| web_sys::Url::new(&href).ok())
    else {
        return;
    };
    let same_site = web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .is_some_and(|origin| origin == url.origin());
    let route = site_path(&url.pathname()).and_then(|path| Route::parse(&path));
    if let (true, Some(path)) = (same_site, route.as_ref().and_then(Route::data_path)) {
        api::prefetch(path);
        later::preload_page();
    }
}

/// A path of the site's, without the base path the site is deployed under.
fn site_path(pathname: &str) -> Option<String> {
    pathname
        .strip_prefix(base::router_base().as_str())
        .map(str::to_owned)
}

/// The nearest element to `target`, itself included, that matches `selector`.
fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

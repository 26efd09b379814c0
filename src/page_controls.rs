//! What a page does in the app, whether the app adopted it as built or showed it itself: one
//! listener of each kind, on the window, rather than one on each element (which a built page's
//! elements never had). A click on a same-page link (the skip link, the contents, footnotes)
//! goes to its anchor; `[` and `]` go to the previous and next posts (the post's `rel="prev"`
//! and `rel="next"` links); a link to a page of the site that is hovered or focused starts
//! fetching that page's data, the site settings and the app's "page" module, so that following
//! it shows the page at once. (The theme toggle, the copy buttons and `/` are the page's controls script's,
//! index.html, which works before the app.)

use folio_content::{pages::PageKind, paths};
use leptos::{ev, prelude::*};
use leptos_router::{hooks::use_navigate, NavigateOptions};
use wasm_bindgen::JsCast;

use crate::{
    api, base, dom,
    focus::{focus_main, SKIP_LINK_TARGET},
    later,
    route::page_at,
    shortcuts::{shortcut_of, Shortcut},
};

/// Listens for same-page links, the page's keys and links coming under the pointer or the
/// focus; lives inside the `<Router>`.
#[component]
pub fn PageControls() -> impl IntoView {
    let navigate = use_navigate();
    let keys = window_event_listener(ev::keydown, move |event| {
        let rel = match shortcut_of(&event) {
            Some(Shortcut::PreviousPost) => "prev",
            Some(Shortcut::NextPost) => "next",
            None => return,
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
    // Before the router's own listener, which would follow the link as it reads.
    if let Some(window) = web_sys::window() {
        dom::listen(&window, "click", true, follow_same_page_link);
    }
}

/// A click on a same-page link (`#anchor`: the skip link, the contents, footnotes, links in the
/// body) goes to the anchor in this page. The router would resolve the link against `<base>`,
/// as the browser does, and go to the home page instead. Setting `location.hash` is a fragment
/// navigation relative to the current address: the browser scrolls and keeps the history. The
/// skip link puts the focus on `<main>` instead, where reading goes on.
fn follow_same_page_link(event: web_sys::MouseEvent) {
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
    match href == SKIP_LINK_TARGET {
        true => focus_main(),
        false => {
            let _ = window.location().set_hash(&href);
        }
    }
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
    let page = page_at(&url.pathname());
    if let (true, Some(path)) = (same_site, page.as_ref().and_then(PageKind::data_path)) {
        api::prefetch(path);
        api::prefetch(paths::SITE.to_owned());
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

//! Taking over a page the bundler built. Every page of a site arrives as complete HTML (the
//! same components, rendered natively), inside `<div id="folio-page">`. The app keeps the built
//! frame as it is (the skip link, the header, the footer: `header_links.rs` and
//! `search/search_box.rs` give them their behaviour, the page's controls script the rest) and
//! shows its pages in a `<main>` of its own, mounted into an element that is not yet in the
//! document. The built page's content it adopts as built rather than rendering it again, so the
//! first page needs none of what shows a page from its data (`later.rs`). Once the routed page
//! has settled (on the search page, once its results view is there), the app's `<main>`
//! replaces the built one, in one frame, and the built `<main>`'s nodes move into the app's:
//! the same markup in the same place, so nothing moves, nothing flashes and the scroll position
//! stays, and the document never holds both (no id twice). The adopted nodes, and the head tags
//! the bundler wrote for them, are set aside when the reader goes to another page, and come
//! back when the reader does (`adopted.rs`). If the app's first page cannot be shown, the built
//! page stays: it is readable, and its links work (the app routes them once it runs).

use std::cell::RefCell;

use folio_content::pages::PageKind;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::{adopted, dom, later};

/// The id of the built page's element; `prerender.rs` writes it.
pub const BUILT_PAGE_ID: &str = "folio-page";
/// The attribute of the built page's element that holds the path it was built for, within the
/// site: a host may answer an address with another page (its not-found page, or the home page
/// as a single-page app's fallback), whose content the app must not adopt there.
pub const BUILT_PATH_ATTRIBUTE: &str = "data-path";
/// The class of the built page's element and of the app's: the style sheet lays both out as if
/// their children were their parent's.
pub const ROOT_CLASS: &str = "folio-root";

thread_local! {
    /// The app's element while it waits to replace the built page's `<main>`.
    static WAITING: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    /// The page whose built content the routed page adopts, if it does (not on the search page,
    /// which the app shows itself).
    static ADOPTING: RefCell<Option<Option<PageKind>>> = const { RefCell::new(None) };
}

/// The attribute of `<html>` that says the app has taken over (`data-app="ready"`), for the
/// tests and the benchmarks.
const READY_ATTRIBUTE: &str = "data-app";

/// Whether the routed page has settled: `None` until it has, then whether it may be shown.
#[derive(Clone, Copy)]
struct Settled(RwSignal<Option<bool>>);

/// Mounts `app` into a new element: kept out of the document while there is a built page to
/// take over, at the end of the body otherwise.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let Some(document) = dom::document() else {
        return;
    };
    let (Some(body), Ok(root)) = (document.body(), document.create_element("div")) else {
        return;
    };
    root.set_class_name(ROOT_CLASS);
    if document.get_element_by_id(BUILT_PAGE_ID).is_some() {
        WAITING.set(Some(root.clone()));
    } else if body.append_child(&root).is_ok() {
        mark_ready(&document);
    } else {
        return;
    }
    leptos::mount::mount_to(root.unchecked_into(), app).forget();
}

/// Watches for the moment to take over; call it inside the app.
pub fn provide() {
    let settled = RwSignal::new(None);
    provide_context(Settled(settled));
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let ready = settled.get() == Some(true);
        if ready {
            request_animation_frame(take_over);
        }
        ready
    });
}

/// How the routed page says it has its view (`true`), or only an error (`false`): the first
/// page's error leaves the built page in place; any later page is shown, whatever it is. Take
/// it when a component is built, where the context is.
pub fn reporter() -> impl Fn(bool) + Clone + 'static {
    let settled = use_context::<Settled>();
    move |shown| {
        if let Some(Settled(settled)) = settled {
            settled.update(|state| *state = Some(state.is_some() || shown));
        }
    }
}

fn take_over() {
    let Some(document) = dom::document() else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let (x, y) = (
        window.scroll_x().unwrap_or_default(),
        window.scroll_y().unwrap_or_default(),
    );
    let Some(root) = WAITING.take() else {
        return;
    };
    let built_main = document
        .get_element_by_id(BUILT_PAGE_ID)
        .and_then(|built| built.query_selector("main").ok().flatten());
    let shown = match built_main {
        Some(built_main) => {
            let app_main = root.query_selector("main").ok().flatten();
            if let (Some(kind), Some(app_main)) = (ADOPTING.take(), app_main) {
                adopted::adopt(kind, &built_main, &app_main);
            }
            built_main.replace_with_with_node_1(&root)
        }
        // Something else removed the built page: the app goes where it was, at the end.
        None => document
            .body()
            .map_or(Ok(()), |body| body.append_child(&root).map(|_| ())),
    };
    if shown.is_err() {
        return;
    }
    window.scroll_to_with_x_and_y(x, y);
    mark_ready(&document);
    later::preload_page_when_idle();
}

/// The path within the site that the built page the app is about to take over was built
/// for; `None` when there is no such page.
pub fn built_page_path() -> Option<String> {
    if WAITING.with_borrow(Option::is_none) {
        return None;
    }
    dom::document()?
        .get_element_by_id(BUILT_PAGE_ID)?
        .get_attribute(BUILT_PATH_ATTRIBUTE)
}

/// Whether the built page the app is about to take over is the not-found page (`404.html`,
/// built for no page's address), with which a host answers an address it has no file for.
pub fn built_page_is_not_found() -> bool {
    built_page_path().is_some_and(|path| PageKind::parse(&path).is_none())
}

/// Says that the routed page at `kind` (`None`: an address that is no page) shows the built
/// page's content, which the take-over then moves into the app (`adopted.rs`).
pub fn adopt_built_page(kind: Option<PageKind>) {
    ADOPTING.set(Some(kind));
}

/// Whether the app has taken the built page over (or there was none to take over).
pub fn taken_over() -> bool {
    WAITING.with_borrow(Option::is_none)
}

fn mark_ready(document: &web_sys::Document) {
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute(READY_ATTRIBUTE, "ready");
    }
}

//! Taking over a page the bundler built. Every page of a site arrives as complete HTML (the
//! same components, rendered natively), inside `<div id="folio-page">`. The app mounts into an
//! element of its own that is not yet in the document, and renders the same route; once its page
//! and the site settings are there, that element replaces the built page, in one frame: the same
//! markup in the same place, so nothing moves, nothing flashes and the scroll position stays, and
//! the document never holds both (no id twice). If the app's first page cannot be loaded, the
//! built page stays: it is readable, and its links work (the app routes them once it runs).

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::{dom, site::use_site};

/// The id of the built page's element; `prerender.rs` writes it.
pub const BUILT_PAGE_ID: &str = "folio-page";
/// The class of the built page's element and of the app's: the style sheet lays both out as if
/// their children were the body's.
pub const ROOT_CLASS: &str = "folio-root";

thread_local! {
    /// The app's element while it waits to replace the built page.
    static WAITING: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// The attribute of `<html>` that says the app has taken over (`data-app="ready"`); the style
/// sheet shows the app's own controls from then on.
const READY_ATTRIBUTE: &str = "data-app";
/// What marks the head tags the bundler wrote for the built page; the app keeps the head itself.
const PAGE_HEAD_SELECTOR: &str = "head [data-page]";

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
    let Some(document) = document() else {
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

/// Watches for the moment to take over; call it inside the app, below the site settings.
pub fn provide() {
    let settled = RwSignal::new(None);
    provide_context(Settled(settled));
    let site = use_site();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let ready = settled.get() == Some(true) && site.get().is_some();
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
    let Some(document) = document() else {
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
    let shown = match document.get_element_by_id(BUILT_PAGE_ID) {
        Some(built) => built.replace_with_with_node_1(&root),
        // Something else removed the built page: the app goes where it was, at the end.
        None => document
            .body()
            .map_or(Ok(()), |body| body.append_child(&root).map(|_| ())),
    };
    if shown.is_err() {
        return;
    }
    for tag in dom::elements(document.query_selector_all(PAGE_HEAD_SELECTOR)) {
        tag.remove();
    }
    window.scroll_to_with_x_and_y(x, y);
    mark_ready(&document);
}

fn mark_ready(document: &web_sys::Document) {
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute(READY_ATTRIBUTE, "ready");
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

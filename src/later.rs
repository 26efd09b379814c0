//! The parts of the app that load after the first page. A page arrives built, and the app takes
//! it over as it is (`takeover.rs`), so what shows a page from its data waits until the reader
//! first goes to another one: the views, the decoding of the wire format and the Markdown
//! renderer (module "page"), and the search page with the search engine's client (module
//! "search"). The app's binary (`main.rs`) makes them split points, loaded when first called,
//! and hands them to the app here; a module that cannot be loaded is `Unavailable`, and is
//! asked for again on the next call.

use std::{cell::Cell, rc::Rc};

use folio_content::pages::PageKind;
use futures::future::LocalBoxFuture;
use leptos::prelude::AnyView;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::api::{ApiError, Document};

/// A module of the app could not be loaded (offline, or the site was deployed anew).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

impl From<wasm_split_helpers::SplitLoaderError> for Unavailable {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// What a module gives back once loaded.
pub type Later<T> = LocalBoxFuture<'static, Result<T, Unavailable>>;

/// A page's view from the documents it is shown from, or why there is none.
pub type Shown = Result<AnyView, ApiError>;

/// The app's later modules.
#[derive(Clone, Copy)]
pub struct LaterModules {
    /// A page, from its data document and the site settings' document: its view, or why
    /// there is none.
    pub page: fn(PageKind, Rc<Document>, Rc<Document>) -> Later<Shown>,
    /// Loads the "page" module, without showing anything.
    pub preload_page: fn() -> Later<()>,
    /// The search page's view, from the site settings' document; not found on a site without
    /// search.
    pub search_page: fn(Rc<Document>) -> Later<Shown>,
    /// Loads the "search" module, without showing anything.
    pub preload_search: fn() -> Later<()>,
}

thread_local! {
    static MODULES: Cell<Option<LaterModules>> = const { Cell::new(None) };
}

/// Gives the app its later modules; `main.rs` calls it before mounting.
pub fn provide(modules: LaterModules) {
    MODULES.set(Some(modules));
}

/// The page `kind`, from its data and the site settings: loads the "page" module if need be.
pub async fn page(
    kind: PageKind,
    page: Rc<Document>,
    site: Rc<Document>,
) -> Result<Shown, Unavailable> {
    (modules()?.page)(kind, page, site).await
}

/// The search page, given the site settings: loads the "search" module if need be.
pub async fn search_page(site: Rc<Document>) -> Result<Shown, Unavailable> {
    (modules()?.search_page)(site).await
}

/// Starts loading the "page" module, which the next navigation needs (a link hovered, the
/// browser idle); a failure is forgotten, and the navigation asks again.
pub fn preload_page() {
    if let Ok(modules) = modules() {
        leptos::task::spawn_local(async move {
            let _ = (modules.preload_page)().await;
        });
    }
}

/// Loads the "page" module once the browser has nothing else to do: the first page is shown,
/// and the next is likely to be wanted.
pub fn preload_page_when_idle() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let preload = Closure::once_into_js(preload_page);
    // Safari has no requestIdleCallback: a moment after the take-over, then.
    if window
        .request_idle_callback(preload.unchecked_ref())
        .is_err()
    {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(preload.unchecked_ref(), 1000);
    }
}

/// Starts loading the "search" module (the search box has the focus).
pub fn preload_search() {
    if let Ok(modules) = modules() {
        leptos::task::spawn_local(async move {
            let _ = (modules.preload_search)().await;
        });
    }
}

fn modules() -> Result<LaterModules, Unavailable> {
    MODULES.get().ok_or(Unavailable)
}

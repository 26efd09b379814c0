//! Entry point: logs a panic's message to the console (the page then shows a notice with a
//! reload link: Folio's loader sees the wasm stop), gives the app its later modules, and mounts
//! the app, which takes over the built page.
//!
//! The later modules are split points: `cargo xtask build` (xtask/src/wasm_split.rs) moves the
//! code only they reach out of the wasm every page loads, into modules fetched the first time
//! they are called. They are here, in the app's binary, because each is an exported symbol:
//! in the library they would be linked into the search engine's wasm too.

// The split points' glue, which wasm_split generates: an imported loader and an exported entry
// for each function (`#[no_mangle]`, `unsafe extern "C"`).
#![allow(unsafe_code)]

use std::rc::Rc;

use folio::{
    api::Document,
    later::{self, LaterModules, Shown, Unavailable},
};
use folio_content::pages::PageKind;
use wasm_split_helpers::wasm_split;

fn main() {
    // The message and where it was raised; a stack of a release build's wasm would name no
    // function, so none is taken (console_error_panic_hook's costs the first download bytes).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    later::provide(LaterModules {
        page: |kind, data, site| Box::pin(page(kind, data, site)),
        preload_page: || Box::pin(async { Ok(preload_page().await?) }),
        search_page: |site| Box::pin(search_page(site)),
        preload_search: || Box::pin(async { Ok(preload_search().await?) }),
    });
    folio::takeover::mount(folio::App);
}

/// Module "page": the views, the decoding of the wire format and the Markdown renderer.
#[wasm_split(page, fallible, preload(preload_page))]
fn page(kind: PageKind, data: Rc<Document>, site: Rc<Document>) -> Result<Shown, Unavailable> {
    Ok(folio::pages::show(kind, &data, &site))
}

/// Module "search": the search page, its results and the search engine's client.
#[wasm_split(search, fallible, preload(preload_search))]
fn search_page(site: Rc<Document>) -> Result<Shown, Unavailable> {
    Ok(folio::pages::show_search(&site))
}

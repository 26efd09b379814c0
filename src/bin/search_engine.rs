//! The search engine: a wasm of its own, which trunk builds beside the app's (as its
//! `data-type="worker"`, the way trunk builds a second wasm that the page does not load at
//! first; see `index.html`) and the app loads into the page the first time a reader searches
//! (`folio::search::client`).

fn main() {
    console_error_panic_hook::set_once();
    folio::search::engine::start();
}

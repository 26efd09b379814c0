//! The search worker: a wasm of its own, which trunk builds beside the app's
//! (`data-type="worker"` in `index.html`) and the app starts the first time a reader searches
//! (`folio::search::client`).

fn main() {
    console_error_panic_hook::set_once();
    folio::search::worker::run();
}

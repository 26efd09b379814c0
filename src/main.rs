//! Entry point: logs a panic's message to the console (the page then shows a notice with a
//! reload link: Folio's loader sees the wasm stop), and mounts the app, which takes over the
//! built page.

fn main() {
    // The message and where it was raised; a stack of a release build's wasm would name no
    // function, so none is taken (console_error_panic_hook's costs the first download bytes).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    folio::takeover::mount(folio::App);
}

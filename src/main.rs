//! Entry point: installs the panic hook and mounts the app, which takes over the built page.

fn main() {
    console_error_panic_hook::set_once();
    folio::takeover::mount(folio::App);
}

//! The page the app starts in may be a per-route HTML shell whose head was written by the
//! bundler (title, description, canonical link, link previews; marked `data-shell`). Once the
//! app runs, it keeps the head itself (`PageHead`), so the shell's tags go.

use wasm_bindgen::JsCast;

/// Removes the head tags the shell brought.
pub fn remove_shell_head() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(tags) = document.query_selector_all("head [data-shell]") else {
        return;
    };
    for index in 0..tags.length() {
        if let Some(tag) = tags
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        {
            tag.remove();
        }
    }
}

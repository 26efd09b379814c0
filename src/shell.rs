//! The page the app starts in may be a per-route HTML shell whose head was written by the
//! bundler (title, description, canonical link, link previews; marked `data-shell`). Once the
//! app runs, it keeps the head itself (`PageHead`), so the shell's tags go.

use crate::dom;

/// Removes the head tags the shell brought.
pub fn remove_shell_head() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    for tag in dom::elements(document.query_selector_all("head [data-shell]")) {
        tag.remove();
    }
}

//! The path the site is deployed under. In the browser it comes from the document's
//! `<base href>` (trunk writes its public URL there); a page built natively is told it. The
//! router matches and builds links below it, and data paths are relative, so one build works at
//! `/` or at any sub-path it was built for.

use std::cell::RefCell;

thread_local! {
    static ROUTER_BASE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The base path without its trailing slash: `""` at the root, `"/blog"` under `/blog/`. The
/// document's base does not change, so it is read once.
pub fn router_base() -> String {
    ROUTER_BASE.with_borrow_mut(|base| base.get_or_insert_with(read_router_base).clone())
}

/// The site's root as links to its own files start with: the base path with its trailing
/// slash, `"/"` or `"/blog/"`.
pub fn site_root() -> String {
    format!("{}/", router_base())
}

/// Sets the base path of the pages built on this thread from now on (`"/blog/"` or `"/"`).
#[cfg(feature = "ssr")]
pub fn set_router_base(path: &str) {
    ROUTER_BASE.set(Some(trim_base(path)));
}

#[cfg(target_arch = "wasm32")]
fn read_router_base() -> String {
    let base_uri = crate::dom::document().and_then(|document| document.base_uri().ok().flatten());
    base_uri
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| trim_base(&url.pathname()))
        .unwrap_or_default()
}

/// Outside a browser there is no document to read: the site's root, unless set.
#[cfg(not(target_arch = "wasm32"))]
fn read_router_base() -> String {
    String::new()
}

/// `"/"` -> `""`, `"/blog/"` -> `"/blog"`.
pub fn trim_base(path: &str) -> String {
    path.trim_end_matches('/').to_owned()
}

//! The path the site is deployed under, from the document's `<base href>` (trunk writes its
//! public URL there). The router matches and builds links below it, and data paths are
//! relative, so one build works at `/` or at any sub-path it was built for.

use std::cell::OnceCell;

thread_local! {
    static ROUTER_BASE: OnceCell<String> = const { OnceCell::new() };
}

/// The base path without its trailing slash: `""` at the root, `"/blog"` under `/blog/`. The
/// document's base does not change, so it is read once.
pub fn router_base() -> String {
    ROUTER_BASE.with(|base| base.get_or_init(read_router_base).clone())
}

fn read_router_base() -> String {
    let base_uri = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten());
    base_uri
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| trim_base(&url.pathname()))
        .unwrap_or_default()
}

/// `"/"` -> `""`, `"/blog/"` -> `"/blog"`.
pub fn trim_base(path: &str) -> String {
    path.trim_end_matches('/').to_owned()
}

/// The path of a location within the site: `"/blog/posts/x"` under base `"/blog"` is
/// `"/posts/x"`. A path outside the base is returned as it is.
pub fn within_base<'a>(base: &str, path: &'a str) -> &'a str {
    match path.strip_prefix(base) {
        Some(rest) if rest.starts_with('/') => rest,
        Some("") => "/",
        _ => path,
    }
}

//! Which link and image targets the renderer keeps, and which lead off the site.

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Link,
    Image,
}

/// Keeps http, https, mailto (links only), relative and same-page targets, and raster `data:`
/// images. Browsers ignore ASCII whitespace and control characters inside a scheme, so they are
/// removed before the scheme is read.
pub fn is_safe_url(url: &str, target: Target) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    let Some(scheme) = scheme_of(&cleaned) else {
        return true; // relative path, query or fragment
    };
    match (scheme.to_ascii_lowercase().as_str(), target) {
        ("http" | "https", _) | ("mailto", Target::Link) => true,
        ("data", Target::Image) => is_raster_data_url(&cleaned),
        _ => false,
    }
}

/// The scheme of an absolute URL: what comes before the first `:`, if no `/`, `?` or `#` comes
/// first and it is a scheme as browsers read one (a letter, then letters, digits, `+`, `-` or
/// `.`). Anything else before a `:` (`foo):bar`) makes a relative path, as browsers resolve it.
pub fn scheme_of(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    let scheme = &url[..end];
    let well_formed = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (url.as_bytes().get(end) == Some(&b':') && well_formed).then_some(scheme)
}

fn is_raster_data_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["png", "jpeg", "jpg", "gif", "webp", "avif"]
        .iter()
        .any(|kind| lower.starts_with(&format!("data:image/{kind};base64,")))
}

/// Whether `href` leads off the site as browsers read it: `//host/…`, or any http(s) address,
/// `http:/host` (one slash) included.
pub fn is_external(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
    ["//", "http:", "https:"]
        .iter()
        .any(|start| lower.starts_with(start))
}

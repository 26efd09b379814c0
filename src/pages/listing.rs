//! What the paged listings share: reading the page number from the URL.

/// The page a `:page` parameter names. No parameter is page 1; otherwise only a canonical number
/// from 2 up counts, so `/page/1`, `/page/02` and `/page/x` are not pages of their own.
pub fn page_number(param: Option<&str>) -> Option<u32> {
    match param {
        None => Some(1),
        Some(text) => text
            .parse::<u32>()
            .ok()
            .filter(|page| *page >= 2 && text == page.to_string()),
    }
}

//! What the paged listings of a tag and of an author share: reading the page number from the URL
//! and titling page N.

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

/// The document title of page `page` of a listing called `name`: "Name", "Name, page 2".
pub fn listing_title(name: &str, page: u32) -> String {
    match page {
        0 | 1 => name.to_owned(),
        page => format!("{name}, page {page}"),
    }
}

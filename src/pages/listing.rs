//! What the paged listings share: reading the page number, and the tag or author with it, from
//! the URL.

use folio_content::Slug;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

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

/// The slug in the `:key` parameter and the page number of a paged listing's address (a tag's,
/// an author's); `None` when either is malformed, so the page is not found without a request.
pub fn use_listing_params(key: &'static str) -> Memo<Option<(Slug, u32)>> {
    let params = use_params_map();
    Memo::new(move |_| {
        let params = params.read();
        let slug = Slug::parse(&params.get(key)?)?;
        let page = page_number(params.get("page").as_deref())?;
        Some((slug, page))
    })
}

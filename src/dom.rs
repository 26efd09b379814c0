//! Small helpers for reading the DOM.

use wasm_bindgen::{JsCast, JsValue};

/// The elements of a `query_selector_all` result, in document order; none if the query failed.
pub fn elements(
    found: Result<web_sys::NodeList, JsValue>,
) -> impl Iterator<Item = web_sys::Element> {
    let list = found.ok();
    let length = list.as_ref().map_or(0, web_sys::NodeList::length);
    (0..length).filter_map(move |index| {
        list.as_ref()?
            .item(index)?
            .dyn_into::<web_sys::Element>()
            .ok()
    })
}

/// The page's document; `None` outside a browser.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

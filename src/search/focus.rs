//! What the search box and the search results share: the query being typed, and where the
//! focus is or goes (the box, the results' links), so that neither view imports the other.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::dom;

/// The box's id, which its label names and `focus.rs` leaves the focus in.
pub const SEARCH_BOX_ID: &str = "site-search";

/// The results' links, which the arrow keys move between.
pub const RESULT_LINKS: &str = ".search-results h2 a";

/// The query in the box, which the search page searches for as it is typed (before the
/// address has changed): `Layout` provides it to the box and the page.
#[derive(Clone, Copy)]
pub struct SearchText(pub RwSignal<String>);

impl SearchText {
    /// The one the layout provides, or a new one outside it.
    pub fn use_context() -> SearchText {
        use_context::<SearchText>().unwrap_or_else(|| SearchText(RwSignal::new(String::new())))
    }
}

/// Puts the focus in the search box, its text selected if `select`.
pub fn focus_search_box(select: bool) {
    let input = dom::document()
        .and_then(|document| document.get_element_by_id(SEARCH_BOX_ID))
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        let _ = input.focus();
        if select {
            input.select();
        }
    }
}

/// Whether the focus is in the search box (a navigation made by typing leaves it there).
pub fn typing_in_search_box() -> bool {
    dom::document()
        .and_then(|document| document.active_element())
        .is_some_and(|active| active.id() == SEARCH_BOX_ID)
}

/// The results' links, in order.
pub fn result_links() -> Option<Vec<web_sys::HtmlElement>> {
    let document = dom::document()?;
    let found = document.query_selector_all(RESULT_LINKS).ok()?;
    Some(
        (0..found.length())
            .filter_map(|at| found.item(at)?.dyn_into::<web_sys::HtmlElement>().ok())
            .collect(),
    )
}

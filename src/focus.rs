//! Moves focus to the new page's heading after a client-side navigation to another path, so
//! keyboard and screen-reader users start reading where the page starts. The first load keeps
//! the browser's own focus. After back or forward, the page's scroll position is put back at
//! the same moment (`scroll.rs`); a link to a heading of another page (`/posts/other/#why`)
//! scrolls to that heading once the page shows it. The skip link focuses the main content
//! (`page_controls.rs`).

use std::{cell::Cell, rc::Rc, time::Duration};

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::{scroll, search::focus::typing_in_search_box};

/// How often to look for the new heading while the page's data is on its way.
const POLL: Duration = Duration::from_millis(50);
/// Longer than the fetch deadline: by then the page shows its heading or an error.
const MAX_POLLS: u32 = 240;
/// A heading that is still the old page's after this many polls is this page's too (same view).
const SAME_HEADING_POLLS: u32 = 10;

fn heading() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .query_selector("h1#page-heading")
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

fn poll(generation: Rc<Cell<u32>>, mine: u32, old: Option<web_sys::HtmlElement>, polls: u32) {
    if generation.get() != mine || polls >= MAX_POLLS {
        return;
    }
    if let Some(heading) = heading().filter(|heading| heading.is_connected()) {
        let is_old = old.as_ref().is_some_and(|old| old == &heading);
        if !is_old || polls >= SAME_HEADING_POLLS {
            let target = fragment_target();
            if scroll::restore_pending() || target.is_some() {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = heading.focus_with_options(&options);
                if let Some(target) = target {
                    target.scroll_into_view();
                }
            } else {
                let _ = heading.focus();
            }
            return;
        }
    }
    set_timeout(move || poll(generation, mine, old, polls + 1), POLL);
}

/// The element the address's fragment names (`#why` in `/posts/other/#why`), if the page has it.
fn fragment_target() -> Option<web_sys::Element> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    let id = js_sys::decode_uri_component(id).ok()?.as_string()?;
    window.document()?.get_element_by_id(&id)
}

/// Watches the location; lives inside the `<Router>`.
#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    let generation = Rc::new(Cell::new(0_u32));
    // The path, not the query: a new query (the search page's address following what is
    // typed, or made as one leaves the box for its results) keeps the page, and the focus
    // where the reader has put it.
    Effect::new(move |first: Option<()>| {
        location.pathname.track();
        if first.is_some() {
            let mine = generation.get().wrapping_add(1);
            generation.set(mine);
            // Typing in the search box changes the address: the focus stays where one types.
            if typing_in_search_box() {
                return;
            }
            let old = heading();
            // The old page's view is still in the DOM right now: start looking after it goes.
            set_timeout(
                {
                    let generation = generation.clone();
                    move || poll(generation, mine, old, 0)
                },
                Duration::ZERO,
            );
        }
    });
}

/// The id of `<main>` (`components::Main`), where every page shows.
pub const MAIN_ID: &str = "content";

/// The skip link's `href`: `<main>`.
pub const SKIP_LINK_TARGET: &str = "#content";

/// Puts the focus on `<main>` (the skip link's target), where the page starts.
pub fn focus_main() {
    let main = crate::dom::document()
        .and_then(|document| document.get_element_by_id(MAIN_ID))
        .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

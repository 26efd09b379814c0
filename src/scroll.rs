//! Scroll positions on back and forward. The browser's own restoration runs before the page's
//! data has come, when the page is too short to scroll, so Folio keeps each address's position
//! itself and puts it back once the page shows its heading (see `focus.rs`). A new navigation
//! starts at the top, as the router does.

use std::{cell::RefCell, collections::HashMap};

use leptos::prelude::*;
use leptos_router::hooks::use_location;

thread_local! {
    /// The last scroll position of each path this tab has shown.
    static POSITIONS: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// The path back or forward went to, and the position to put back once its page is shown.
    static PENDING: RefCell<Option<(String, f64)>> = const { RefCell::new(None) };
}

/// Remembers positions and notices back and forward; lives inside the `<Router>`.
#[component]
pub fn ScrollRestoration() -> impl IntoView {
    let location = use_location();
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    // The router's path changes as soon as a navigation starts, before the old page goes: a
    // position is never filed under the page that replaces it.
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
        let path = location.pathname.get_untracked();
        POSITIONS.with_borrow_mut(|positions| positions.insert(path, scroll_y()));
    });
    // The window's address is already the one back or forward went to.
    let on_popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let path = window_path();
        let saved = POSITIONS.with_borrow(|positions| positions.get(&path).copied());
        PENDING.set(saved.map(|y| (path, y)));
    });
    on_cleanup(move || {
        on_scroll.remove();
        on_popstate.remove();
    });
}

/// Puts back the position of the page that back or forward went to, if that is the page shown
/// now; says whether it did. Either way the position is used up: a back or forward that
/// changed only the fragment (`#note`) leaves one that the next page must not take.
pub fn restore_pending() -> bool {
    match PENDING.take() {
        Some((path, y)) if path == window_path() => {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, y);
            }
            true
        }
        _ => false,
    }
}

fn window_path() -> String {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default()
}

fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|window| window.scroll_y().ok())
        .unwrap_or_default()
}

//! Small helpers for the DOM.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

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

/// Calls `handler` with each `event` (its name: `"input"`) on `target`, as long as the page
/// lives: for the built page's elements that the app keeps (the header's), and for the window.
/// With `capture`, before any listener of the event's target or of the elements on its way.
pub fn listen<E: JsCast + 'static>(
    target: &web_sys::EventTarget,
    event: &str,
    capture: bool,
    mut handler: impl FnMut(E) + 'static,
) {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        handler(event.unchecked_into());
    });
    let _ = target.add_event_listener_with_callback_and_bool(
        event,
        closure.as_ref().unchecked_ref(),
        capture,
    );
    closure.forget();
}

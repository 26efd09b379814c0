//! The "Copy" buttons on a post's code blocks (the renderer writes them, `code_blocks.rs` in
//! `folio_content`), handled by one click listener on `<main>` (event delegation).

use std::time::Duration;

use leptos::prelude::set_timeout;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

const BUTTON_SELECTOR: &str = "button.copy-code";
const LABEL: &str = "Copy";
/// How long the button says "Copied" (or that copying failed).
const CONFIRMATION: Duration = Duration::from_millis(2000);

fn say(button: &web_sys::Element, text: &str) {
    button.set_text_content(Some(text));
    let button = button.clone();
    set_timeout(move || button.set_text_content(Some(LABEL)), CONFIRMATION);
}

/// The body's click listener: a click on a copy button copies its block's code.
pub fn on_body_click(event: web_sys::MouseEvent) {
    let Some(button) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|target| target.closest(BUTTON_SELECTOR).ok().flatten())
    else {
        return;
    };
    let code = button
        .parent_element()
        .and_then(|block| block.query_selector("pre").ok().flatten())
        .and_then(|pre| pre.text_content())
        .unwrap_or_default();
    let Some(clipboard) = web_sys::window().map(|window| window.navigator().clipboard()) else {
        return;
    };
    // Outside a secure context there is no navigator.clipboard.
    if clipboard.is_undefined() {
        say(&button, "Copy failed");
        return;
    }
    let copied = {
        let button = button.clone();
        Closure::once(move |_: JsValue| say(&button, "Copied"))
    };
    let failed = Closure::once(move |_: JsValue| say(&button, "Copy failed"));
    let _ = clipboard.write_text(&code).then2(&copied, &failed);
    // One of the two runs once the promise settles; both are small and live as long as the page.
    copied.forget();
    failed.forget();
}

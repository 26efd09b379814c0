//! "Copy" buttons on a post's code blocks: added to the rendered body after it is in the DOM,
//! and handled by one click listener on the body (event delegation).

use std::time::Duration;

use leptos::prelude::set_timeout;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::dom;

/// The class of a code block's wrapper, which holds the `pre` and its button.
const BLOCK_CLASS: &str = "code-block";
/// The class of the buttons.
const BUTTON_CLASS: &str = "copy-code";
const BUTTON_SELECTOR: &str = "button.copy-code";
const LABEL: &str = "Copy";
/// How long the button says "Copied" (or that copying failed).
const CONFIRMATION: Duration = Duration::from_millis(2000);

/// Wraps each `pre` of `body` that has no button yet and adds a `<button type="button">`.
pub fn add_copy_buttons(body: &web_sys::Element) {
    let Some(document) = body.owner_document() else {
        return;
    };
    for pre in dom::elements(body.query_selector_all("pre")) {
        let Some(parent) = pre.parent_element() else {
            continue;
        };
        if parent.class_list().contains(BLOCK_CLASS) {
            continue;
        }
        let (Ok(wrapper), Ok(button)) = (
            document.create_element("div"),
            document.create_element("button"),
        ) else {
            return;
        };
        wrapper.set_class_name(BLOCK_CLASS);
        button.set_class_name(BUTTON_CLASS);
        let _ = button.set_attribute("type", "button");
        // The change to "Copied" is announced.
        let _ = button.set_attribute("aria-live", "polite");
        button.set_text_content(Some(LABEL));
        let _ = parent.insert_before(&wrapper, Some(&pre));
        let _ = wrapper.append_child(&pre);
        let _ = wrapper.append_child(&button);
    }
}

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

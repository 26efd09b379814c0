//! Keyboard shortcuts of the post page: `[` for the previous (older) post, `]` for the next
//! (newer) one (`page_controls.rs` follows them). Keys typed into a field or pressed with a
//! modifier are the browser's. (`/` for the search box is the page's controls script's,
//! index.html, which works before the app.)

use wasm_bindgen::JsCast;

/// Where a shortcut goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    PreviousPost,
    NextPost,
}

/// The state of a key press that decides whether it is a shortcut.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    /// Ctrl, Alt or Meta held down.
    pub modified: bool,
    /// The key goes to a text field, a select or an editable element.
    pub typing: bool,
}

/// The shortcut a key press means, if any.
pub fn shortcut(press: KeyPress<'_>) -> Option<Shortcut> {
    if press.modified || press.typing {
        return None;
    }
    match press.key {
        "[" => Some(Shortcut::PreviousPost),
        "]" => Some(Shortcut::NextPost),
        _ => None,
    }
}

/// The shortcut a key press in the browser means, if any.
pub fn shortcut_of(event: &web_sys::KeyboardEvent) -> Option<Shortcut> {
    shortcut(KeyPress {
        key: &event.key(),
        modified: event.ctrl_key() || event.alt_key() || event.meta_key(),
        typing: typing(event),
    })
}

fn typing(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    target.is_content_editable()
        || matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
}

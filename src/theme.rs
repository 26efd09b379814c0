//! Light and dark: the reader's choice, remembered in localStorage and applied as
//! `data-theme` on `<html>`. With no stored choice the system's preference decides.

/// The localStorage key of the reader's choice; index.html reads it too, before the wasm loads.
pub const STORAGE_KEY: &str = "folio-theme";

/// A colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// The value of `data-theme` and of the stored choice.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Reads a stored choice; anything else is no choice.
    pub fn parse(value: &str) -> Option<Theme> {
        match value {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The other theme.
    pub fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// The theme in force: the stored choice if there is a valid one, else the system's preference.
pub fn choose(stored: Option<&str>, system_prefers_dark: bool) -> Theme {
    stored
        .and_then(Theme::parse)
        .unwrap_or(if system_prefers_dark {
            Theme::Dark
        } else {
            Theme::Light
        })
}

fn storage() -> Option<web_sys::Storage> {
    // Outside a browser (a page built natively) there is no storage: the reader has not chosen.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    // localStorage throws when storage is blocked: then nothing is remembered.
    web_sys::window()?.local_storage().ok().flatten()
}

fn system_prefers_dark() -> bool {
    if cfg!(not(target_arch = "wasm32")) {
        return false;
    }
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-color-scheme: dark)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// The theme in force now, from storage and the system's preference.
pub fn current() -> Theme {
    let stored = storage().and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten());
    choose(stored.as_deref(), system_prefers_dark())
}

/// Remembers the reader's choice (when storage allows) and applies it to `<html>`.
pub fn remember(theme: Theme) {
    if let Some(storage) = storage() {
        // A full or blocked storage only means the choice is forgotten on reload.
        let _ = storage.set_item(STORAGE_KEY, theme.as_str());
    }
    if let Some(root) = crate::dom::document().and_then(|document| document.document_element()) {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
}

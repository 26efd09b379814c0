//! The header's button that switches between the light and the dark theme. What it does, and
//! whether it shows as pressed, is the page's controls script's (index.html), from the first
//! paint: the built page's button is the one the reader uses, before the app and after.

use leptos::prelude::*;

/// A button labelled with the theme it switches to; `aria-pressed` tells whether dark is on
/// (the script sets it once the page is parsed: the build does not know the reader's choice).
#[component]
pub fn ThemeToggle() -> impl IntoView {
    view! {
        <button type="button" class="theme-toggle" aria-pressed="false">
            "Dark theme"
        </button>
    }
}

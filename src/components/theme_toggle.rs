//! The header's button that switches between the light and the dark theme.

use leptos::prelude::*;

use crate::theme::{self, Theme};

/// A button labelled with the theme it switches to; `aria-pressed` tells whether dark is on.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    // Nothing is applied until the reader chooses: till then the CSS follows the system, and
    // index.html has already applied a stored choice.
    let dark = RwSignal::new(theme::current() == Theme::Dark);
    let toggle = move |_| {
        let next = !dark.get_untracked();
        dark.set(next);
        theme::remember(if next { Theme::Dark } else { Theme::Light });
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-pressed=move || if dark.get() { "true" } else { "false" }
            on:click=toggle
        >
            "Dark theme"
        </button>
    }
}

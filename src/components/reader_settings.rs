//! The header's reading settings, beside the theme toggle: smaller or larger text (three steps)
//! and wide lines. Like the toggle, what they do is the page's controls script's (index.html),
//! from the first paint, and the reader's choice is on `<html>` before the page shows, so the
//! next page opens with it: the built page's buttons are the ones the reader uses.

use leptos::prelude::*;

#[component]
pub fn ReaderSettings() -> impl IntoView {
    view! {
        <div class="reader-settings" role="group" aria-label="Reading settings">
            <button type="button" class="text-size" data-step="-1" aria-label="Smaller text" title="Smaller text">
                "A−"
            </button>
            <button type="button" class="text-size" data-step="1" aria-label="Larger text" title="Larger text">
                "A+"
            </button>
            <button type="button" class="measure-toggle" aria-pressed="false">
                "Wide lines"
            </button>
        </div>
    }
}

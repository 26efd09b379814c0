//! Marks a draft, which only `cargo xtask serve` publishes, so an author never mistakes it for a
//! published post.

use leptos::prelude::*;

#[component]
pub fn DraftBadge(draft: bool) -> impl IntoView {
    draft.then(|| view! { <span class="draft-badge">"Draft"</span> })
}

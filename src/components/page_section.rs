//! A page's section with its heading: the `h1` that titles the page, which takes the focus after
//! a client-side navigation (`focus.rs`), and names the section.

use leptos::prelude::*;

/// The id of every page's heading; `focus.rs` looks for it.
pub const PAGE_HEADING_ID: &str = "page-heading";

#[component]
pub fn PageSection(
    /// The section's class, which the style sheet knows the page by.
    class: &'static str,
    /// The page's heading.
    #[prop(into)]
    heading: Signal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <section class=class aria-labelledby=PAGE_HEADING_ID>
            <h1 id=PAGE_HEADING_ID tabindex="-1">{heading}</h1>
            {children()}
        </section>
    }
}

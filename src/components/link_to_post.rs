//! A link to a post, or to one of its headings (hovered or focused, it starts fetching the
//! post: `page_controls.rs`).

use folio_content::{pages::PageKind, Slug};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::route::href;

#[component]
pub fn LinkToPost(
    slug: Slug,
    /// The heading to open the post at.
    #[prop(optional_no_strip)]
    anchor: Option<String>,
    children: Children,
) -> impl IntoView {
    let path = href(&PageKind::Post(slug));
    let href = match anchor {
        Some(anchor) => format!("{path}#{anchor}"),
        None => path,
    };
    view! {
        <A href=href>
            {children()}
        </A>
    }
}

//! A post's tags, each linking to the posts with that tag.

use folio_content::{pages::PageKind, Tag};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::route::href;

#[component]
pub fn TagLinks(tags: Vec<Tag>) -> impl IntoView {
    (!tags.is_empty()).then(|| {
        view! {
            <ul class="tags" aria-label="Tags">
                {tags
                    .into_iter()
                    .map(|tag| view! { <li><A href=href(&PageKind::Tag(tag.slug, 1))>{tag.name}</A></li> })
                    .collect_view()}
            </ul>
        }
    })
}

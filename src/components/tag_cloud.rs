//! Every tag with how many posts carry it, each linking to the first page of those posts.

use folio_content::{pages::PageKind, TagCount};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::route::href;

#[component]
pub fn TagCloud(tags: Vec<TagCount>) -> impl IntoView {
    if tags.is_empty() {
        return view! { <p class="empty">"No tags yet."</p> }.into_any();
    }
    view! {
        <ul class="tag-cloud">
            {tags
                .into_iter()
                .map(|TagCount { tag, count }| {
                    view! {
                        <li>
                            <A href=href(&PageKind::Tag(tag.slug, 1))>{tag.name}</A>
                            " "
                            <span class="count">{posts(count)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// "1 post", "3 posts".
fn posts(count: u32) -> String {
    match count {
        1 => "1 post".to_owned(),
        count => format!("{count} posts"),
    }
}

//! "By Name, Role and Name, Role", each name linking to the author's page.

use folio_content::{pages::PageKind, Author};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::route::href;

#[component]
pub fn Byline(authors: Vec<Author>) -> impl IntoView {
    (!authors.is_empty()).then(|| {
        let people = authors
            .into_iter()
            .enumerate()
            .map(|(index, author)| {
                let separator = (index > 0).then_some(" and ");
                let role = author
                    .role
                    .map(|role| view! { ", " <span class="role">{role}</span> });
                view! {
                    {separator}
                    <span class="author">
                        <A href=href(&PageKind::Author(author.slug, 1))>
                            <span class="name">{author.name}</span>
                        </A>
                        {role}
                    </span>
                }
            })
            .collect_view();
        view! { <p class="byline">"By " {people}</p> }
    })
}

//! A link to a post that starts fetching the post's bundle when it is hovered or focused, so
//! that following it shows the post at once.

use folio_content::Slug;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::{api, route::Route};

#[component]
pub fn LinkToPost(slug: Slug, children: Children) -> impl IntoView {
    let prefetch = {
        let slug = slug.clone();
        move || api::prefetch_post(&slug)
    };
    let on_focus = prefetch.clone();
    view! {
        <A href=Route::Post(slug) on:mouseenter=move |_| prefetch() on:focus=move |_| on_focus()>
            {children()}
        </A>
    }
}

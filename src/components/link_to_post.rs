//! A link to a post, or to one of its headings, that starts fetching the post's bundle when it
//! is hovered or focused, so that following it shows the post at once.

use folio_content::Slug;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::{api, base, route::Route};

#[component]
pub fn LinkToPost(
    slug: Slug,
    /// The heading to open the post at.
    #[prop(optional_no_strip)]
    anchor: Option<String>,
    children: Children,
) -> impl IntoView {
    let prefetch = {
        let slug = slug.clone();
        move || api::prefetch_post(&slug)
    };
    let on_focus = prefetch.clone();
    let path = format!("{}{}", base::router_base(), Route::Post(slug).path());
    let href = match anchor {
        Some(anchor) => format!("{path}#{anchor}"),
        None => path,
    };
    view! {
        <A href=href on:mouseenter=move |_| prefetch() on:focus=move |_| on_focus()>
            {children()}
        </A>
    }
}

//! `/authors/:author/` and `/authors/:author/page/:page/`: who the author is and one page of
//! their posts. A malformed author or page number shows the not-found page without fetching
//! anything.

use leptos::prelude::*;

use crate::{
    api::{self, ApiError},
    components::AuthorView,
    pages::{
        loaded::{load, page_view, Loaded},
        use_listing_params,
    },
};

#[component]
pub fn AuthorPage() -> impl IntoView {
    let wanted = use_listing_params("author");
    let load = load(move || {
        let wanted = wanted.get();
        async move {
            let (author, page) = wanted.ok_or(ApiError::NotFound)?;
            let listing = api::fetch_author_page(author.clone(), page).await?;
            Ok(page_view(move || {
                view! { <AuthorView author=author.clone() listing=listing.clone() /> }
            }))
        }
    });
    view! { <Loaded load /> }
}

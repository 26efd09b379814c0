//! `/tags/:tag/` and `/tags/:tag/page/:page/`: one page of the posts with a tag. A malformed tag
//! or page number shows the not-found page without fetching anything.

use leptos::prelude::*;

use crate::{
    api::{self, ApiError},
    components::TagView,
    pages::{
        loaded::{load, page_view, Loaded},
        use_listing_params,
    },
};

#[component]
pub fn TagPage() -> impl IntoView {
    let wanted = use_listing_params("tag");
    let load = load(move || {
        let wanted = wanted.get();
        async move {
            let (tag, page) = wanted.ok_or(ApiError::NotFound)?;
            let listing = api::fetch_tag_page(tag.clone(), page).await?;
            Ok(page_view(move || {
                view! { <TagView tag=tag.clone() listing=listing.clone() /> }
            }))
        }
    });
    view! { <Loaded load /> }
}

//! `/tags/`: every tag with how many posts carry it.

use leptos::prelude::*;

use crate::{
    api,
    components::TagsView,
    pages::loaded::{load, page_view, Loaded},
};

#[component]
pub fn TagsPage() -> impl IntoView {
    let load = load(|| async {
        let index = api::fetch_tags().await?;
        Ok(page_view(
            move || view! { <TagsView index=index.clone() /> },
        ))
    });
    view! { <Loaded load /> }
}

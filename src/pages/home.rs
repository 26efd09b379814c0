//! `/` and `/page/N/`: the site's title and description, and one page of the list of posts.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::{self, ApiError},
    components::HomeView,
    pages::{
        loaded::{load, page_view, Loaded},
        page_number,
    },
};

#[component]
pub fn HomePage() -> impl IntoView {
    let params = use_params_map();
    let page = Memo::new(move |_| page_number(params.read().get("page").as_deref()));
    let load = load(move || {
        let page = page.get();
        async move {
            let listing = api::fetch_index_page(page.ok_or(ApiError::NotFound)?).await?;
            Ok(page_view(
                move || view! { <HomeView listing=listing.clone() /> },
            ))
        }
    });
    view! { <Loaded load /> }
}

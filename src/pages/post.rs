//! `/posts/:slug/`: one post. A slug that is malformed or has no bundle shows the not-found page.

use folio_content::Slug;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::{self, ApiError},
    components::PostView,
    pages::loaded::{load, page_view, Loaded},
};

#[component]
pub fn PostPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| {
        params
            .read()
            .get("slug")
            .and_then(|slug| Slug::parse(&slug))
    });
    let load = load(move || {
        let slug = slug.get();
        async move {
            let bundle = api::fetch_post(slug.ok_or(ApiError::NotFound)?).await?;
            Ok(page_view(
                move || view! { <PostView bundle=bundle.clone() /> },
            ))
        }
    });
    view! { <Loaded load /> }
}

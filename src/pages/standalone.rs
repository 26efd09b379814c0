//! `/:page/`: a page of its own, from `pages/` (About). A name that is no slug, or has no
//! bundle, shows the not-found page.

use folio_content::Slug;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::{self, ApiError},
    components::StandaloneView,
    pages::loaded::{load, page_view, Loaded},
};

#[component]
pub fn StandalonePage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| {
        params
            .read()
            .get("page")
            .and_then(|slug| Slug::parse(&slug))
    });
    let load = load(move || {
        let slug = slug.get();
        async move {
            let page = api::fetch_standalone(slug.ok_or(ApiError::NotFound)?).await?;
            Ok(page_view(
                move || view! { <StandaloneView page=page.clone() /> },
            ))
        }
    });
    view! { <Loaded load /> }
}

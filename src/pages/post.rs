//! `/posts/:slug`: one post. A slug that is malformed or has no bundle shows the not-found page.

use folio_content::Slug;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::{self, ApiError},
    components::{LoadError, Loading, PostView},
    pages::NotFoundPage,
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
    let post = LocalResource::new(move || {
        let slug = slug.get();
        async move {
            match slug {
                Some(slug) => api::fetch_post(slug).await,
                None => Err(ApiError::NotFound),
            }
        }
    });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match post.await {
                    Ok(bundle) => view! { <PostView bundle /> }.into_any(),
                    Err(ApiError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <LoadError error on_retry=move || post.refetch() /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

//! `/tags`: every tag with how many posts carry it.

use leptos::prelude::*;

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, LoadError, Loading, TagCloud},
    pages::NotFoundPage,
};

#[component]
pub fn TagsPage() -> impl IntoView {
    let index = LocalResource::new(api::fetch_tags);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match index.await {
                    Ok(index) => view! {
                        <DocumentTitle page=Some("Tags".to_owned()) />
                        <section class="tags-page" aria-labelledby="page-heading">
                            <h1 id="page-heading" tabindex="-1">"Tags"</h1>
                            <TagCloud tags=index.tags />
                        </section>
                    }
                    .into_any(),
                    Err(ApiError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <LoadError error on_retry=move || index.refetch() /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

//! `/archive`: every post by year and month.

use leptos::prelude::*;

use crate::{
    api::{self, ApiError},
    components::{ArchiveList, DocumentTitle, LoadError, Loading},
    pages::NotFoundPage,
};

#[component]
pub fn ArchivePage() -> impl IntoView {
    let archive = LocalResource::new(api::fetch_archive);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match archive.await {
                    Ok(archive) => view! {
                        <DocumentTitle page=Some("Archive".to_owned()) />
                        <section class="archive" aria-labelledby="page-heading">
                            <h1 id="page-heading" tabindex="-1">"Archive"</h1>
                            <ArchiveList years=archive.years />
                        </section>
                    }
                    .into_any(),
                    Err(ApiError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <LoadError error on_retry=move || archive.refetch() /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

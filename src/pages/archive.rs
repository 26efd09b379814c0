//! `/archive`: every post by year and month.

use folio_content::pages;
use leptos::prelude::*;

use crate::{
    api,
    components::{ArchiveList, PageHead},
    pages::loaded::{load, page_view, Loaded},
};

#[component]
pub fn ArchivePage() -> impl IntoView {
    let load = load(|| async {
        let archive = api::fetch_archive().await?;
        Ok(page_view(move || {
            view! {
                <PageHead page=Some(pages::ARCHIVE_TITLE.to_owned()) />
                <section class="archive" aria-labelledby="page-heading">
                    <h1 id="page-heading" tabindex="-1">{pages::ARCHIVE_TITLE}</h1>
                    <ArchiveList years=archive.years.clone() />
                </section>
            }
        }))
    });
    view! { <Loaded load /> }
}

//! `/archive/`: every post by year and month.

use leptos::prelude::*;

use crate::{
    api,
    components::ArchiveView,
    pages::loaded::{load, page_view, Loaded},
};

#[component]
pub fn ArchivePage() -> impl IntoView {
    let load = load(|| async {
        let archive = api::fetch_archive().await?;
        Ok(page_view(
            move || view! { <ArchiveView archive=archive.clone() /> },
        ))
    });
    view! { <Loaded load /> }
}

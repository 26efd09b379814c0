//! `/tags`: every tag with how many posts carry it.

use folio_content::pages;
use leptos::prelude::*;

use crate::{
    api,
    components::{PageHead, TagCloud},
    pages::loaded::{load, page_view, Loaded},
};

#[component]
pub fn TagsPage() -> impl IntoView {
    let load = load(|| async {
        let index = api::fetch_tags().await?;
        Ok(page_view(move || {
            view! {
                <PageHead page=Some(pages::TAGS_TITLE.to_owned()) />
                <section class="tags-page" aria-labelledby="page-heading">
                    <h1 id="page-heading" tabindex="-1">{pages::TAGS_TITLE}</h1>
                    <TagCloud tags=index.tags.clone() />
                </section>
            }
        }))
    });
    view! { <Loaded load /> }
}

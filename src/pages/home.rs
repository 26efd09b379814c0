//! `/` and `/page/N`: the site's title and description, and one page of the list of posts.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, LoadError, Loading, Pagination, PostList},
    pages::NotFoundPage,
    site::use_site,
};

#[component]
pub fn HomePage() -> impl IntoView {
    let params = use_params_map();
    // `/` has no parameter and is page 1; `/page/1` and anything that is not a page number are
    // not pages of their own.
    let page = Memo::new(move |_| match params.read().get("page") {
        None => Some(1),
        Some(text) => text
            .parse::<u32>()
            .ok()
            .filter(|page| *page >= 2 && text == page.to_string()),
    });
    let listing = LocalResource::new(move || {
        let page = page.get();
        async move {
            match page {
                Some(page) => api::fetch_index_page(page).await,
                None => Err(ApiError::NotFound),
            }
        }
    });
    let site = use_site();
    let description = move || site.get().map(|site| site.description).unwrap_or_default();
    let page_title = move || {
        page.get()
            .filter(|page| *page >= 2)
            .map(|page| format!("Page {page}"))
    };
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match listing.await {
                    Ok(listing) => view! {
                        <DocumentTitle page=page_title() />
                        <section class="home" aria-labelledby="page-heading">
                            <h1 id="page-heading" tabindex="-1">{move || site.title()}</h1>
                            <p class="site-description">{description}</p>
                            <PostList posts=listing.posts />
                            <Pagination page=listing.page total_pages=listing.total_pages />
                        </section>
                    }
                    .into_any(),
                    Err(ApiError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <LoadError error on_retry=move || listing.refetch() /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

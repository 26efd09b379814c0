//! `/` and `/page/N`: the site's title and description, and one page of the list of posts.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, LoadError, Loading, Pagination, PostList},
    pages::{page_number, NotFoundPage},
    route::Route,
    site::use_site,
};

#[component]
pub fn HomePage() -> impl IntoView {
    let params = use_params_map();
    let page = Memo::new(move |_| page_number(params.read().get("page").as_deref()));
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
                            <Pagination page=listing.page total_pages=listing.total_pages link=Route::HomePage />
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

//! `/` and `/page/N`: the site's title and description, and one page of the list of posts.

use folio_content::pages;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::{self, ApiError},
    components::{PageHead, Pagination, PostList},
    pages::{
        loaded::{load, page_view, Loaded},
        page_number,
    },
    route::Route,
    site::use_site,
};

#[component]
pub fn HomePage() -> impl IntoView {
    let params = use_params_map();
    let page = Memo::new(move |_| page_number(params.read().get("page").as_deref()));
    let site = use_site();
    let load = load(move || {
        let page = page.get();
        async move {
            let listing = api::fetch_index_page(page.ok_or(ApiError::NotFound)?).await?;
            let title = pages::home_title(listing.page);
            Ok(page_view(move || {
                let description = move || site.get().map(|site| site.description);
                view! {
                    <PageHead page=title.clone() />
                    <section class="home" aria-labelledby="page-heading">
                        <h1 id="page-heading" tabindex="-1">{move || site.title()}</h1>
                        <p class="site-description">{description}</p>
                        <PostList posts=listing.posts.clone() />
                        <Pagination page=listing.page total_pages=listing.total_pages link=Route::HomePage />
                    </section>
                }
            }))
        }
    });
    view! { <Loaded load /> }
}

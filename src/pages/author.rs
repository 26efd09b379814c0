//! `/authors/:author` and `/authors/:author/page/:page`: who the author is and one page of their
//! posts. A malformed author or page number shows the not-found page without fetching anything.

use folio_content::{pages::listing_title, Author, PostSummary, Slug};
use leptos::prelude::*;

use crate::{
    api::{self, ApiError},
    components::{PageHead, Pagination, PostList},
    pages::{
        loaded::{load, page_view, Loaded},
        use_listing_params,
    },
    route::Route,
};

#[component]
pub fn AuthorPage() -> impl IntoView {
    let wanted = use_listing_params("author");
    let load = load(move || {
        let wanted = wanted.get();
        async move {
            let (slug, page) = wanted.ok_or(ApiError::NotFound)?;
            let listing = api::fetch_author_page(slug.clone(), page).await?;
            let Author { name, role, .. } = author(&slug, &listing.posts);
            let title = listing_title(&name, listing.page);
            Ok(page_view(move || {
                let slug = slug.clone();
                let role = role
                    .clone()
                    .map(|role| view! { <p class="author-role">{role}</p> });
                view! {
                    <PageHead page=Some(title.clone()) />
                    <section class="author-page" aria-labelledby="page-heading">
                        <h1 id="page-heading" tabindex="-1">{name.clone()}</h1>
                        {role}
                        <PostList posts=listing.posts.clone() />
                        <Pagination
                            page=listing.page
                            total_pages=listing.total_pages
                            link=move |page| Route::Author(slug.clone(), page)
                        />
                    </section>
                }
            }))
        }
    });
    view! { <Loaded load /> }
}

/// The author as their posts' bylines give them; only the slug, as the name, if none does.
fn author(slug: &Slug, posts: &[PostSummary]) -> Author {
    posts
        .iter()
        .flat_map(|post| &post.authors)
        .find(|candidate| candidate.slug == *slug)
        .cloned()
        .unwrap_or_else(|| Author {
            name: slug.to_string(),
            role: None,
            slug: slug.clone(),
        })
}

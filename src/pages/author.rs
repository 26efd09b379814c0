//! `/authors/:author` and `/authors/:author/page/:page`: who the author is and one page of their
//! posts. A malformed author or page number shows the not-found page without fetching anything.

use folio_content::{Author, PostSummary, Slug};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, LoadError, Loading, Pagination, PostList},
    pages::{listing_title, page_number, NotFoundPage},
    route::Route,
};

#[component]
pub fn AuthorPage() -> impl IntoView {
    let params = use_params_map();
    let wanted = Memo::new(move |_| {
        let params = params.read();
        let author = Slug::parse(&params.get("author")?)?;
        let page = page_number(params.get("page").as_deref())?;
        Some((author, page))
    });
    let listing = LocalResource::new(move || {
        let wanted = wanted.get();
        async move {
            match wanted {
                Some((author, page)) => api::fetch_author_page(author.clone(), page)
                    .await
                    .map(|listing| (author, listing)),
                None => Err(ApiError::NotFound),
            }
        }
    });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match listing.await {
                    Ok((slug, listing)) => {
                        let Author { name, role, .. } = author(&slug, &listing.posts);
                        let title = listing_title(&name, listing.page);
                        let role = role.map(|role| view! { <p class="author-role">{role}</p> });
                        view! {
                            <DocumentTitle page=Some(title) />
                            <section class="author-page" aria-labelledby="page-heading">
                                <h1 id="page-heading" tabindex="-1">{name}</h1>
                                {role}
                                <PostList posts=listing.posts />
                                <Pagination
                                    page=listing.page
                                    total_pages=listing.total_pages
                                    link=move |page| Route::Author(slug.clone(), page)
                                />
                            </section>
                        }
                        .into_any()
                    }
                    Err(ApiError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <LoadError error on_retry=move || listing.refetch() /> }.into_any(),
                }
            })}
        </Suspense>
    }
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

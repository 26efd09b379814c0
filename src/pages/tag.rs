//! `/tags/:tag` and `/tags/:tag/page/:page`: one page of the posts with a tag. A malformed tag or
//! page number shows the not-found page without fetching anything.

use folio_content::{
    pages::{listing_title, tag_heading},
    PostSummary, Slug,
};
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
pub fn TagPage() -> impl IntoView {
    let wanted = use_listing_params("tag");
    let load = load(move || {
        let wanted = wanted.get();
        async move {
            let (tag, page) = wanted.ok_or(ApiError::NotFound)?;
            let listing = api::fetch_tag_page(tag.clone(), page).await?;
            let heading = tag_heading(&tag_name(&tag, &listing.posts));
            let title = listing_title(&heading, listing.page);
            Ok(page_view(move || {
                let tag = tag.clone();
                view! {
                    <PageHead page=Some(title.clone()) />
                    <section class="tag-page" aria-labelledby="page-heading">
                        <h1 id="page-heading" tabindex="-1">{heading.clone()}</h1>
                        <PostList posts=listing.posts.clone() />
                        <Pagination
                            page=listing.page
                            total_pages=listing.total_pages
                            link=move |page| Route::Tag(tag.clone(), page)
                        />
                    </section>
                }
            }))
        }
    });
    view! { <Loaded load /> }
}

/// The tag's name as the posts spell it ("local government"); the slug if none of them says.
fn tag_name(tag: &Slug, posts: &[PostSummary]) -> String {
    posts
        .iter()
        .flat_map(|post| &post.tags)
        .find(|candidate| candidate.slug == *tag)
        .map_or_else(|| tag.to_string(), |found| found.name.clone())
}

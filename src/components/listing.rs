//! One page of a listing of posts (the home page, a tag's, an author's): its heading, what it
//! says before the list, the posts, and the links to the other pages.

use folio_content::{pages::PageKind, PostPage};
use leptos::prelude::*;

use crate::components::{PageSection, Pagination, PostList};

#[component]
pub fn Listing(
    /// The section's class, which the style sheet knows the page by.
    class: &'static str,
    #[prop(into)] heading: Signal<String>,
    /// This page of the listing.
    listing: PostPage,
    /// Page N of this listing.
    #[prop(into)]
    link: Callback<u32, PageKind>,
    /// What comes between the heading and the posts.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <PageSection class heading>
            {children.map(|children| children())}
            <PostList posts=listing.posts />
            <Pagination page=listing.page total_pages=listing.total_pages link />
        </PageSection>
    }
}

//! What a page shows, with its data, and the one view of each: the app shows what it loaded
//! (`load.rs`) and `prerender.rs` what the bundler read, through the same `page_view`.

use folio_content::{Archive, PageBundle, PostBundle, PostPage, Slug, TagIndex};
use leptos::prelude::*;

use crate::{
    components::{ArchiveView, AuthorView, HomeView, PostView, StandaloneView, TagView, TagsView},
    pages::{NotFoundPage, SearchPage},
};

/// What a page shows, with the data it shows.
#[derive(Clone, Debug)]
pub enum PageContent {
    /// A page of the home listing.
    Home(PostPage),
    /// One post.
    Post(Box<PostBundle>),
    /// Every tag.
    Tags(TagIndex),
    /// A page of the posts with a tag.
    Tag(Slug, PostPage),
    /// A page of an author's posts.
    Author(Slug, PostPage),
    /// Every post by year and month.
    Archive(Archive),
    /// A page of its own.
    Standalone(Box<PageBundle>),
    /// The search page, which reads its query from the address.
    Search,
    /// The page for addresses the site does not have.
    NotFound,
}

/// The page's view.
pub fn page_view(content: PageContent) -> AnyView {
    match content {
        PageContent::Home(listing) => view! { <HomeView listing /> }.into_any(),
        PageContent::Post(bundle) => view! { <PostView bundle=*bundle /> }.into_any(),
        PageContent::Tags(index) => view! { <TagsView index /> }.into_any(),
        PageContent::Tag(tag, listing) => view! { <TagView tag listing /> }.into_any(),
        PageContent::Author(author, listing) => view! { <AuthorView author listing /> }.into_any(),
        PageContent::Archive(archive) => view! { <ArchiveView archive /> }.into_any(),
        PageContent::Standalone(page) => view! { <StandaloneView page=*page /> }.into_any(),
        PageContent::Search => view! { <SearchPage /> }.into_any(),
        PageContent::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

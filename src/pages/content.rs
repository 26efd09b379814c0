//! What a page shows, with its data, read from its data document, and the one view of each:
//! the app shows what it fetched (`show.rs`) and `prerender.rs` what the bundler read, through
//! the same `PageContent::read` and `page_view`.

use folio_content::{
    pages::PageKind, Archive, PageBundle, PostBundle, PostPage, SeriesIndex, SeriesPage, Slug,
    TagIndex, Versioned,
};
use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::{
    components::{
        ArchiveView, AuthorView, HomeView, PostView, SeriesIndexView, SeriesView, StandaloneView,
        TagView, TagsView,
    },
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
    /// Every series.
    SeriesIndex(SeriesIndex),
    /// One series' parts.
    Series(Box<SeriesPage>),
    /// A page of its own.
    Standalone(Box<PageBundle>),
    /// The search page, which reads its query from the address.
    Search,
    /// The page for addresses the site does not have.
    NotFound,
}

/// A page's data document, as the app fetched it or the bundler made it.
pub trait DataDocument {
    type Error;

    /// The document decoded as the data of its kind of page.
    fn read<T: DeserializeOwned + Versioned>(&self) -> Result<T, Self::Error>;
}

impl PageContent {
    /// What the page `kind` shows, from its data `document` (`PageKind::data_path`); the search
    /// page has none, and shows its results.
    pub fn read<D: DataDocument>(kind: PageKind, document: &D) -> Result<PageContent, D::Error> {
        Ok(match kind {
            PageKind::Home(_) => PageContent::Home(document.read()?),
            PageKind::Post(_) => PageContent::Post(Box::new(document.read()?)),
            PageKind::Tags => PageContent::Tags(document.read()?),
            PageKind::Tag(tag, _) => PageContent::Tag(tag, document.read()?),
            PageKind::Author(author, _) => PageContent::Author(author, document.read()?),
            PageKind::Archive => PageContent::Archive(document.read()?),
            PageKind::SeriesIndex => PageContent::SeriesIndex(document.read()?),
            PageKind::Series(_) => PageContent::Series(Box::new(document.read()?)),
            PageKind::Standalone(_) => PageContent::Standalone(Box::new(document.read()?)),
            PageKind::Search => PageContent::Search,
        })
    }
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
        PageContent::SeriesIndex(index) => view! { <SeriesIndexView index /> }.into_any(),
        PageContent::Series(page) => view! { <SeriesView page=*page /> }.into_any(),
        PageContent::Standalone(page) => view! { <StandaloneView page=*page /> }.into_any(),
        PageContent::Search => view! { <SearchPage /> }.into_any(),
        PageContent::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

//! The view of each page that shows data, given that data: the app shows them once it has
//! fetched the data, and the bundler renders them natively into each page's HTML file, so the
//! two are the same markup.

use folio_content::{
    pages::{self, PageKind},
    Archive, Author, PostPage, PostSummary, Slug, TagIndex,
};
use leptos::prelude::*;

use crate::{
    components::{ArchiveList, Listing, PageHead, PageSection, TagCloud},
    site::use_site,
};

/// The home page and its later pages: the site's title and description, and the posts.
#[component]
pub fn HomeView(listing: PostPage) -> impl IntoView {
    let site = use_site();
    let kind = PageKind::Home(listing.page);
    let description = site.description();
    view! {
        <PageHead page=kind.title("") canonical=Some(kind) />
        <Listing class="home" heading=site.title() listing link=PageKind::Home>
            <p class="site-description">{description}</p>
        </Listing>
    }
}

/// A page of the posts with a tag.
#[component]
pub fn TagView(tag: Slug, listing: PostPage) -> impl IntoView {
    let name = tag_name(&tag, &listing.posts);
    let heading = pages::tag_heading(&name);
    let kind = PageKind::Tag(tag.clone(), listing.page);
    view! {
        <PageHead page=kind.title(&name) canonical=Some(kind) />
        <Listing class="tag-page" heading listing link=move |page| PageKind::Tag(tag.clone(), page) />
    }
}

/// A page of an author's posts, with who the author is.
#[component]
pub fn AuthorView(author: Slug, listing: PostPage) -> impl IntoView {
    let Author { name, role, .. } = author_of(&author, &listing.posts);
    let kind = PageKind::Author(author.clone(), listing.page);
    let role = role.map(|role| view! { <p class="author-role">{role}</p> });
    view! {
        <PageHead page=kind.title(&name) canonical=Some(kind) />
        <Listing class="author-page" heading=name listing link=move |page| PageKind::Author(author.clone(), page)>
            {role}
        </Listing>
    }
}

/// Every tag with how many posts carry it.
#[component]
pub fn TagsView(index: TagIndex) -> impl IntoView {
    view! {
        <PageHead page=Some(pages::TAGS_TITLE.to_owned()) canonical=Some(PageKind::Tags) />
        <PageSection class="tags-page" heading=pages::TAGS_TITLE>
            <TagCloud tags=index.tags />
        </PageSection>
    }
}

/// Every post by year and month.
#[component]
pub fn ArchiveView(archive: Archive) -> impl IntoView {
    view! {
        <PageHead page=Some(pages::ARCHIVE_TITLE.to_owned()) canonical=Some(PageKind::Archive) />
        <PageSection class="archive" heading=pages::ARCHIVE_TITLE>
            <ArchiveList years=archive.years />
        </PageSection>
    }
}

/// The tag's name as the posts spell it ("local government"); the slug if none of them says.
pub fn tag_name(tag: &Slug, posts: &[PostSummary]) -> String {
    posts
        .iter()
        .flat_map(|post| &post.tags)
        .find(|candidate| candidate.slug == *tag)
        .map_or_else(|| tag.to_string(), |found| found.name.clone())
}

/// The author as their posts' bylines give them; only the slug, as the name, if none does.
pub fn author_of(slug: &Slug, posts: &[PostSummary]) -> Author {
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

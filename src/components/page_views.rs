//! The view of each page that shows data, given that data: the app shows them once it has
//! fetched the data, and the bundler renders them natively into each page's HTML file, so the
//! two are the same markup.

use folio_content::{pages, Archive, Author, PostPage, PostSummary, Slug, TagIndex};
use leptos::prelude::*;

use crate::{
    components::{ArchiveList, Listing, PageHead, PageSection, TagCloud},
    route::Route,
    site::use_site,
};

/// The home page and its later pages: the site's title and description, and the posts.
#[component]
pub fn HomeView(listing: PostPage) -> impl IntoView {
    let site = use_site();
    let route = match listing.page {
        1 => Route::Home,
        page => Route::HomePage(page),
    };
    let description = site.description();
    view! {
        <PageHead page=pages::home_title(listing.page) canonical=Some(route) />
        <Listing class="home" heading=site.title() listing link=Route::HomePage>
            <p class="site-description">{description}</p>
        </Listing>
    }
}

/// A page of the posts with a tag.
#[component]
pub fn TagView(tag: Slug, listing: PostPage) -> impl IntoView {
    let heading = pages::tag_heading(&tag_name(&tag, &listing.posts));
    let title = pages::listing_title(&heading, listing.page);
    let route = Route::Tag(tag.clone(), listing.page);
    view! {
        <PageHead page=Some(title) canonical=Some(route) />
        <Listing class="tag-page" heading listing link=move |page| Route::Tag(tag.clone(), page) />
    }
}

/// A page of an author's posts, with who the author is.
#[component]
pub fn AuthorView(author: Slug, listing: PostPage) -> impl IntoView {
    let Author { name, role, .. } = author_of(&author, &listing.posts);
    let title = pages::listing_title(&name, listing.page);
    let route = Route::Author(author.clone(), listing.page);
    let role = role.map(|role| view! { <p class="author-role">{role}</p> });
    view! {
        <PageHead page=Some(title) canonical=Some(route) />
        <Listing class="author-page" heading=name listing link=move |page| Route::Author(author.clone(), page)>
            {role}
        </Listing>
    }
}

/// Every tag with how many posts carry it.
#[component]
pub fn TagsView(index: TagIndex) -> impl IntoView {
    view! {
        <PageHead page=Some(pages::TAGS_TITLE.to_owned()) canonical=Some(Route::Tags) />
        <PageSection class="tags-page" heading=pages::TAGS_TITLE>
            <TagCloud tags=index.tags />
        </PageSection>
    }
}

/// Every post by year and month.
#[component]
pub fn ArchiveView(archive: Archive) -> impl IntoView {
    view! {
        <PageHead page=Some(pages::ARCHIVE_TITLE.to_owned()) canonical=Some(Route::Archive) />
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

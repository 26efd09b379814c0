//! One post: title, dates, byline, tags and reading time, the table of contents, the body
//! rendered by the shared renderer with copy buttons on its code blocks, its series' parts and
//! the parts before and after, related posts, links to the previous and next posts, and the
//! call for comments with the site's contact address (the
//! renderer names a task list's checkboxes after their tasks). What its links, buttons and keys
//! do is `page_controls.rs`'s, for the post as built and as shown by the app alike.

use folio_content::{pages::PageKind, render_html, PostBundle};
use leptos::prelude::*;

use crate::{
    components::PAGE_HEADING_ID,
    components::{
        Byline, Cover, DraftBadge, PageHead, PostDate, PostNav, RelatedPosts, SeriesNav,
        SeriesParts, TableOfContents, TagLinks,
    },
    site::use_site,
};

/// The call for comments of a post that has none of its own, before the contact address.
const DEFAULT_CALL_FOR_COMMENTS: &str = "We welcome your comments";

/// Posts with fewer headings than this read fine without a table of contents.
const MIN_HEADINGS_FOR_CONTENTS: usize = 3;

#[component]
pub fn PostView(bundle: PostBundle) -> impl IntoView {
    let PostBundle {
        post,
        description,
        body,
        previous,
        next,
        call_for_comments,
        series,
        related,
        ..
    } = bundle;
    let site = use_site();
    let outline = body.outline.clone();
    let html = render_html(&body, &site.render_options());
    let updated = post
        .updated
        .filter(|updated| *updated != post.date)
        .map(|updated| {
            view! {
                " · Updated "
                <PostDate date=updated />
            }
        });
    let words = call_for_comments.unwrap_or_else(|| DEFAULT_CALL_FOR_COMMENTS.to_owned());
    let comments = site.comments_link(&post.title).map(|(href, contact)| {
        view! {
            <p class="call-for-comments">
                {words} " to " <a href=href>{contact}</a>
            </p>
        }
    });
    let contents =
        (outline.len() >= MIN_HEADINGS_FOR_CONTENTS).then(|| view! { <TableOfContents outline /> });
    let cover = post.image.map(|image| view! { <Cover image first=true /> });
    let slug = post.slug.clone();
    let series_parts = series
        .clone()
        .map(|series| view! { <SeriesParts series current=slug.clone() /> });
    let series_nav = series.map(|series| view! { <SeriesNav series current=slug /> });
    view! {
        <PageHead page=Some(post.title.clone()) description=Some(description) canonical=Some(PageKind::Post(post.slug.clone())) />
        <article class="post" aria-labelledby=PAGE_HEADING_ID>
            <header>
                <h1 id=PAGE_HEADING_ID tabindex="-1">
                    {post.title} <DraftBadge draft=post.draft />
                </h1>
                <p class="meta">
                    <PostDate date=post.date />
                    {updated}
                    <span class="reading-time">{format!(" · {} min read", post.reading_minutes)}</span>
                </p>
                <Byline authors=post.authors />
                <TagLinks tags=post.tags />
            </header>
            {series_parts}
            {cover}
            {contents}
            <div class="post-body" inner_html=html></div>
            {comments}
            {series_nav}
            <RelatedPosts posts=related />
            <PostNav previous next />
        </article>
    }
}

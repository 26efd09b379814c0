//! One post: title, dates, byline, tags and reading time, the table of contents, the body
//! rendered by the shared renderer with copy buttons on its code blocks, and links to the
//! previous and next posts (also on the `[` and `]` keys).

use folio_content::{render_html, PostBundle};
use leptos::prelude::*;
use leptos_meta::Meta;

use crate::{
    components::{Byline, DocumentTitle, DraftBadge, PostDate, PostNav, TableOfContents, TagLinks},
    copy_code::{add_copy_buttons, on_body_click},
    shortcuts::use_post_shortcuts,
    site::use_site,
};

/// Posts with fewer headings than this read fine without a table of contents.
const MIN_HEADINGS_FOR_CONTENTS: usize = 3;

#[component]
pub fn PostView(bundle: PostBundle) -> impl IntoView {
    let PostBundle {
        post,
        description,
        body,
        outline,
        previous,
        next,
        ..
    } = bundle;
    let site = use_site();
    let html = {
        let outline = outline.clone();
        move || render_html(&body, &outline, site.render_options())
    };
    let body_ref = NodeRef::<leptos::html::Div>::new();
    // Runs after the body's HTML is in the DOM, and again whenever the site's settings render
    // it anew (the buttons are added in the next frame, after the new HTML).
    Effect::new(move || {
        let _ = site.render_options();
        if let Some(body) = body_ref.get() {
            request_animation_frame(move || add_copy_buttons(&body));
        }
    });
    use_post_shortcuts(
        previous.as_ref().map(|post| post.slug.clone()),
        next.as_ref().map(|post| post.slug.clone()),
    );
    let updated = post
        .updated
        .filter(|updated| *updated != post.date)
        .map(|updated| {
            view! {
                " · Updated "
                <PostDate date=updated />
            }
        });
    let contents =
        (outline.len() >= MIN_HEADINGS_FOR_CONTENTS).then(|| view! { <TableOfContents outline /> });
    view! {
        <DocumentTitle page=Some(post.title.clone()) />
        <Meta name="description" content=description />
        <article class="post" aria-labelledby="page-heading">
            <header>
                <h1 id="page-heading" tabindex="-1">
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
            {contents}
            <div class="post-body" inner_html=html node_ref=body_ref on:click=on_body_click></div>
            <PostNav previous next />
        </article>
    }
}

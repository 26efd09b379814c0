//! Links to the previous (older) and next (newer) posts.

use folio_content::PostLink;
use leptos::prelude::*;

use crate::components::LinkToPost;

#[component]
pub fn PostNav(previous: Option<PostLink>, next: Option<PostLink>) -> impl IntoView {
    let link = |post: PostLink, rel: &'static str, label: &'static str| {
        view! {
            <LinkToPost slug=post.slug attr:rel=rel attr:class=rel>
                <span class="label">{label}</span>
                <span class="title">{post.title}</span>
            </LinkToPost>
        }
    };
    (previous.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="post-nav" aria-label="More posts">
                {previous.map(|post| link(post, "prev", "← Previous"))}
                {next.map(|post| link(post, "next", "Next →"))}
            </nav>
        }
    })
}

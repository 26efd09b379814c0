//! A list of posts: title linking to the post, date, summary and cover.

use folio_content::PostSummary;
use leptos::prelude::*;

use crate::components::{Cover, DraftBadge, LinkToPost, PostDate};

#[component]
pub fn PostList(posts: Vec<PostSummary>) -> impl IntoView {
    if posts.is_empty() {
        return view! { <p class="empty">"No posts yet."</p> }.into_any();
    }
    view! {
        <ul class="post-list">
            {posts
                .into_iter()
                .enumerate()
                .map(|(index, post)| {
                    let cover = post.image.map(|image| view! { <Cover image first=index == 0 /> });
                    view! {
                        <li>
                            <article class="post-summary">
                                {cover}
                                <h2>
                                    <LinkToPost slug=post.slug>{post.title}</LinkToPost>
                                    <DraftBadge draft=post.draft />
                                </h2>
                                <p class="meta">
                                    <PostDate date=post.date />
                                </p>
                                <p class="summary">{post.summary}</p>
                            </article>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

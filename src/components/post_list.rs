//! A list of posts: title linking to the post, date and summary.

use folio_content::PostSummary;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::{DraftBadge, PostDate},
    route::Route,
};

#[component]
pub fn PostList(posts: Vec<PostSummary>) -> impl IntoView {
    if posts.is_empty() {
        return view! { <p class="empty">"No posts yet."</p> }.into_any();
    }
    view! {
        <ul class="post-list">
            {posts
                .into_iter()
                .map(|post| {
                    view! {
                        <li>
                            <article class="post-summary">
                                <h2>
                                    <A href=Route::Post(post.slug)>{post.title}</A>
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

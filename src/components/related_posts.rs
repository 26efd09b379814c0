//! At the end of a post: the posts to read next that the bundler found most alike, or that the
//! author chose.

use folio_content::PostLink;
use leptos::prelude::*;

use crate::components::PostEntry;

#[component]
pub fn RelatedPosts(posts: Vec<PostLink>) -> impl IntoView {
    (!posts.is_empty()).then(|| {
        let posts = posts
            .into_iter()
            .map(|post| view! { <PostEntry post /> })
            .collect_view();
        view! {
            <nav class="related-posts" aria-label="Related posts">
                <h2>"Related posts"</h2>
                <ul>{posts}</ul>
            </nav>
        }
    })
}

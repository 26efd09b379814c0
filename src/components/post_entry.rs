//! A post in a short list (the archive, related posts): its title, linked, and its date.

use folio_content::PostLink;
use leptos::prelude::*;

use crate::components::{LinkToPost, PostDate};

#[component]
pub fn PostEntry(post: PostLink) -> impl IntoView {
    view! {
        <li>
            <LinkToPost slug=post.slug>{post.title}</LinkToPost>
            " "
            <PostDate date=post.date />
        </li>
    }
}

//! One post: title, date, byline and the body rendered by the shared renderer.

use folio_content::{render_html, Author, PostBundle};
use leptos::prelude::*;

use crate::{
    components::{DocumentTitle, DraftBadge, PostDate},
    site::use_site,
};

#[component]
pub fn PostView(bundle: PostBundle) -> impl IntoView {
    let PostBundle {
        post,
        body,
        outline,
        ..
    } = bundle;
    let site = use_site();
    let html = move || render_html(&body, &outline, site.render_options());
    view! {
        <DocumentTitle page=Some(post.title.clone()) />
        <article class="post" aria-labelledby="page-heading">
            <header>
                <h1 id="page-heading" tabindex="-1">
                    {post.title} <DraftBadge draft=post.draft />
                </h1>
                <p class="meta">
                    <PostDate date=post.date />
                </p>
                <Byline authors=post.authors />
            </header>
            <div class="post-body" inner_html=html></div>
        </article>
    }
}

/// "By Name, Role and Name, Role".
#[component]
fn Byline(authors: Vec<Author>) -> impl IntoView {
    (!authors.is_empty()).then(|| {
        let people = authors
            .into_iter()
            .enumerate()
            .map(|(index, author)| {
                let separator = (index > 0).then_some(" and ");
                let role = author
                    .role
                    .map(|role| view! { ", " <span class="role">{role}</span> });
                view! {
                    {separator}
                    <span class="author">
                        <span class="name">{author.name}</span>
                        {role}
                    </span>
                }
            })
            .collect_view();
        view! { <p class="byline">"By " {people}</p> }
    })
}

//! A page of its own (About, Contact): its title and its body, rendered by the shared renderer
//! as a post's is, with the same controls on its headings and code blocks.

use folio_content::{pages::PageKind, render_html, PageBundle};
use leptos::prelude::*;

use crate::{
    components::{PageHead, PAGE_HEADING_ID},
    site::use_site,
};

#[component]
pub fn StandaloneView(page: PageBundle) -> impl IntoView {
    let site = use_site();
    let head = view! {
        <PageHead
            page=Some(page.title.clone())
            description=Some(page.description.clone())
            canonical=Some(PageKind::Standalone(page.slug.clone()))
        />
    };
    let title = page.title.clone();
    let html = render_html(&page.body, &site.render_options());
    view! {
        {head}
        <article class="standalone" aria-labelledby=PAGE_HEADING_ID>
            <h1 id=PAGE_HEADING_ID tabindex="-1">{title}</h1>
            <div class="post-body" inner_html=html></div>
        </article>
    }
}

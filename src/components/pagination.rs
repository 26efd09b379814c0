//! Links to the newer and older pages of a listing. The listing says where its pages live.
//! The links match exactly: `/tags/x` is a prefix of `/tags/x/page/2`, but not the page a reader
//! of page 2 is on, so it must not be marked `aria-current`.

use folio_content::pages::PageKind;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::route::href;

#[component]
pub fn Pagination(
    /// This page's number, from 1.
    page: u32,
    /// How many pages the listing has.
    total_pages: u32,
    /// Page N of this listing, e.g. `PageKind::Home` or `|n| PageKind::Tag(tag, n)`.
    #[prop(into)]
    link: Callback<u32, PageKind>,
) -> impl IntoView {
    let newer = (page > 1)
        .then(|| view! { <A href=href(&link.run(page - 1)) exact=true>"← Newer posts"</A> });
    let older = (page < total_pages)
        .then(|| view! { <A href=href(&link.run(page + 1)) exact=true>"Older posts →"</A> });
    (total_pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label="Pages">
                {newer}
                <span class="page-number">{format!("Page {page} of {total_pages}")}</span>
                {older}
            </nav>
        }
    })
}

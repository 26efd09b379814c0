//! Links to the newer and older pages of a listing.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::route::Route;

#[component]
pub fn Pagination(page: u32, total_pages: u32) -> impl IntoView {
    let newer = (page > 1).then(|| view! { <A href=Route::HomePage(page - 1)>"← Newer posts"</A> });
    let older = (page < total_pages)
        .then(|| view! { <A href=Route::HomePage(page + 1)>"Older posts →"</A> });
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

//! The page for unknown paths and unknown posts.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{components::PageHead, route::Route};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageHead page=Some("Page not found".to_owned()) canonical=false />
        <section class="not-found" aria-labelledby="page-heading">
            <h1 id="page-heading" tabindex="-1">"Page not found"</h1>
            <p>"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
            <p>
                <A href=Route::Home>"Go to the home page"</A>
            </p>
        </section>
    }
}

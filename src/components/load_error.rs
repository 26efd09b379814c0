//! What a reader sees when data could not be loaded: a heading (which titles the page and takes
//! the focus after a navigation, as every page's heading does), the reason and a way to try again.

use leptos::prelude::*;

use crate::{api::ApiError, components::PageHead};

const HEADING: &str = "Could not load this page";

#[component]
pub fn LoadError(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <PageHead page=Some(HEADING.to_owned()) canonical=false />
        <section class="load-error-page" aria-labelledby="page-heading">
            <h1 id="page-heading" tabindex="-1">{HEADING}</h1>
            <div role="alert" class="load-error">
                <p>{error.to_string()}</p>
                <button type="button" on:click=move |_| on_retry.run(())>
                    "Retry"
                </button>
            </div>
        </section>
    }
}

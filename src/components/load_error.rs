//! What a reader sees when data could not be loaded: a heading (which titles the page and takes
//! the focus after a navigation, as every page's heading does), the reason and a way to try again.

use leptos::prelude::*;

use crate::{
    api::ApiError,
    components::{ErrorWithRetry, PageHead, PageSection},
};

const HEADING: &str = "Could not load this page";

#[component]
pub fn LoadError(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <PageHead page=Some(HEADING.to_owned()) />
        <PageSection class="load-error-page" heading=HEADING>
            <ErrorWithRetry error on_retry />
        </PageSection>
    }
}

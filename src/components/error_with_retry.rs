//! Why something could not be loaded, announced at once, with a button that tries again.

use leptos::prelude::*;

use crate::api::ApiError;

#[component]
pub fn ErrorWithRetry(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div role="alert" class="load-error">
            <p>{error.to_string()}</p>
            <button type="button" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}

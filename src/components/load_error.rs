//! What a reader sees when data could not be loaded: the reason and a way to try again.

use leptos::prelude::*;

use crate::api::ApiError;

#[component]
pub fn LoadError(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div role="alert" class="load-error">
            <p>{error.to_string()}</p>
            <button type="button" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}

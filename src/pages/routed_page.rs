//! The routed page: the route read from the address, its content loaded, "Loading…" if that
//! takes a moment, then its view, the not-found page, or the error with Retry. One resource and
//! one `Suspense` serve every route, so the async machinery is compiled once.

use leptos::prelude::*;
use leptos_router::{
    hooks::use_location,
    location::{BrowserUrl, LocationProvider},
};

use crate::{
    api::ApiError,
    base,
    components::{LoadError, Loading},
    pages::{load::load, page_view, NotFoundPage},
    route::Route,
    takeover,
};

/// The page at the current address, loaded again when the address changes and on Retry.
#[component]
pub fn RoutedPage() -> impl IntoView {
    let location = use_location();
    let base = base::router_base();
    let route = Memo::new(move |_| {
        location
            .pathname
            .with(|path| path.strip_prefix(base.as_str()).and_then(Route::parse))
    });
    // The router shows a followed link's address in the address bar once the page that answers
    // it says it is ready, which its own route table would; here that is at once, as the page
    // shows its own loading state.
    let browser = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(browser) = &browser {
            browser.ready_to_complete();
        }
    });
    let page = LocalResource::new(move || load(route.get()));
    let settled = takeover::reporter();
    view! {
        <Suspense fallback=Loading>
            {move || {
                let settled = settled.clone();
                Suspend::new(async move {
                    let result = page.await;
                    settled(!matches!(result, Err(ref error) if *error != ApiError::NotFound));
                    match result {
                        Ok(content) => page_view(content),
                        Err(ApiError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry=move || page.refetch() /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

//! What every page that shows fetched data does: fetch, show "Loading…" if that takes a moment,
//! then the page, the not-found page, or the error with Retry. The page's view comes with its
//! data, so every page shares one resource type and one `Suspense`: the async machinery is
//! compiled once, not once per page.

use std::{future::Future, rc::Rc};

use futures::future::{FutureExt, LocalBoxFuture};
use leptos::prelude::*;

use crate::{
    api::ApiError,
    components::{LoadError, Loading},
    pages::NotFoundPage,
    takeover,
};

/// A page, ready to show once its data has come.
pub type PageView = Rc<dyn Fn() -> AnyView>;

/// How a page gets its view: run again when a signal it reads changes, and on Retry.
pub type Load = Rc<dyn Fn() -> LocalBoxFuture<'static, Result<PageView, ApiError>>>;

/// `load` as a `Load`. It reads the route's parameters (signals) before its first `.await`.
pub fn load<F, Fut>(load: F) -> Load
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<PageView, ApiError>> + 'static,
{
    Rc::new(move || load().boxed_local())
}

/// A view as a `PageView`.
pub fn page_view<V: IntoView + 'static>(view: impl Fn() -> V + 'static) -> PageView {
    Rc::new(move || view().into_any())
}

/// Shows the page `load` gives, or why there is none.
#[component]
pub fn Loaded(load: Load) -> impl IntoView {
    let page = LocalResource::new(move || load());
    let settled = takeover::reporter();
    view! {
        <Suspense fallback=Loading>
            {move || {
                let settled = settled.clone();
                Suspend::new(async move {
                    let result = page.await;
                    settled(!matches!(result, Err(ref error) if *error != ApiError::NotFound));
                    match result {
                        Ok(view) => view(),
                        Err(ApiError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry=move || page.refetch() /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

//! `/`: the site's title and description, and the list of posts.

use leptos::prelude::*;

use crate::{
    api,
    components::{DocumentTitle, LoadError, Loading, PostList},
    site::site,
};

#[component]
pub fn HomePage() -> impl IntoView {
    let index = LocalResource::new(api::fetch_index);
    let title = move || site().map(|site| site.title).unwrap_or_default();
    let description = move || site().map(|site| site.description).unwrap_or_default();
    view! {
        <DocumentTitle />
        <section class="home" aria-labelledby="page-heading">
            <h1 id="page-heading" tabindex="-1">{title}</h1>
            <p class="site-description">{description}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match index.await {
                        Ok(index) => view! { <PostList posts=index.posts /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry=move || index.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

//! `/`: the site's title and description, and the list of posts.

use leptos::prelude::*;

use crate::{
    api,
    components::{DocumentTitle, LoadError, Loading, PostList},
    site::use_site,
};

#[component]
pub fn HomePage() -> impl IntoView {
    let index = LocalResource::new(api::fetch_index);
    let site = use_site();
    let description = move || site.get().map(|site| site.description).unwrap_or_default();
    view! {
        <DocumentTitle />
        <section class="home" aria-labelledby="page-heading">
            <h1 id="page-heading" tabindex="-1">{move || site.title()}</h1>
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

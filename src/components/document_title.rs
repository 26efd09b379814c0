//! Sets the document title: "Page – Site", or the site's title alone.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::site::use_site;

#[component]
pub fn DocumentTitle(
    /// The page's own title; none for the home page.
    #[prop(optional_no_strip)]
    page: Option<String>,
) -> impl IntoView {
    let site = use_site();
    view! { <Title text=move || site.document_title(page.as_deref()) /> }
}

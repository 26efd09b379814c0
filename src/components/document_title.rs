//! Sets the document title: "Page – Site", or the site's title alone.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::site::document_title;

#[component]
pub fn DocumentTitle(
    /// The page's own title; none for the home page.
    #[prop(optional, into)]
    page: Option<String>,
) -> impl IntoView {
    view! { <Title text=move || document_title(page.as_deref()) /> }
}

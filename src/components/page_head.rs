//! The document head of a page: its title ("Page – Site", or the site's title alone), its
//! description and, for pages that have an address of their own, the canonical link. The built
//! page's head says the same from the start (the bundler's `head.rs`); the app keeps it from
//! then on.

use folio_content::pages::PageKind;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::site::use_site;

#[component]
pub fn PageHead(
    /// The page's own title; none for the home page.
    #[prop(optional_no_strip)]
    page: Option<String>,
    /// What the page is about; the site's description when none is given.
    #[prop(optional_no_strip)]
    description: Option<String>,
    /// The page's own address, for the canonical link: none for "not found" and error pages.
    #[prop(optional_no_strip)]
    canonical: Option<PageKind>,
) -> impl IntoView {
    let site = use_site();
    let description = description.unwrap_or_else(|| site.description());
    let canonical = canonical
        .and_then(|kind| site.canonical_url(&kind))
        .map(|href| view! { <Link rel="canonical" href=href /> });
    view! {
        <Title text=site.document_title(page.as_deref()) />
        <Meta name="description" content=description />
        {canonical}
    }
}

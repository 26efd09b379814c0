//! The document head of a page: its title ("Page – Site", or the site's title alone), its
//! description and, for pages that have an address of their own, the canonical link.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_location;

use crate::{base, site::use_site};

#[component]
pub fn PageHead(
    /// The page's own title; none for the home page.
    #[prop(optional_no_strip)]
    page: Option<String>,
    /// What the page is about; the site's description when none is given.
    #[prop(optional_no_strip)]
    description: Option<String>,
    /// Whether the page has a canonical address: not for "not found" and error pages.
    #[prop(default = true)]
    canonical: bool,
) -> impl IntoView {
    let site = use_site();
    let location = use_location();
    let router_base = base::router_base();
    let description = move || {
        description
            .clone()
            .or_else(|| site.get().map(|site| site.description))
            .unwrap_or_default()
    };
    let canonical_href = move || {
        let pathname = location.pathname.get();
        site.canonical_url(base::within_base(&router_base, &pathname))
    };
    view! {
        <Title text=move || site.document_title(page.as_deref()) />
        <Meta name="description" content=description />
        {move || {
            canonical
                .then(&canonical_href)
                .flatten()
                .map(|href| view! { <Link rel="canonical" href=href /> })
        }}
    }
}

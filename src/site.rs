//! The site settings (`data/site.json`), fetched once and shared with every page through context.

use folio_content::{RenderOptions, Site};
use leptos::prelude::*;

use crate::api::{self, ApiError};

#[derive(Clone, Copy)]
struct SiteResource(LocalResource<Result<Site, ApiError>>);

/// Starts fetching the site settings and makes them available to the pages.
pub fn provide_site() {
    provide_context(SiteResource(LocalResource::new(api::fetch_site)));
}

/// The site settings once they have arrived; `None` while loading or if they could not be had.
pub fn site() -> Option<Site> {
    use_context::<SiteResource>()
        .and_then(|resource| resource.0.get())
        .and_then(Result::ok)
}

/// The site's title, or an empty string until it is known.
pub fn site_title() -> String {
    site().map(|site| site.title).unwrap_or_default()
}

/// How posts are rendered on this site. Until the settings arrive, the safe default applies.
pub fn render_options() -> RenderOptions {
    RenderOptions {
        trusted_html: site().is_some_and(|site| site.trusted_html),
    }
}

/// The document title for a page: "Page – Site", or the site's title alone.
pub fn document_title(page: Option<&str>) -> String {
    match (page, site_title()) {
        (Some(page), site) if site.is_empty() => page.to_owned(),
        (Some(page), site) => format!("{page} – {site}"),
        (None, site) => site,
    }
}

//! The site settings (`data/site.json`), fetched once and shared with every page through context.

use folio_content::{pages, RenderOptions, Site};
use leptos::prelude::*;

use crate::api::{self, ApiError};

#[derive(Clone, Copy)]
struct SiteResource(LocalResource<Result<Site, ApiError>>);

/// Starts fetching the site settings and makes them available to the pages.
pub fn provide_site() {
    provide_context(SiteResource(LocalResource::new(api::fetch_site)));
}

/// A handle on the site settings. Take it with `use_site` when a component is built (context
/// is looked up then), and read it inside closures, which may run later and elsewhere.
#[derive(Clone, Copy)]
pub struct SiteSettings(Option<SiteResource>);

/// The site settings of the surrounding app.
pub fn use_site() -> SiteSettings {
    SiteSettings(use_context::<SiteResource>())
}

impl SiteSettings {
    /// The settings once they have arrived; `None` while loading or if they could not be had.
    pub fn get(self) -> Option<Site> {
        self.0
            .and_then(|resource| resource.0.get())
            .and_then(Result::ok)
    }

    /// The site's title, or an empty string until it is known.
    pub fn title(self) -> String {
        self.get().map(|site| site.title).unwrap_or_default()
    }

    /// How posts are rendered on this site. Until the settings arrive, the safe default applies.
    pub fn render_options(self) -> RenderOptions {
        RenderOptions {
            trusted_html: self.get().is_some_and(|site| site.trusted_html),
            heading_links: true,
        }
    }

    /// The page's address on the deployed site: `base_url` joined with `path`, the path within
    /// the site (`/posts/x`). `None` until the settings arrive.
    pub fn canonical_url(self, path: &str) -> Option<String> {
        let site = self.get()?;
        Some(format!("{}{}", site.base_url, path.trim_start_matches('/')))
    }

    /// The address readers' comments go to, as a `mailto:` link with the post's title as the
    /// subject; `None` when the site has no contact address.
    pub fn comments_link(self, title: &str) -> Option<(String, String)> {
        let contact = self.get()?.contact?;
        let subject = String::from(js_sys::encode_uri_component(&format!("Re: {title}")));
        Some((format!("mailto:{contact}?subject={subject}"), contact))
    }

    /// The document title for a page: "Page – Site", or the site's title alone.
    pub fn document_title(self, page: Option<&str>) -> String {
        pages::document_title(page, &self.title())
    }
}

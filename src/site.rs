//! The site settings (`data/site.json`), shared with every page through context: fetched once
//! in the browser, given as they are when a page is built natively.

use folio_content::{pages, uri, MenuItem, RenderOptions, Site};
use leptos::prelude::*;

use crate::{api, base::site_root, route::Route};

/// A handle on the site settings. Take it with `use_site` when a component is built (context
/// is looked up then), and read it inside closures, which may run later and elsewhere.
#[derive(Clone, Copy)]
pub struct SiteSettings(Signal<Option<Site>>);

/// Starts fetching the site settings and makes them available to the pages.
pub fn provide_site() {
    let resource = LocalResource::new(api::fetch_site);
    let site = Signal::derive(move || resource.get().and_then(Result::ok));
    provide_context(SiteSettings(site));
}

/// Makes `site` the settings of the pages built below.
pub fn provide_known_site(site: Site) {
    provide_context(SiteSettings(Signal::stored(Some(site))));
}

/// The site settings of the surrounding app.
pub fn use_site() -> SiteSettings {
    use_context::<SiteSettings>().unwrap_or(SiteSettings(Signal::stored(None)))
}

impl SiteSettings {
    /// The settings once they have arrived; `None` while loading or if they could not be had.
    pub fn get(self) -> Option<Site> {
        self.0.get()
    }

    /// The header's menu, empty until the settings arrive or if the site has none.
    pub fn menu(self) -> Vec<MenuItem> {
        self.0
            .with(|site| site.as_ref().map(|site| site.menu.clone()))
            .unwrap_or_default()
    }

    /// Whether the site has search (`site.toml`'s `search`); until the settings arrive, the
    /// default, which has it.
    pub fn search(self) -> bool {
        self.0
            .with(|site| site.as_ref().is_none_or(|site| site.search))
    }

    /// The site's title, or an empty string until it is known.
    pub fn title(self) -> String {
        self.0
            .with(|site| site.as_ref().map(|site| site.title.clone()))
            .unwrap_or_default()
    }

    /// How posts are rendered on this site. Until the settings arrive, the safe default applies.
    pub fn render_options(self) -> RenderOptions {
        RenderOptions {
            trusted_html: self
                .0
                .with(|site| site.as_ref().is_some_and(|site| site.trusted_html)),
            page_controls: true,
            site_root: site_root(),
        }
    }

    /// The address of `route` on the deployed site: `base_url` joined with its path. `None`
    /// until the settings arrive.
    pub fn canonical_url(self, route: &Route) -> Option<String> {
        let path = route.path();
        self.0.with(|site| {
            site.as_ref()
                .map(|site| format!("{}{}", site.base_url, path.trim_start_matches('/')))
        })
    }

    /// The address readers' comments go to, as a `mailto:` link with the post's title as the
    /// subject; `None` when the site has no contact address.
    pub fn comments_link(self, title: &str) -> Option<(String, String)> {
        let contact = self.0.with(|site| site.as_ref()?.contact.clone())?;
        let subject = uri::encode_component(&format!("Re: {title}"));
        Some((format!("mailto:{contact}?subject={subject}"), contact))
    }

    /// The document title for a page: "Page – Site", or the site's title alone.
    pub fn document_title(self, page: Option<&str>) -> String {
        pages::document_title(page, &self.title())
    }
}

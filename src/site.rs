//! The site settings (`data/site.json`) that the views of a page read: set before a page's view
//! is built, natively from the site being built, in the browser by the later modules from the
//! settings document the app fetched with the page's data. The first module never decodes
//! them: the built page it adopts already says everything they would.

use std::{cell::RefCell, sync::Arc};

use folio_content::{
    pages::{self, PageKind},
    uri, MenuItem, RenderOptions, Site,
};

use crate::base::site_root;

thread_local! {
    /// The settings of the site whose pages are being built.
    static CURRENT: RefCell<Option<Arc<Site>>> = const { RefCell::new(None) };
}

/// The site settings a page's view reads. Take them with `use_site` when a component is built.
#[derive(Clone)]
pub struct SiteSettings(Option<Arc<Site>>);

/// Makes `site` the settings of the pages built from now on (on this thread).
pub fn set_site(site: Site) {
    CURRENT.set(Some(Arc::new(site)));
}

/// The site settings of the pages being built; empty if none were set.
pub fn use_site() -> SiteSettings {
    SiteSettings(CURRENT.with_borrow(Clone::clone))
}

impl SiteSettings {
    /// The settings; `None` if none were set.
    pub fn get(&self) -> Option<&Site> {
        self.0.as_deref()
    }

    /// The header's menu, empty if the site has none.
    pub fn menu(&self) -> Vec<MenuItem> {
        self.get().map(|site| site.menu.clone()).unwrap_or_default()
    }

    /// Whether the site has search (`site.toml`'s `search`, on by default).
    pub fn search(&self) -> bool {
        self.get().is_none_or(|site| site.search)
    }

    /// The site's title, or an empty string if it is not known.
    pub fn title(&self) -> String {
        self.get()
            .map(|site| site.title.clone())
            .unwrap_or_default()
    }

    /// The site's description, or an empty string if it is not known.
    pub fn description(&self) -> String {
        self.get()
            .map(|site| site.description.clone())
            .unwrap_or_default()
    }

    /// How posts are rendered on this site; without settings, the safe default.
    pub fn render_options(&self) -> RenderOptions {
        RenderOptions {
            trusted_html: self.get().is_some_and(|site| site.trusted_html),
            page_controls: true,
            site_root: site_root(),
        }
    }

    /// The address of the page `kind` on the deployed site: `base_url` joined with its path.
    pub fn canonical_url(&self, kind: &PageKind) -> Option<String> {
        self.get()
            .map(|site| pages::absolute(&site.base_url, &kind.path()))
    }

    /// The address readers' comments go to, as a `mailto:` link with the post's title as the
    /// subject; `None` when the site has no contact address.
    pub fn comments_link(&self, title: &str) -> Option<(String, String)> {
        let contact = self.get()?.contact.clone()?;
        let subject = uri::encode_component(&format!("Re: {title}"));
        Some((format!("mailto:{contact}?subject={subject}"), contact))
    }

    /// The document title for a page: "Page – Site", or the site's title alone.
    pub fn document_title(&self, page: Option<&str>) -> String {
        pages::document_title(page, &self.title())
    }
}

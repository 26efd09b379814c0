//! A page shown from its data document (module "page", `later.rs`): the document read into
//! the `PageContent` of its kind, and that content's view; the search page (module "search"),
//! on a site that has search. Both read the site settings' document first, which their views
//! read.

use folio_content::{pages::PageKind, paths, Site, Versioned};
use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::{
    api::{self, ApiError, Document},
    pages::{page_view, DataDocument, PageContent, SearchPage},
    site::set_site,
};

/// The view of the page `kind`, from `document` (at its `data_path`) and `site` (the site
/// settings' document).
pub fn show(kind: PageKind, document: &Document, site: &Document) -> Result<AnyView, ApiError> {
    read_site(site)?;
    let path = kind.data_path().ok_or(ApiError::NotFound)?;
    let content = PageContent::read(kind, &Fetched(&path, document))?;
    Ok(page_view(content))
}

/// A data document the app fetched, and its path.
struct Fetched<'a>(&'a str, &'a Document);

impl DataDocument for Fetched<'_> {
    type Error = ApiError;

    fn read<T: DeserializeOwned + Versioned>(&self) -> Result<T, ApiError> {
        api::read(self.0, self.1)
    }
}

/// The search page, given the site settings' document; a site without search has none.
pub fn show_search(site: &Document) -> Result<AnyView, ApiError> {
    match read_site(site)? {
        true => Ok(view! { <SearchPage /> }.into_any()),
        false => Err(ApiError::NotFound),
    }
}

/// Reads the site settings for the views about to be built; says whether the site has search.
fn read_site(document: &Document) -> Result<bool, ApiError> {
    let site = api::read::<Site>(paths::SITE, document)?;
    let search = site.search;
    set_site(site);
    Ok(search)
}

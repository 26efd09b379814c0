//! A page shown from its data document (module "page", `later.rs`): the document read into
//! the `PageContent` of its route, and that content's view; the search page (module "search"),
//! on a site that has search. Both read the site settings' document first, which their views
//! read.

use folio_content::{paths, Archive, PageBundle, PostBundle, PostPage, Site, TagIndex};
use leptos::prelude::*;

use crate::{
    api::{self, ApiError, Document},
    pages::{page_view, PageContent, SearchPage},
    route::Route,
    site::set_site,
};

/// The view of the page at `route`, from `document` (the route's `data_path`) and `site` (the
/// site settings' document).
pub fn show(route: Route, document: &Document, site: &Document) -> Result<AnyView, ApiError> {
    read_site(site)?;
    let path = route.data_path().ok_or(ApiError::NotFound)?;
    let content = match route {
        Route::Home | Route::HomePage(_) => {
            PageContent::Home(api::read::<PostPage>(&path, document)?)
        }
        Route::Post(_) => PageContent::Post(Box::new(api::read::<PostBundle>(&path, document)?)),
        Route::Tags => PageContent::Tags(api::read::<TagIndex>(&path, document)?),
        Route::Tag(tag, _) => PageContent::Tag(tag, api::read::<PostPage>(&path, document)?),
        Route::Author(author, _) => {
            PageContent::Author(author, api::read::<PostPage>(&path, document)?)
        }
        Route::Archive => PageContent::Archive(api::read::<Archive>(&path, document)?),
        Route::Standalone(_) => {
            PageContent::Standalone(Box::new(api::read::<PageBundle>(&path, document)?))
        }
        Route::Search => return Err(ApiError::NotFound),
    };
    Ok(page_view(content))
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

//! A page shown from its data document (module "page", `later.rs`): the document read into
//! the `PageContent` of its route, and that content's view.

use folio_content::{Archive, PageBundle, PostBundle, PostPage, TagIndex};
use leptos::prelude::*;

use crate::{
    api::{self, ApiError, Document},
    pages::{page_view, PageContent},
    route::Route,
};

/// The view of the page at `route`, from `document` (the route's `data_path`).
pub fn show(route: Route, document: &Document) -> Result<AnyView, ApiError> {
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

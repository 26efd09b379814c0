//! What each route loads: the page's data, fetched by `api.rs`, as the `PageContent` its view
//! shows.

use crate::{
    api::{self, ApiError},
    pages::PageContent,
    route::Route,
};

/// The content of the page at `route`; an address that names no page (`None`) is not found
/// without a request.
pub async fn load(route: Option<Route>) -> Result<PageContent, ApiError> {
    let content = match route.ok_or(ApiError::NotFound)? {
        Route::Home => PageContent::Home(api::fetch_index_page(1).await?),
        Route::HomePage(page) => PageContent::Home(api::fetch_index_page(page).await?),
        Route::Post(slug) => PageContent::Post(Box::new(api::fetch_post(slug).await?)),
        Route::Tags => PageContent::Tags(api::fetch_tags().await?),
        Route::Tag(tag, page) => {
            let listing = api::fetch_tag_page(tag.clone(), page).await?;
            PageContent::Tag(tag, listing)
        }
        Route::Author(author, page) => {
            let listing = api::fetch_author_page(author.clone(), page).await?;
            PageContent::Author(author, listing)
        }
        Route::Archive => PageContent::Archive(api::fetch_archive().await?),
        Route::Standalone(slug) => {
            PageContent::Standalone(Box::new(api::fetch_standalone(slug).await?))
        }
        // A site without search has no search page.
        Route::Search => match api::fetch_site().await?.search {
            true => PageContent::Search,
            false => return Err(ApiError::NotFound),
        },
    };
    Ok(content)
}

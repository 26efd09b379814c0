//! The only place that fetches. Every request checks the status and the Content-Type, decodes
//! into the shared wire types and checks their format version; failures are typed. Every
//! request has a deadline.

use folio_content::{
    paths, Archive, AuthorIndex, PostBundle, PostPage, Site, Slug, TagIndex, Versioned,
    FORMAT_VERSION,
};
use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use thiserror::Error;

use crate::deadline::Deadline;

/// How long a request may take, body included, before it is given up as timed out.
pub const REQUEST_TIMEOUT_MS: i32 = 10_000;

/// Why data could not be had.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ApiError {
    #[error("The server could not be reached. Check your connection and try again.")]
    Network(String),
    #[error("The server took too long to answer. Try again.")]
    Timeout,
    #[error("This page does not exist.")]
    NotFound,
    #[error("The server answered with an error (status {0}). Try again in a moment.")]
    Status(u16),
    #[error("The data for this page could not be read ({0}).")]
    BadData(String),
}

/// The site settings.
pub async fn fetch_site() -> Result<Site, ApiError> {
    get(paths::SITE).await
}

/// Page `page` (from 1) of the home listing.
pub async fn fetch_index_page(page: u32) -> Result<PostPage, ApiError> {
    get(&paths::index_page(page)).await
}

/// Every tag with its count.
pub async fn fetch_tags() -> Result<TagIndex, ApiError> {
    get(paths::TAGS).await
}

/// Page `page` (from 1) of the posts with a tag.
pub async fn fetch_tag_page(tag: Slug, page: u32) -> Result<PostPage, ApiError> {
    get(&paths::tag_page(&tag, page)).await
}

/// Every author with their count.
pub async fn fetch_authors() -> Result<AuthorIndex, ApiError> {
    get(paths::AUTHORS).await
}

/// Page `page` (from 1) of an author's posts.
pub async fn fetch_author_page(author: Slug, page: u32) -> Result<PostPage, ApiError> {
    get(&paths::author_page(&author, page)).await
}

/// Every post by year and month.
pub async fn fetch_archive() -> Result<Archive, ApiError> {
    get(paths::ARCHIVE).await
}

/// One post's bundle.
pub async fn fetch_post(slug: Slug) -> Result<PostBundle, ApiError> {
    get(&paths::post(&slug)).await
}

async fn get<T: DeserializeOwned + Versioned>(path: &str) -> Result<T, ApiError> {
    let (status, content_type, body) = fetch_text(path).await?;
    decode(status, content_type.as_deref(), &body)
}

/// The status, Content-Type and body of `path`. Not generic, so the browser's fetch machinery
/// is compiled once rather than once per document type. Paths are relative, so they resolve
/// against the document's `<base href>` and the app works under any base path.
async fn fetch_text(path: &str) -> Result<(u16, Option<String>, String), ApiError> {
    let deadline = Deadline::start(REQUEST_TIMEOUT_MS);
    let failed = |error: gloo_net::Error| match &deadline {
        Some(deadline) if deadline.expired() => ApiError::Timeout,
        _ => ApiError::Network(error.to_string()),
    };
    let signal = deadline.as_ref().map(Deadline::signal);
    let response = Request::get(path)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(failed)?;
    let content_type = response.headers().get("content-type");
    let body = response.text().await.map_err(failed)?;
    Ok((response.status(), content_type, body))
}

/// Turns a response into data or a typed error. A static host's SPA fallback answers a missing
/// file with index.html and status 200: HTML where JSON was expected means "not found".
pub fn decode<T: DeserializeOwned + Versioned>(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<T, ApiError> {
    if status == 404 || status == 410 {
        return Err(ApiError::NotFound);
    }
    if !(200..300).contains(&status) {
        return Err(ApiError::Status(status));
    }
    let is_html = content_type.is_some_and(|kind| {
        kind.trim_start()
            .to_ascii_lowercase()
            .starts_with("text/html")
    }) || body.trim_start().starts_with('<');
    if is_html {
        return Err(ApiError::NotFound);
    }
    let document: T =
        serde_json::from_str(body).map_err(|error| ApiError::BadData(error.to_string()))?;
    if document.format() != FORMAT_VERSION {
        return Err(ApiError::BadData(format!(
            "format version {}, this app reads version {FORMAT_VERSION}; reload the page",
            document.format()
        )));
    }
    Ok(document)
}

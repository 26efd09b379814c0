//! The only place that fetches. Every request checks the status and the Content-Type, decodes
//! into the shared wire types and checks their format version; failures are typed. Every
//! request has a deadline. Documents are kept in memory once fetched, and a request already on
//! its way is shared, so a post prefetched on hover is not fetched again when it is opened.

use folio_content::{paths, PostBundle, Slug, Versioned, FORMAT_VERSION};
use std::{
    cell::RefCell,
    collections::{HashMap, VecDeque},
    rc::Rc,
};

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use thiserror::Error;

use crate::deadline::Deadline;

/// How long a request may take, body included, before it is given up as timed out.
pub const REQUEST_TIMEOUT_MS: i32 = 10_000;

/// Why data could not be had.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
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
    #[error("Part of this site's app could not be loaded. Check your connection and try again.")]
    Unavailable,
    /// Offline, what the service worker did not keep (sw.js: `x-folio-offline`).
    #[error("You are offline, and this page was not kept for reading offline.")]
    NotKept,
}

/// How many documents are kept in memory; the oldest is dropped first.
pub const CACHE_ENTRIES: usize = 100;

/// One answer of the server, as it came.
#[derive(Debug)]
pub struct Document {
    status: u16,
    content_type: Option<String>,
    body: String,
}

type Pending = Shared<LocalBoxFuture<'static, Result<Rc<Document>, ApiError>>>;

/// Fetched and in-flight documents by path, and the order they came in.
#[derive(Default)]
struct Cache {
    entries: HashMap<String, Pending>,
    order: VecDeque<String>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// One post's bundle.
pub async fn fetch_post(slug: Slug) -> Result<PostBundle, ApiError> {
    get(&paths::post(&slug)).await
}

/// The document at `path` (relative to the site's root) as the server answered, from memory if
/// it was fetched before: what a page's view is built from (`read`).
pub async fn fetch_document(path: String) -> Result<Rc<Document>, ApiError> {
    cached(path).await
}

/// Starts fetching the document at `path`, so that opening its page takes no wait. Call it
/// when a link to the page is hovered or focused.
pub fn prefetch(path: String) {
    leptos::task::spawn_local(async move {
        let _ = cached(path).await;
    });
}

/// A document as the server answered it, checked and decoded; a document that cannot be read
/// is forgotten, so that Retry asks the server again.
pub fn read<T: DeserializeOwned + Versioned>(
    path: &str,
    document: &Document,
) -> Result<T, ApiError> {
    let read = decode(
        document.status,
        document.content_type.as_deref(),
        &document.body,
    );
    if read.is_err() {
        forget(path);
    }
    read
}

/// The document at `path` (relative to the site's root), checked and decoded.
pub(crate) async fn get<T: DeserializeOwned + Versioned>(path: &str) -> Result<T, ApiError> {
    read(path, &*cached(path.to_owned()).await?)
}

/// The answer for `path`: from memory, from a request already on its way, or from a new one.
/// Only answers that decode stay (`read` forgets the others), so Retry really asks again.
async fn cached(path: String) -> Result<Rc<Document>, ApiError> {
    let pending = CACHE.with_borrow_mut(|cache| {
        if let Some(pending) = cache.entries.get(&path) {
            return pending.clone();
        }
        let pending = fetch_text(path.clone()).boxed_local().shared();
        cache.entries.insert(path.clone(), pending.clone());
        cache.order.push_back(path.clone());
        while cache.order.len() > CACHE_ENTRIES {
            if let Some(oldest) = cache.order.pop_front() {
                cache.entries.remove(&oldest);
            }
        }
        pending
    });
    let response = pending.await;
    if !response
        .as_ref()
        .is_ok_and(|response| is_json_success(response))
    {
        forget(&path);
    }
    response
}

/// Drops what is kept for `path`, so the next request for it goes to the server.
fn forget(path: &str) {
    CACHE.with_borrow_mut(|cache| {
        cache.entries.remove(path);
        cache.order.retain(|entry| entry != path);
    });
}

fn is_json_success(response: &Document) -> bool {
    (200..300).contains(&response.status)
        && !is_html(response.content_type.as_deref(), &response.body)
}

/// The status, Content-Type and body of `path`. Not generic, so the browser's fetch machinery
/// is compiled once rather than once per document type. Paths are relative, so they resolve
/// against the document's `<base href>` and the app works under any base path.
async fn fetch_text(path: String) -> Result<Rc<Document>, ApiError> {
    let deadline = Deadline::start(REQUEST_TIMEOUT_MS);
    let failed = |error: gloo_net::Error| match &deadline {
        Some(deadline) if deadline.expired() => ApiError::Timeout,
        _ => ApiError::Network(error.to_string()),
    };
    let signal = deadline.as_ref().map(Deadline::signal);
    let response = Request::get(&path)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(failed)?;
    if response.headers().get("x-folio-offline").is_some() {
        return Err(ApiError::NotKept);
    }
    let content_type = response.headers().get("content-type");
    let body = response.text().await.map_err(failed)?;
    Ok(Rc::new(Document {
        status: response.status(),
        content_type,
        body,
    }))
}

/// Turns a response into data or a typed error. A static host's SPA fallback answers a missing
/// file with index.html and status 200: HTML where JSON was expected means "not found".
pub fn decode<T: DeserializeOwned + Versioned>(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<T, ApiError> {
    check_answer(status, content_type, body)?;
    let document: T = serde_json::from_str(body).map_err(unreadable)?;
    check_format(document.format())?;
    Ok(document)
}

// What does not depend on the document's type is kept out of `decode`, which is compiled once
// for each type.

/// The error an answer is, if it is not a JSON document.
fn check_answer(status: u16, content_type: Option<&str>, body: &str) -> Result<(), ApiError> {
    if status == 404 || status == 410 || (200..300).contains(&status) && is_html(content_type, body)
    {
        return Err(ApiError::NotFound);
    }
    if !(200..300).contains(&status) {
        return Err(ApiError::Status(status));
    }
    Ok(())
}

/// Where the JSON went wrong: serde's own wording would bring its formatting code into the app.
fn unreadable(error: serde_json::Error) -> ApiError {
    ApiError::BadData(format!(
        "at line {}, column {}",
        error.line(),
        error.column()
    ))
}

fn check_format(format: u32) -> Result<(), ApiError> {
    match format == FORMAT_VERSION {
        true => Ok(()),
        false => Err(ApiError::BadData(format!(
            "format version {format}, this app reads version {FORMAT_VERSION}; reload the page"
        ))),
    }
}

/// Whether an answer is an HTML page, such as a static host's SPA fallback.
fn is_html(content_type: Option<&str>, body: &str) -> bool {
    content_type.is_some_and(|kind| {
        kind.trim_start()
            .to_ascii_lowercase()
            .starts_with("text/html")
    }) || body.trim_start().starts_with('<')
}

//! What the app and the search worker say to each other, as JSON text in `postMessage`: the
//! app asks for a query's results; the worker says it is ready, then answers each request with
//! its results and, once it has read the posts, their snippets, or with why it could not.

use folio_content::{search::snippet::SnippetPart, Date, Slug};
use serde::{Deserialize, Serialize};

use crate::api::ApiError;

/// The file the worker starts from, at the site's root (trunk's loader for the worker's wasm).
pub const WORKER_SCRIPT: &str = "search_worker_loader.js";

/// A query, as typed, and how many of its results to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// Counts up; an answer carries its request's, so an answer to an older query is dropped.
    pub id: u32,
    pub query: String,
    pub limit: u32,
}

/// What the worker says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SearchReply {
    /// It listens for requests now (one sent before is lost).
    Ready,
    /// The best `limit` results of request `id`, of `total` posts that match.
    Results {
        id: u32,
        total: u32,
        results: Vec<SearchResult>,
    },
    /// The snippet of each result of request `id`, in the same order.
    Snippets {
        id: u32,
        snippets: Vec<Vec<SnippetPart>>,
    },
    /// Request `id` could not be answered.
    Failed { id: u32, error: ApiError },
}

/// A post that matches, as a result shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResult {
    pub slug: Slug,
    pub title: String,
    pub date: Date,
    pub tags: Vec<String>,
    /// The heading the best match is under, which the result opens the post at.
    pub anchor: Option<String>,
}

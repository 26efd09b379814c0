//! What the app and the search engine (a wasm of its own, in the same page) say to each other,
//! as JSON text passed to each other's function: the app asks for a query's results; the engine
//! says it is ready, then answers each request with its results, or with why it could not. The
//! app then reads the results' posts (which opening one needs anyway) and asks for their
//! snippets, which the engine cuts around the query's words.

use folio_content::{search::snippet::SnippetPart, Date, Slug};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use crate::api::ApiError;

/// The module script the engine starts from, at the site's root (trunk's loader for its wasm).
pub const ENGINE_SCRIPT: &str = "search_engine_loader.js";

/// Where, on the page's global object, the app leaves the function that takes the engine's
/// replies before it loads the engine.
pub const REPLY_GLOBAL: &str = "folioSearchReply";

/// Where the engine, once started, leaves the function that takes the app's requests.
pub const REQUEST_GLOBAL: &str = "folioSearchRequest";

/// The function left at `name` on the page's global object, if there is one.
pub fn function_at(name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
}

/// Leaves `function` at `name` on the page's global object, for the other half to take.
pub fn leave_at(name: &str, function: &JsValue) -> Result<(), JsValue> {
    js_sys::Reflect::set(&js_sys::global(), &JsValue::from_str(name), function).map(|_| ())
}

/// What the app asks. Each request's `id` counts up; an answer carries its request's, so an
/// answer to an older query is dropped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchRequest {
    /// The best `limit` results of a query, as typed.
    Search { id: u32, query: String, limit: u32 },
    /// The snippets of the results of request `id`: for each, its post's text by section
    /// (`folio_content::search::snippet::section_texts`) and the section it matched best in.
    Snippets {
        id: u32,
        query: String,
        posts: Vec<(Vec<String>, u32)>,
    },
}

/// What the engine says.
// Externally tagged: the app's reading of it then needs no buffering (half the code).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    /// Where the best match is: 0 for the top, `k` under the post's `k`-th heading.
    pub section: u32,
    /// That heading's anchor, which the result opens the post at.
    pub anchor: Option<String>,
}

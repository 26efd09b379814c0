//! The search engine's work: for each query, the index's parts it needs (fetched once, then
//! kept decoded), its results ranked (`folio_content::search::query`) and what each result
//! shows; for the text of the results' posts, which the app sends, their snippets. It is a wasm
//! of its own (`src/bin/search_engine.rs`), which the app loads into the page the first time a
//! reader searches. It runs on the page's thread, not in a worker: with the parts a query needs
//! already kept, its results are ranked (in under a millisecond at 10,000 posts) and in the
//! page in the same task as the key that typed it, so they paint in that key's own frame. A
//! worker's answer comes in a task of its own, which the browser often runs after that frame.

use std::{
    any::Any,
    cell::{Cell, RefCell},
    collections::HashMap,
    rc::Rc,
};

use folio_content::{
    paths,
    search::{
        index::{SearchIndex, SearchPosts, TermShard, POSTS_PER_CHUNK},
        query::Query,
        snippet::snippet,
        terms::{stemmer, Stemmer},
    },
    Slug, Versioned,
};
use futures::future::try_join_all;
use serde::de::DeserializeOwned;
use wasm_bindgen::{closure::Closure, JsValue};

use crate::{
    api::{self, ApiError},
    search::messages::{
        function_at, leave_at, SearchReply, SearchRequest, SearchResult, REPLY_GLOBAL,
        REQUEST_GLOBAL,
    },
};

/// The parts of the index read so far, decoded, by path, and the stemmer queries are read with.
struct Store {
    stemmer: Stemmer,
    parts: HashMap<String, Rc<dyn Any>>,
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store {
        stemmer: stemmer(),
        parts: HashMap::new(),
    });
    /// The newest request: work for an older one stops at its next wait.
    static NEWEST: Cell<u32> = const { Cell::new(0) };
    /// The app's function that takes each reply, which it left at `REPLY_GLOBAL`.
    static REPLY: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Takes the app's reply function, leaves its own request function at `REQUEST_GLOBAL`, and
/// says it is ready. Without the app's function (the script loaded by something else) it
/// does nothing.
pub fn start() {
    let Some(reply) = function_at(REPLY_GLOBAL) else {
        return;
    };
    REPLY.set(Some(reply));
    let on_request = Closure::<dyn Fn(JsValue)>::new(|text: JsValue| {
        let request = text
            .as_string()
            .and_then(|text| serde_json::from_str::<SearchRequest>(&text).ok());
        match request {
            Some(SearchRequest::Search { id, query, limit }) => {
                NEWEST.set(id);
                // Runs before the task that asked ends: at once if every part is kept.
                wasm_bindgen_futures::spawn_local(answer(id, query, limit));
            }
            Some(SearchRequest::Snippets { id, query, posts }) => snippets(id, &query, &posts),
            None => {}
        }
    });
    let _ = leave_at(REQUEST_GLOBAL, on_request.as_ref());
    on_request.forget();
    post(&SearchReply::Ready);
}

fn post(reply: &SearchReply) {
    let Ok(text) = serde_json::to_string(reply) else {
        return;
    };
    let reply_to = REPLY.with_borrow(Clone::clone);
    if let Some(reply_to) = reply_to {
        let _ = reply_to.call1(&JsValue::NULL, &JsValue::from_str(&text));
    }
}

fn is_newest(id: u32) -> bool {
    NEWEST.get() == id
}

async fn answer(id: u32, query: String, limit: u32) {
    if let Err(error) = results(id, &query, limit).await {
        if is_newest(id) {
            post(&SearchReply::Failed { id, error });
        }
    }
}

async fn results(id: u32, query: &str, limit: u32) -> Result<(), ApiError> {
    let query = STORE.with_borrow(|store| Query::parse(&store.stemmer, query));
    if query.is_empty() {
        post(&SearchReply::Results {
            id,
            total: 0,
            results: Vec::new(),
        });
        return Ok(());
    }
    let index = index().await?;
    let shards = try_join_all(query.shards(&index).into_iter().map(shard)).await?;
    if !is_newest(id) {
        return Ok(());
    }
    let shards: Vec<&TermShard> = shards.iter().map(Rc::as_ref).collect();
    let ranked = query.rank(&shards, limit as usize);
    let total = u32::try_from(ranked.total).unwrap_or(u32::MAX);
    let results = try_join_all(ranked.hits.iter().map(|hit| shown(hit.post, hit.section))).await?;
    if is_newest(id) {
        post(&SearchReply::Results { id, total, results });
    }
    Ok(())
}

/// The snippet of each post of request `id`'s results, from its text by section.
fn snippets(id: u32, query: &str, posts: &[(Vec<String>, u32)]) {
    let snippets = STORE.with_borrow(|store| {
        let query = Query::parse(&store.stemmer, query);
        posts
            .iter()
            .map(|(sections, section)| snippet(&store.stemmer, &query, sections, *section))
            .collect()
    });
    post(&SearchReply::Snippets { id, snippets });
}

async fn index() -> Result<Rc<SearchIndex>, ApiError> {
    kept(paths::SEARCH_INDEX.to_owned()).await
}

async fn shard(number: usize) -> Result<Rc<TermShard>, ApiError> {
    kept(paths::search_terms(number)).await
}

async fn chunk(number: u32) -> Result<Rc<SearchPosts>, ApiError> {
    kept(paths::search_posts(number)).await
}

/// The part of the index at `path`, fetched and decoded the first time, then kept.
async fn kept<T: DeserializeOwned + Versioned + 'static>(path: String) -> Result<Rc<T>, ApiError> {
    let known = STORE.with_borrow(|store| store.parts.get(&path).cloned());
    if let Some(part) = known.and_then(|part| part.downcast::<T>().ok()) {
        return Ok(part);
    }
    let part = Rc::new(api::get::<T>(&path).await?);
    let stored: Rc<dyn Any> = Rc::clone(&part) as Rc<dyn Any>;
    STORE.with_borrow_mut(|store| store.parts.insert(path, stored));
    Ok(part)
}

/// What the result for post `post` shows, opening at its `section`.
async fn shown(post: u32, section: u32) -> Result<SearchResult, ApiError> {
    let chunk = chunk(post / POSTS_PER_CHUNK).await?;
    let missing = || ApiError::BadData(format!("no post {post} in the search index"));
    let found = chunk
        .posts
        .get((post % POSTS_PER_CHUNK) as usize)
        .ok_or_else(missing)?;
    let anchor = section
        .checked_sub(1)
        .and_then(|heading| found.4.get(heading as usize).cloned());
    Ok(SearchResult {
        slug: Slug::clone(&found.0),
        title: found.1.clone(),
        date: found.2,
        tags: found.3.clone(),
        section,
        anchor,
    })
}

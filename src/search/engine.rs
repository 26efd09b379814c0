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
use futures::{
    future::{try_join_all, LocalBoxFuture, Shared},
    FutureExt,
};
use serde::de::DeserializeOwned;
use wasm_bindgen::{closure::Closure, JsValue};

use crate::{
    api::{self, ApiError},
    search::messages::{
        function_at, leave_at, SearchReply, SearchRequest, SearchResult, REPLY_GLOBAL,
        REQUEST_GLOBAL,
    },
};

/// How many results past the shown ones have their posts' chunk fetched ahead, as a multiple
/// of the shown: the next letter of a word often moves some of them up, and then its results
/// are ready in its own frame instead of waiting for the network.
const AHEAD: usize = 3;

/// A part of the index, decoded, once fetched: every query that needs it while it is on its way
/// waits for the same fetch.
type Part = Shared<LocalBoxFuture<'static, Result<Rc<dyn Any>, ApiError>>>;

/// The parts of the index asked for so far, by path, and the stemmer queries are read with.
struct Store {
    stemmer: Stemmer,
    parts: HashMap<String, Part>,
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
    let limit = limit as usize;
    let ranked = query.rank(&shards, limit * AHEAD);
    let total = u32::try_from(ranked.total).unwrap_or(u32::MAX);
    let (hits, next) = ranked.hits.split_at(ranked.hits.len().min(limit));
    let results = try_join_all(hits.iter().map(|hit| shown(hit.post, hit.section))).await?;
    if is_newest(id) {
        post(&SearchReply::Results { id, total, results });
        fetch_ahead(next.iter().map(|hit| hit.post));
    }
    Ok(())
}

/// Fetches, after the results are shown, the chunks of `posts` not yet asked for (`kept` would
/// find the others at once; this only spares their tasks). A failure here is left for the
/// query that needs the chunk to report.
fn fetch_ahead(posts: impl Iterator<Item = u32>) {
    let mut numbers: Vec<u32> = posts.map(|post| post / POSTS_PER_CHUNK).collect();
    numbers.sort_unstable();
    numbers.dedup();
    for number in numbers {
        let asked =
            STORE.with_borrow(|store| store.parts.contains_key(&paths::search_posts(number)));
        if !asked {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = chunk(number).await;
            });
        }
    }
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

/// The part of the index at `path`, fetched and decoded the first time, then kept. A failed
/// fetch is forgotten, so the next query that needs the part fetches it again.
async fn kept<T: DeserializeOwned + Versioned + 'static>(path: String) -> Result<Rc<T>, ApiError> {
    let part = STORE.with_borrow_mut(|store| {
        let fetch = || {
            let path = path.clone();
            async move { Ok(Rc::new(api::get::<T>(&path).await?) as Rc<dyn Any>) }
                .boxed_local()
                .shared()
        };
        store
            .parts
            .entry(path.clone())
            .or_insert_with(fetch)
            .clone()
    });
    match part.clone().await {
        Ok(found) => found
            .downcast::<T>()
            .map_err(|_| ApiError::BadData(format!("{path} was read as two kinds of part"))),
        Err(error) => {
            STORE.with_borrow_mut(|store| {
                if store
                    .parts
                    .get(&path)
                    .is_some_and(|kept| kept.ptr_eq(&part))
                {
                    store.parts.remove(&path);
                }
            });
            Err(error)
        }
    }
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

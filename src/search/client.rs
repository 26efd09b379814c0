//! The app's side of search: starts the worker the first time a query is sent (so a page that
//! is only read never loads it), sends it the newest query, and gives the search page the
//! answers as a signal. For results that stay a moment, it reads their posts (kept in memory,
//! so opening one is at once) into text with the app's own Markdown parser, and asks the worker
//! for snippets.

use std::{
    cell::{Cell, RefCell},
    rc::Rc,
    time::Duration,
};

use folio_content::search::snippet::{section_texts, SnippetPart};
use futures::future::join_all;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

use crate::{
    api::{self, ApiError, REQUEST_TIMEOUT_MS},
    base,
    search::messages::{SearchReply, SearchRequest, SearchResult, WORKER_SCRIPT},
};

/// How long a query's results stay before their posts are read for snippets: while one types,
/// each key's results come without waiting for that reading (in the app) and marking (in the
/// worker) of the key before.
const SNIPPETS_AFTER: Duration = Duration::from_millis(150);

/// What the search page shows of a query.
#[derive(Clone, Debug, PartialEq)]
pub enum SearchState {
    /// No query.
    Idle,
    /// The first answer is on its way.
    Searching,
    /// The best results, and their snippets as they are read.
    Found(Found),
    /// The query could not be answered.
    Failed(ApiError),
}

/// A query's results.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub query: String,
    pub total: u32,
    pub results: Vec<SearchResult>,
    /// One for each result, empty until it is read.
    pub snippets: Vec<Vec<SnippetPart>>,
}

impl Found {
    /// The snippets `results` start with: a result shown for the query before keeps its
    /// snippet until its new one comes, so the list does not jump as one types.
    fn carried(&self, results: &[SearchResult]) -> Vec<Vec<SnippetPart>> {
        results
            .iter()
            .map(|result| {
                self.results
                    .iter()
                    .position(|old| old.slug == result.slug && old.section == result.section)
                    .and_then(|at| self.snippets.get(at).cloned())
                    .unwrap_or_default()
            })
            .collect()
    }
}

/// The running worker.
struct Client {
    worker: Worker,
    /// Whether it listens yet: until it does, the newest request waits here.
    ready: bool,
    waiting: Option<String>,
    /// It failed to start; the next request starts a new one.
    broken: bool,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

type OnReply = Rc<dyn Fn(SearchReply)>;

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static ON_REPLY: RefCell<Option<OnReply>> = const { RefCell::new(None) };
    static NEWEST: Cell<u32> = const { Cell::new(0) };
}

/// A query's results, and what the search page does with them.
pub struct Search {
    pub state: ReadSignal<SearchState>,
    /// Asks again, after a failure.
    pub retry: Callback<()>,
    /// Shows `per_page` more results.
    pub more: Callback<()>,
}

/// The results of `query`, `per_page` of them (more on request), as the worker answers; asked
/// again when the query changes, and on retry.
pub fn use_search(query: Memo<String>, per_page: u32) -> Search {
    let (state, set_state) = signal(SearchState::Idle);
    let tries = RwSignal::new(0_u32);
    let extra = RwSignal::new(0_u32);
    let on_reply: OnReply = Rc::new(move |reply| {
        let newest = NEWEST.get();
        match reply {
            SearchReply::Results { id, total, results } if id == newest => {
                let query = query.try_get_untracked().unwrap_or_default();
                set_timeout(
                    {
                        let (query, results) = (query.clone(), results.clone());
                        move || {
                            if NEWEST.get() == id {
                                leptos::task::spawn_local(ask_for_snippets(id, query, results));
                            }
                        }
                    },
                    SNIPPETS_AFTER,
                );
                let snippets = state.with_untracked(|state| match state {
                    SearchState::Found(old) => old.carried(&results),
                    _ => vec![Vec::new(); results.len()],
                });
                set_state.try_set(SearchState::Found(Found {
                    query,
                    total,
                    results,
                    snippets,
                }));
            }
            SearchReply::Snippets { id, snippets } if id == newest => {
                set_state.try_update(|state| {
                    if let SearchState::Found(found) = state {
                        found.snippets = snippets;
                    }
                });
            }
            SearchReply::Failed { id, error } if id == newest => {
                set_state.try_set(SearchState::Failed(error));
            }
            _ => {}
        }
    });
    ON_REPLY.set(Some(on_reply));
    on_cleanup(|| ON_REPLY.set(None));
    // Returns the query it asked for: a new one starts again from the first results.
    Effect::new(move |asked: Option<String>| {
        let query = query.get();
        tries.track();
        if asked.is_some_and(|asked| asked != query) {
            extra.update_untracked(|extra| *extra = 0);
        }
        let limit = per_page + extra.get();
        if query.trim().is_empty() {
            NEWEST.set(NEWEST.get().wrapping_add(1));
            set_state.set(SearchState::Idle);
        } else {
            if !matches!(state.get_untracked(), SearchState::Found(_)) {
                set_state.set(SearchState::Searching);
            }
            send(query.clone(), limit);
        }
        query
    });
    Search {
        state,
        retry: Callback::new(move |()| tries.update(|tries| *tries += 1)),
        more: Callback::new(move |()| extra.update(|extra| *extra += per_page)),
    }
}

/// Asks for the snippets of request `id`'s results, once their posts are read. A post that
/// cannot be read has no snippet: its result shows without.
async fn ask_for_snippets(id: u32, query: String, results: Vec<SearchResult>) {
    let bundles = join_all(
        results
            .iter()
            .map(|result| api::fetch_post(result.slug.clone())),
    )
    .await;
    if NEWEST.get() != id {
        return;
    }
    let posts = bundles
        .iter()
        .zip(&results)
        .map(|(bundle, result)| match bundle {
            Ok(bundle) => (section_texts(&bundle.body.markdown), result.section),
            Err(_) => (Vec::new(), 0),
        })
        .collect();
    let _ = request(&SearchRequest::Snippets { id, query, posts });
}

/// Sends the worker a query.
fn send(query: String, limit: u32) {
    let id = NEWEST.get().wrapping_add(1);
    NEWEST.set(id);
    if request(&SearchRequest::Search { id, query, limit }).is_err() {
        deliver(SearchReply::Failed {
            id,
            error: could_not_start(),
        });
    }
}

/// Sends the worker `request`, starting the worker first if need be.
fn request(request: &SearchRequest) -> Result<(), JsValue> {
    let text = serde_json::to_string(request).map_err(|_| JsValue::NULL)?;
    CLIENT.with_borrow_mut(|client| {
        if client.as_ref().is_none_or(|client| client.broken) {
            if let Some(old) = client.take() {
                old.worker.terminate();
            }
            *client = Some(start()?);
        }
        if let Some(client) = client.as_mut() {
            match client.ready {
                true => client.worker.post_message(&JsValue::from_str(&text))?,
                false => client.waiting = Some(text),
            }
        }
        Ok(())
    })
}

fn could_not_start() -> ApiError {
    ApiError::Network("search could not start".to_owned())
}

fn deliver(reply: SearchReply) {
    let on_reply = ON_REPLY.with_borrow(Clone::clone);
    if let Some(on_reply) = on_reply {
        on_reply(reply);
    }
}

/// The worker, from its script at the site's root, listened to.
fn start() -> Result<Client, JsValue> {
    let worker = Worker::new(&format!("{}{WORKER_SCRIPT}", base::site_root()))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let reply = event
            .data()
            .as_string()
            .and_then(|text| serde_json::from_str::<SearchReply>(&text).ok());
        match reply {
            Some(SearchReply::Ready) => CLIENT.with_borrow_mut(|client| {
                if let Some(client) = client.as_mut() {
                    client.ready = true;
                    if let Some(text) = client.waiting.take() {
                        let _ = client.worker.post_message(&JsValue::from_str(&text));
                    }
                }
            }),
            Some(reply) => deliver(reply),
            None => {}
        }
    });
    // The script or its wasm could not be loaded (offline, or a missing file).
    let on_error = Closure::<dyn FnMut(JsValue)>::new(|_| {
        CLIENT.with_borrow_mut(|client| {
            if let Some(client) = client.as_mut() {
                client.broken = true;
            }
        });
        deliver(SearchReply::Failed {
            id: NEWEST.get(),
            error: could_not_start(),
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // A wasm that fails to load says nothing to this side: a worker not ready in time is broken.
    set_timeout(
        || {
            let late = CLIENT.with_borrow_mut(|client| match client.as_mut() {
                Some(client) if !client.ready => {
                    client.broken = true;
                    true
                }
                _ => false,
            });
            if late {
                deliver(SearchReply::Failed {
                    id: NEWEST.get(),
                    error: ApiError::Timeout,
                });
            }
        },
        Duration::from_millis(REQUEST_TIMEOUT_MS as u64),
    );
    Ok(Client {
        worker,
        ready: false,
        waiting: None,
        broken: false,
        _on_message: on_message,
        _on_error: on_error,
    })
}

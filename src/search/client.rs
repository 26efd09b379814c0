//! The app's side of search: loads the search engine (a wasm of its own, `search::engine`)
//! into the page the first time a query is sent (so a page that is only read never loads it),
//! sends it the newest query, and gives the search page the answers as a signal. For results
//! that stay a moment, it reads their posts (kept in memory, so opening one is at once) into
//! text with the app's own Markdown parser, and asks the engine for snippets.

use std::{
    cell::{Cell, RefCell},
    rc::Rc,
    time::Duration,
};

use folio_content::search::snippet::{section_texts, SnippetPart};
use futures::future::join_all;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::{
    api::{self, ApiError, REQUEST_TIMEOUT_MS},
    base,
    search::messages::{
        function_at, leave_at, SearchReply, SearchRequest, SearchResult, ENGINE_SCRIPT,
        REPLY_GLOBAL, REQUEST_GLOBAL,
    },
};

/// How long a query's results stay before their posts are read for snippets: while one types,
/// each key's results come without waiting for that reading (in the app) and marking (in the
/// engine) of the key before.
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

/// The engine, loading or started.
struct Client {
    /// Its function that takes requests, once it has started: until then, the newest request
    /// waits in `waiting`.
    engine: Option<js_sys::Function>,
    waiting: Option<String>,
    /// It failed to load; the next request loads it again.
    broken: bool,
    _on_reply: Closure<dyn Fn(JsValue)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

type OnReply = Rc<dyn Fn(SearchReply)>;

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static ON_REPLY: RefCell<Option<OnReply>> = const { RefCell::new(None) };
    static NEWEST: Cell<u32> = const { Cell::new(0) };
    /// How many times the engine has been loaded.
    static LOADS: Cell<u32> = const { Cell::new(0) };
}

/// A query's results, and what the search page does with them.
pub struct Search {
    pub state: ReadSignal<SearchState>,
    /// Asks again, after a failure.
    pub retry: Callback<()>,
    /// Shows `per_page` more results.
    pub more: Callback<()>,
}

/// The results of `query`, `per_page` of them (more on request), as the engine answers; asked
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

/// Sends the engine a query.
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

/// Sends the engine `request`, loading the engine first if need be. An engine that has started
/// may reply before this returns (a snippets request); so it is called with nothing borrowed.
fn request(request: &SearchRequest) -> Result<(), JsValue> {
    let text = serde_json::to_string(request).map_err(|_| JsValue::NULL)?;
    let engine = CLIENT.with_borrow_mut(|client| {
        if client.as_ref().is_none_or(|client| client.broken) {
            *client = Some(start()?);
        }
        let client = client.as_mut().ok_or(JsValue::NULL)?;
        if client.engine.is_none() {
            client.waiting = Some(text.clone());
        }
        Ok::<_, JsValue>(client.engine.clone())
    })?;
    if let Some(engine) = engine {
        engine.call1(&JsValue::NULL, &JsValue::from_str(&text))?;
    }
    Ok(())
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

/// The engine, loaded from its module script at the site's root: its replies come to the
/// function left at `REPLY_GLOBAL` (the first says it has started and left its own at
/// `REQUEST_GLOBAL`).
fn start() -> Result<Client, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    let on_reply = Closure::<dyn Fn(JsValue)>::new(|text: JsValue| {
        let reply = text
            .as_string()
            .and_then(|text| serde_json::from_str::<SearchReply>(&text).ok());
        match reply {
            Some(SearchReply::Ready) => started(),
            Some(reply) => deliver(reply),
            None => {}
        }
    });
    leave_at(REPLY_GLOBAL, on_reply.as_ref())?;
    let script = document.create_element("script")?;
    // A module that failed is not fetched again at the same address: each load asks at its own
    // (the first's is always the same, so a cached copy serves it).
    let loads = LOADS.get() + 1;
    LOADS.set(loads);
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute(
        "src",
        &format!("{}{ENGINE_SCRIPT}?load={loads}", base::site_root()),
    );
    // The script could not be loaded (offline, or a missing file).
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
    let _ = script.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
    if let Some(body) = document.body() {
        body.append_child(&script)?;
    }
    // A wasm that fails to load says nothing to this side: an engine not started in time is
    // broken.
    set_timeout(
        || {
            let late = CLIENT.with_borrow_mut(|client| match client.as_mut() {
                Some(client) if client.engine.is_none() => {
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
        engine: None,
        waiting: None,
        broken: false,
        _on_reply: on_reply,
        _on_error: on_error,
    })
}

/// The engine has started (later than it was given up on, maybe): takes its request function,
/// and sends it the request that waited.
fn started() {
    let engine = function_at(REQUEST_GLOBAL);
    let waiting = CLIENT.with_borrow_mut(|client| {
        let client = client.as_mut()?;
        client.engine = engine.clone();
        client.broken = false;
        client.waiting.take()
    });
    if let (Some(engine), Some(text)) = (engine, waiting) {
        let _ = engine.call1(&JsValue::NULL, &JsValue::from_str(&text));
    }
}

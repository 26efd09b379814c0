//! What the header's search box does in the app (the box is the built page's, which the app
//! keeps: `components/search_box.rs` is its view): typing shows the results at once (the search
//! page, its address following once typing pauses), Enter keeps the query in the history, and
//! the down arrow goes to the first result. Its focus starts loading the search page's module.

use std::{cell::RefCell, rc::Rc, time::Duration};

use folio_content::pages::PageKind;
use leptos::{ev, prelude::*};
use leptos_router::{
    hooks::{use_location, use_navigate},
    NavigateOptions,
};
use wasm_bindgen::JsCast;

use crate::{
    dom, later,
    route::{page_at, search_path},
    search::focus::{result_links, SearchText, SEARCH_BOX_ID},
};

/// How many queries typed are remembered, so that their addresses, coming back, do not
/// overwrite what has been typed since.
const TYPED_KEPT: usize = 64;

/// How long typing on the search page pauses before the address follows: a navigation is work
/// (the router's, and the history's, which Safari limits to 100 changes in 30 seconds) that
/// would otherwise hold up the results of every key.
const ADDRESS_AFTER: Duration = Duration::from_millis(300);

/// What the box remembers between keys (kept out of the reactive system: nothing shows it).
#[derive(Default)]
struct Typing {
    /// What was typed here since the address last changed from elsewhere.
    typed: Vec<String>,
    /// Whether the query shown is kept in the history: the next one typed gets its own entry.
    kept: bool,
    /// The address not yet made for what is being typed: whether it is a new history entry,
    /// and the timer that makes it.
    pending: Option<(bool, TimeoutHandle)>,
}

impl Typing {
    /// Forgets what was typed, the address it was waiting for too.
    fn reset(&mut self) {
        if let Some((_, timer)) = self.pending.take() {
            timer.clear();
        }
        *self = Typing {
            typed: Vec::new(),
            kept: true,
            pending: None,
        };
    }
}

/// Gives the header's search box its behaviour; call it inside the router, where the app's
/// `SearchText` is provided. A page without the box (a site without search) has nothing to do.
pub fn use_search_box() {
    let Some(input) = dom::document()
        .and_then(|document| document.get_element_by_id(SEARCH_BOX_ID))
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(form) = input.form() else {
        return;
    };
    let location = use_location();
    let navigate = use_navigate();
    let SearchText(text) = SearchText::use_context();
    let typing = Rc::new(RefCell::new(Typing {
        typed: Vec::new(),
        kept: true,
        pending: None,
    }));
    // What was typed before the app ran stays.
    text.set(input.value());
    // The address's query shows in the box when it comes from elsewhere: a shared link, back
    // or forward. Off the search page the box is empty, once the reader has gone elsewhere.
    Effect::new({
        let typing = Rc::clone(&typing);
        move |before: Option<()>| {
            let query = location
                .query
                .with(|query| query.get("q"))
                .unwrap_or_default();
            let mut typing = typing.borrow_mut();
            if !location.pathname.with(|path| is_search_page(path)) {
                if before.is_some() {
                    typing.reset();
                    text.set(String::new());
                }
            } else if text.get_untracked() == query {
                // The address has caught up with the box.
                typing.typed.clear();
            } else if !typing.typed.contains(&query) {
                typing.reset();
                text.set(query);
            }
        }
    });
    // The box shows the text, whoever set it.
    Effect::new({
        let input = input.clone();
        move |_| {
            let shown = text.get();
            if input.value() != shown {
                input.set_value(&shown);
            }
        }
    });
    // Makes the address of a query: a new history entry, or the current one replaced.
    let go = move |query: &str, push: bool| {
        navigate(
            &search_path(query),
            NavigateOptions {
                replace: !push,
                scroll: push,
                ..Default::default()
            },
        )
    };
    let on_search_page = move || {
        location
            .pathname
            .with_untracked(|path| is_search_page(path))
    };
    let on_input = {
        let typing = Rc::clone(&typing);
        let go = go.clone();
        let input = input.clone();
        move |_: web_sys::Event| {
            let query = input.value();
            text.set(query.clone());
            let mut state = typing.borrow_mut();
            state.typed.push(query.clone());
            if state.typed.len() > TYPED_KEPT {
                state.typed.remove(0);
            }
            // The first key after a kept query (or on another page) makes a history entry; the
            // keys after it replace it. Not read from the address, which follows later.
            let push = state.kept || state.pending.as_ref().is_some_and(|(push, _)| *push);
            state.kept = false;
            if let Some((_, timer)) = state.pending.take() {
                timer.clear();
            }
            // The search page searches for the text at once. Off it, the address goes there
            // next (that is where the results show); on it, once typing pauses.
            let delay = match on_search_page() {
                true => ADDRESS_AFTER,
                false => Duration::ZERO,
            };
            let timer = set_timeout_with_handle(
                {
                    let typing = Rc::clone(&typing);
                    let go = go.clone();
                    move || {
                        typing.borrow_mut().pending = None;
                        go(&query, push);
                    }
                },
                delay,
            );
            state.pending = timer.ok().map(|timer| (push, timer));
        }
    };
    // Makes the address that typing is waiting for, now; says whether there was one. Leaving
    // the box (the down arrow to the results, Tab, a press of the mouse anywhere) does, so that
    // back comes to the query one left.
    let flush = {
        let typing = Rc::clone(&typing);
        let go = go.clone();
        move || {
            let pending = typing.borrow_mut().pending.take();
            pending.is_some_and(|(push, timer)| {
                timer.clear();
                go(&text.get_untracked(), push);
                true
            })
        }
    };
    let leaving = window_event_listener(ev::mousedown, {
        let flush = flush.clone();
        move |_| {
            flush();
        }
    });
    on_cleanup(move || leaving.remove());
    let on_submit = {
        let flush = flush.clone();
        move |event: web_sys::Event| {
            event.prevent_default();
            if !flush() && !on_search_page() {
                go(&text.get_untracked(), true);
            }
            typing.borrow_mut().kept = true;
        }
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if matches!(event.key().as_str(), "ArrowDown" | "Tab") {
            flush();
        }
        if event.key() == "ArrowDown" {
            if let Some(first) = result_links().and_then(|links| links.into_iter().next()) {
                event.prevent_default();
                let _ = first.focus();
            }
        }
    };
    dom::listen(&input, "input", false, on_input);
    dom::listen(&input, "keydown", false, on_keydown);
    dom::listen(&input, "focus", false, |_: web_sys::Event| {
        later::preload_search()
    });
    dom::listen(&form, "submit", false, on_submit);
}

/// Whether `pathname`, an address's path, is the search page's.
fn is_search_page(pathname: &str) -> bool {
    page_at(pathname) == Some(PageKind::Search)
}

//! What the search page shows of a query: a status that screen readers announce (how many
//! posts match), the results (title, date, tags, and a snippet with the matched words marked),
//! "More results", the archive when nothing matches, or the error with Retry. The arrow keys
//! move between the results. With JavaScript off, it says that search needs it.

use folio_content::{pages::PageKind, search::snippet::SnippetPart};
use leptos::{ev, prelude::*};
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::{
    api::ApiError,
    components::{ErrorWithRetry, LinkToPost, PostDate},
    route::href,
    search::focus::{focus_search_box, result_links},
    search::{
        client::{Found, SearchState},
        messages::SearchResult,
    },
};

#[component]
pub fn SearchResults(
    state: ReadSignal<SearchState>,
    retry: Callback<()>,
    more: Callback<()>,
) -> impl IntoView {
    let status = move || match state.get() {
        SearchState::Idle | SearchState::Failed(_) => String::new(),
        SearchState::Searching => "Searching…".to_owned(),
        SearchState::Found(found) => count(&found),
    };
    // What shows under the status, worked out again on each answer but shown again only when
    // it changes: typing a word's last letters often changes nothing but the count.
    let shown = Memo::new(move |_| {
        state.with(|state| match state {
            SearchState::Idle | SearchState::Searching => Shown::Nothing,
            SearchState::Failed(error) => Shown::Failed(error.clone()),
            SearchState::Found(found) if found.total == 0 => Shown::NoMatch,
            SearchState::Found(found) => Shown::Results {
                rows: found
                    .results
                    .iter()
                    .cloned()
                    .zip(found.snippets.iter().cloned())
                    .collect(),
                more: found.total as usize > found.results.len(),
            },
        })
    });
    view! {
        <p class="search-status" role="status">{status}</p>
        {move || {
            // The list is made anew when what it shows changes (the snippets coming, say): the
            // result one has arrowed to keeps the focus. (Not in the pages built natively.)
            #[cfg(target_arch = "wasm32")]
            keep_focus_after_render();
            match shown.get() {
                Shown::Nothing => ().into_any(),
                Shown::Failed(error) => {
                    view! { <ErrorWithRetry error on_retry=retry /> }.into_any()
                }
                Shown::NoMatch => view! {
                    <p class="search-none">
                        "Try other words, or browse "<A href=href(&PageKind::Archive)>"the archive"</A>"."
                    </p>
                }.into_any(),
                Shown::Results { rows, more: has_more } => results(rows, has_more, more),
            }
        }}
        <noscript>
            <p>
                "Search needs JavaScript, which is off in this browser. Every post is in "
                <A href=href(&PageKind::Archive)>"the archive"</A>"."
            </p>
        </noscript>
    }
}

/// What the search page shows under its status.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Nothing,
    Failed(ApiError),
    NoMatch,
    /// The results with their snippets, and whether there are more.
    Results {
        rows: Vec<(SearchResult, Vec<SnippetPart>)>,
        more: bool,
    },
}

/// "3 posts match “moth”."
fn count(found: &Found) -> String {
    let query = found.query.trim();
    match found.total {
        0 => format!("No posts match “{query}”."),
        1 => format!("1 post matches “{query}”."),
        total => format!("{total} posts match “{query}”."),
    }
}

fn results(
    rows: Vec<(SearchResult, Vec<SnippetPart>)>,
    has_more: bool,
    more: Callback<()>,
) -> AnyView {
    let items = rows
        .into_iter()
        .map(|(result, snippet)| view! { <SearchResultView result snippet /> })
        .collect_view();
    view! {
        <ol class="search-results" on:keydown=move_between_results>{items}</ol>
        {has_more.then(|| view! {
            <button type="button" class="search-more" on:click=move |_| more.run(())>
                "More results"
            </button>
        })}
    }
    .into_any()
}

#[component]
fn SearchResultView(result: SearchResult, snippet: Vec<SnippetPart>) -> impl IntoView {
    let SearchResult {
        slug,
        title,
        date,
        tags,
        anchor,
        ..
    } = result;
    let tags =
        (!tags.is_empty()).then(|| view! { <span class="search-tags">{tags.join(", ")}</span> });
    let snippet = snippet
        .into_iter()
        .map(|SnippetPart(text, marked)| match marked {
            true => view! { <mark>{text}</mark> }.into_any(),
            false => text.into_any(),
        })
        .collect_view();
    view! {
        <li>
            <h2>
                <LinkToPost slug anchor>{title}</LinkToPost>
            </h2>
            <p class="search-meta">
                <PostDate date />
                {tags}
            </p>
            <p class="search-snippet">{snippet}</p>
        </li>
    }
}

/// Up and down move between the results; up from the first goes back to the search box.
fn move_between_results(event: ev::KeyboardEvent) {
    let step: i32 = match event.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        _ => return,
    };
    let (Some(links), Some(at)) = (result_links(), focused_result()) else {
        return;
    };
    event.prevent_default();
    match at as i32 + step {
        -1 => focus_search_box(false),
        next => {
            if let Some(link) = links.get(next as usize) {
                let _ = link.focus();
            }
        }
    }
}

/// Gives the focus back, once the list is made anew, to the result that has it now.
#[cfg(target_arch = "wasm32")]
fn keep_focus_after_render() {
    if let Some(at) = focused_result() {
        leptos::task::spawn_local(async move {
            if let Some(link) = result_links().and_then(|links| links.into_iter().nth(at)) {
                let _ = link.focus();
            }
        });
    }
}

/// Which of the results' links has the focus.
fn focused_result() -> Option<usize> {
    let active = crate::dom::document()?.active_element()?;
    result_links()?
        .iter()
        .position(|link| &active == link.unchecked_ref::<web_sys::Element>())
}

//! The search page: the query from the address (`?q=`), so results can be shared, bookmarked
//! and reached again with back and forward; its results from the search worker; more of them
//! on request. Typing in the header's box (`SearchBox`) changes the address, and so the results.

use folio_content::pages::SEARCH_TITLE;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    components::{PageHead, PageSection, SearchResults},
    search::client::{use_search, Search},
};

/// How many results show at first, and how many more each "More results" adds.
pub const RESULTS_PER_PAGE: u32 = 10;

#[component]
pub fn SearchPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|params| params.get("q")).unwrap_or_default());
    let Search { state, retry, more } = use_search(query, RESULTS_PER_PAGE);
    view! {
        <PageHead page=Some(SEARCH_TITLE.to_owned()) />
        <PageSection class="search-page" heading=SEARCH_TITLE>
            <SearchResults state retry more />
        </PageSection>
    }
}

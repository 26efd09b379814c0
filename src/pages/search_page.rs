//! The search page: the query from the address (`?q=`), so results can be shared, bookmarked
//! and reached again with back and forward; its results from the search engine; more of them
//! on request. The query is the header box's text (`SearchBox`), which the address sets and
//! typing changes before the address follows.

use folio_content::pages::SEARCH_TITLE;
use leptos::prelude::*;

use crate::{
    components::{PageHead, PageSection, SearchResults},
    search::client::{use_search, Search},
    search::focus::SearchText,
};

/// How many results show at first, and how many more each "More results" adds.
pub const RESULTS_PER_PAGE: u32 = 10;

#[component]
pub fn SearchPage() -> impl IntoView {
    // The box's text, which follows the address (`?q=`) and runs ahead of it as one types.
    let SearchText(text) = SearchText::use_context();
    let query = Memo::new(move |_| text.get());
    let Search { state, retry, more } = use_search(query, RESULTS_PER_PAGE);
    view! {
        <PageHead page=Some(SEARCH_TITLE.to_owned()) />
        <PageSection class="search-page" heading=SEARCH_TITLE>
            <SearchResults state retry more />
        </PageSection>
    }
}

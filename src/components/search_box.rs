//! The search box in every page's header: a form that, without JavaScript, opens the search
//! page with its query. With the app, typing shows the results at once (`search/search_box.rs`
//! gives the built box that behaviour); `/` anywhere else comes to the box (the page's controls
//! script, index.html).

use folio_content::pages::PageKind;
use leptos::prelude::*;

use crate::{route::href, search::focus::SEARCH_BOX_ID};

#[component]
pub fn SearchBox() -> impl IntoView {
    let action = href(&PageKind::Search);
    view! {
        <form class="site-search" role="search" action=action method="get">
            <label for=SEARCH_BOX_ID>"Search"</label>
            <input
                id=SEARCH_BOX_ID
                type="search"
                name="q"
                autocomplete="off"
                placeholder="Search (press /)"
                aria-keyshortcuts="/"
            />
        </form>
    }
}

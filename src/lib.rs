//! The app: the routed page in the frame of the page the bundler built (`takeover.rs`), whose
//! header it gives its behaviour. Pages live in `pages/`, views in `components/`;
//! `prerender.rs` renders the same views, in the layout, natively into each built page's HTML.

mod adopted;
pub mod api;
mod base;
pub mod components;
mod deadline;
mod dom;
mod focus;
pub mod header_links;
pub mod later;
pub mod page_controls;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod route;
mod scroll;
pub mod search;
pub mod shortcuts;
pub mod site;
pub mod takeover;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::Router;

use crate::{
    components::Main,
    focus::FocusOnNavigate,
    header_links::use_header_links,
    page_controls::PageControls,
    pages::RoutedPage,
    scroll::ScrollRestoration,
    search::{focus::SearchText, search_box::use_search_box},
};

/// The whole app: the page the address names (`route.rs` reads it, with or without the
/// trailing slash, the form of earlier Folio sites), in the built page's frame.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    takeover::provide();
    provide_context(SearchText(RwSignal::new(String::new())));
    view! {
        <Router base=base::router_base()>
            <FocusOnNavigate />
            <ScrollRestoration />
            <PageControls />
            <BuiltHeader />
            <Main>
                <RoutedPage />
            </Main>
        </Router>
    }
}

/// The built page's header, which the app keeps: its links marked for the page shown, its
/// search box searching as one types.
#[component]
fn BuiltHeader() -> impl IntoView {
    use_header_links();
    use_search_box();
}

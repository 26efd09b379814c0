//! The app: the routed page inside the layout (header with the theme toggle, main, footer).
//! Pages live in `pages/`, views in `components/`; `prerender.rs` renders the same views natively
//! into each built page's HTML.

pub mod api;
mod base;
pub mod components;
pub mod copy_code;
mod deadline;
mod dom;
mod focus;
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
pub mod theme;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::Router;

use crate::{
    components::Layout, focus::FocusOnNavigate, pages::RoutedPage, scroll::ScrollRestoration,
    site::provide_site,
};

/// The whole app: the layout with the page the address names (`route.rs` reads it, with or
/// without the trailing slash, the form of earlier Folio sites).
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_site();
    takeover::provide();
    view! {
        <Router base=base::router_base()>
            <FocusOnNavigate />
            <ScrollRestoration />
            <Layout>
                <RoutedPage />
            </Layout>
        </Router>
    }
}

//! The app: the route table inside the layout (header with the theme toggle, main, footer).
//! Pages live in `pages/`, views in `components/`; `prerender.rs` renders the same views natively
//! into each built page's HTML.

pub mod api;
mod base;
pub mod components;
pub mod copy_code;
mod deadline;
mod dom;
mod focus;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod route;
mod scroll;
pub mod shortcuts;
pub mod site;
pub mod takeover;
pub mod theme;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    components::{Route as RouteDef, Router, Routes},
    path,
};

use crate::{
    components::Layout,
    focus::FocusOnNavigate,
    pages::{
        ArchivePage, AuthorPage, HomePage, NotFoundPage, PostPage, StandalonePage, TagPage,
        TagsPage,
    },
    scroll::ScrollRestoration,
    site::provide_site,
};

/// The whole app: the layout with the routed page. Each route also matches its address without
/// the trailing slash, the form of earlier Folio sites.
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
                <Routes fallback=NotFoundPage>
                    <RouteDef path=path!("/") view=HomePage />
                    <RouteDef path=path!("/page/:page") view=HomePage />
                    <RouteDef path=path!("/posts/:slug") view=PostPage />
                    <RouteDef path=path!("/tags") view=TagsPage />
                    <RouteDef path=path!("/tags/:tag") view=TagPage />
                    <RouteDef path=path!("/tags/:tag/page/:page") view=TagPage />
                    <RouteDef path=path!("/authors/:author") view=AuthorPage />
                    <RouteDef path=path!("/authors/:author/page/:page") view=AuthorPage />
                    <RouteDef path=path!("/archive") view=ArchivePage />
                    <RouteDef path=path!("/:page") view=StandalonePage />
                </Routes>
            </Layout>
        </Router>
    }
}

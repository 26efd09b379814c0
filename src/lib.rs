//! The app: the layout shell (header with the theme toggle, main, footer) and the route table.
//! Pages live in `pages/`, views in `components/`.

pub mod api;
mod base;
pub mod components;
pub mod copy_code;
mod deadline;
mod dom;
mod focus;
pub mod pages;
pub mod route;
mod scroll;
mod shell;
pub mod shortcuts;
pub mod site;
pub mod theme;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    components::{Route as RouteDef, Router, Routes, A},
    path,
};

use folio_content::paths;

use crate::{
    components::ThemeToggle,
    focus::{skip_to_content, FocusOnNavigate},
    pages::{ArchivePage, AuthorPage, HomePage, NotFoundPage, PostPage, TagPage, TagsPage},
    route::Route,
    scroll::ScrollRestoration,
    site::{provide_site, use_site},
};

/// The whole app: header, routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    shell::remove_shell_head();
    provide_meta_context();
    provide_site();
    let site = use_site();
    view! {
        <Router base=base::router_base()>
            <FocusOnNavigate />
            <ScrollRestoration />
            <a class="skip-link" href="#content" on:click:capture=skip_to_content>"Skip to content"</a>
            <header class="site-header">
                <A href=Route::Home>
                    <span class="site-title">{move || site.title()}</span>
                </A>
                <nav class="site-nav" aria-label="Site">
                    <A href=Route::Archive>"Archive"</A>
                    <A href=Route::Tags>"Tags"</A>
                </nav>
                <ThemeToggle />
            </header>
            <main id="content" tabindex="-1">
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
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    <a href=paths::FEED rel="external">"Atom feed"</a>
                    " · Made with Folio"
                </p>
            </footer>
        </Router>
    }
}

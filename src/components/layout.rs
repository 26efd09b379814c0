//! The frame of every page: the skip link, the header with the site's title, its navigation and
//! the theme toggle, the page itself in `<main>`, and the footer. The app and the pages built
//! natively both put their page inside it.

use folio_content::paths;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::{components::ThemeToggle, focus::skip_to_content, route::Route, site::use_site};

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let site = use_site();
    view! {
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
        <main id="content" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>
                <a href=paths::FEED rel="external">"Atom feed"</a>
                " · "
                <a href=paths::JSON_FEED rel="external">"JSON Feed"</a>
                " · Made with Folio"
            </p>
        </footer>
    }
}

//! The frame of every page: the skip link, the header with the site's title, its navigation
//! (`site.toml`'s `[[menu]]`, else the archive and the tags), the search box and the theme toggle, the page
//! itself in `<main>`, and the footer. The app and the pages built natively both put their page
//! inside it.

use folio_content::{paths, MenuItem};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    base::router_base,
    components::{SearchBox, ThemeToggle},
    copy_code::on_body_click,
    focus::skip_to_content,
    page_controls::{follow_same_page_link, use_page_controls},
    route::Route,
    search::focus::SearchText,
    site::use_site,
};

/// The header's links: the site's menu, each path under the base path (where the router
/// follows it), each address elsewhere as it is; without a menu, the archive and the tags.
fn menu(items: Vec<MenuItem>) -> AnyView {
    if items.is_empty() {
        return view! {
            <A href=Route::Archive>"Archive"</A>
            <A href=Route::Tags>"Tags"</A>
        }
        .into_any();
    }
    items
        .into_iter()
        .map(|MenuItem(title, target)| match target.starts_with('/') {
            true => view! { <A href=format!("{}{target}", router_base())>{title}</A> }.into_any(),
            false => view! { <a href=target rel="external">{title}</a> }.into_any(),
        })
        .collect_view()
        .into_any()
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let site = use_site();
    provide_context(SearchText(RwSignal::new(String::new())));
    use_page_controls();
    view! {
        <a class="skip-link" href="#content" on:click:capture=skip_to_content>"Skip to content"</a>
        <header class="site-header">
            <A href=Route::Home>
                <span class="site-title">{move || site.title()}</span>
            </A>
            <nav class="site-nav" aria-label="Site">{move || menu(site.menu())}</nav>
            <Show when=move || site.search()>
                <SearchBox />
            </Show>
            <ThemeToggle />
        </header>
        <main id="content" tabindex="-1" on:click:capture=follow_same_page_link on:click=on_body_click>
            {children()}
        </main>
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

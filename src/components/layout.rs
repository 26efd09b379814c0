//! The frame of every page: the skip link, the header with the site's title, its navigation
//! (`site.toml`'s `[[menu]]`, else the archive and the tags), the search box and the theme
//! toggle, the page itself in `<main>`, and the footer. The bundler builds every page inside it;
//! the app keeps the built frame and shows its pages in a `<main>` of its own (`Main`).

use folio_content::{pages::PageKind, paths, MenuItem};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::{
    base::router_base,
    components::{ReaderSettings, SearchBox, ThemeToggle},
    focus::{MAIN_ID, SKIP_LINK_TARGET},
    header_links::aria_current,
    route::href,
    site::use_site,
};

/// The header's links: the site's menu, each path under the base path, each address elsewhere
/// as it is; without a menu, the archive and the tags. `page` is the path shown.
fn menu(items: Vec<MenuItem>, page: &str) -> AnyView {
    let internal = |title: String, href: String| {
        let current = aria_current(&href, page);
        view! { <a href=href aria-current=current>{title}</a> }.into_any()
    };
    if items.is_empty() {
        return [("Archive", PageKind::Archive), ("Tags", PageKind::Tags)]
            .into_iter()
            .map(|(title, kind)| internal(title.to_owned(), href(&kind)))
            .collect_view()
            .into_any();
    }
    let base = router_base();
    items
        .into_iter()
        .map(|MenuItem(title, target)| match target.starts_with('/') {
            true => internal(title, format!("{base}{target}")),
            false => view! { <a href=target rel="external">{title}</a> }.into_any(),
        })
        .collect_view()
        .into_any()
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let site = use_site();
    let page = use_location().pathname.get_untracked();
    let home = href(&PageKind::Home(1));
    let home_current = aria_current(&home, &page);
    view! {
        <a class="skip-link" href=SKIP_LINK_TARGET>"Skip to content"</a>
        <header class="site-header">
            <a href=home aria-current=home_current>
                <span class="site-title">{site.title()}</span>
            </a>
            <nav class="site-nav" aria-label="Site">{menu(site.menu(), &page)}</nav>
            {site.search().then(|| view! { <SearchBox /> })}
            <ReaderSettings />
            <ThemeToggle />
        </header>
        <Main>{children()}</Main>
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

/// Where a page shows: the skip link's target.
#[component]
pub fn Main(children: Children) -> impl IntoView {
    view! {
        <main id=MAIN_ID tabindex="-1">
            {children()}
        </main>
    }
}

//! The routed page: the page the address names (`PageKind`); the first page adopted as it was
//! built (`takeover.rs`), and shown again as built when the reader comes back to it
//! (`adopted.rs`); any other page's data, and the site settings its view reads, fetched
//! while the app's "page" module loads, then shown by that module (`later.rs`), with "Loading…"
//! if that takes a moment; the not-found page, or the error with Retry. One resource and one
//! `Suspense` serve every kind of page, so the async machinery is compiled once.

use std::{cell::Cell, rc::Rc};

use folio_content::{pages::PageKind, paths};
use leptos::prelude::*;
use leptos_router::{
    hooks::use_location,
    location::{BrowserUrl, LocationProvider},
};
use send_wrapper::SendWrapper;

use crate::{
    adopted,
    api::{self, ApiError, Document},
    components::{LoadError, Loading},
    later,
    pages::NotFoundPage,
    route::page_at,
    takeover,
};

/// What a page needs before it can show.
#[derive(Clone)]
enum Fetched {
    /// The page as built, which the app adopts.
    Adopted,
    /// The page as built, adopted before and set aside since, which the app shows again.
    BroughtBack,
    /// The search page, which asks the search engine; with the site settings' document.
    Search(Rc<Document>),
    /// A page shown from its data document; with the site settings' document.
    Page(PageKind, Rc<Document>, Rc<Document>),
}

/// The page at the current address, loaded again when the address changes and on Retry.
#[component]
pub fn RoutedPage() -> impl IntoView {
    let location = use_location();
    let kind = Memo::new(move |_| location.pathname.with(|path| page_at(path)));
    // The router shows a followed link's address in the address bar once the page that answers
    // it says it is ready, which its own route table would; here that is at once, as the page
    // shows its own loading state.
    let browser = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(browser) = &browser {
            browser.ready_to_complete();
        }
    });
    // The built page is adopted if it is the page of this address: a host may answer with its
    // not-found page, or the home page, an address it has no file for (then the page shows from
    // its data, if it has some: `show`).
    let built = takeover::built_page_path().map(|path| PageKind::parse(&path));
    let adopt = Rc::new(Cell::new(
        built.is_some_and(|built| built == kind.get_untracked()),
    ));
    let page = LocalResource::new(move || fetch(kind.get(), adopt.replace(false)));
    let settled = takeover::reporter();
    view! {
        <Suspense fallback=Loading>
            {move || {
                let settled = settled.clone();
                Suspend::new(SendWrapper::new(async move {
                    let (view, shown) = show(page.await, move || page.refetch()).await;
                    settled(shown);
                    view
                }))
            }}
        </Suspense>
    }
}

/// What the page `kind` is shown from. The first page is adopted as built (but the search
/// page, whose results the app shows), and so is the same page when the reader comes back to
/// it; any other sets the adopted one aside, and starts loading the "page" module as its data
/// and the site settings are fetched (the settings once: `api.rs` keeps them).
async fn fetch(kind: Option<PageKind>, adopt: bool) -> Result<Fetched, ApiError> {
    if adopt && kind != Some(PageKind::Search) {
        takeover::adopt_built_page(kind);
        return Ok(Fetched::Adopted);
    }
    if adopted::is_set_aside(&kind) {
        return Ok(Fetched::BroughtBack);
    }
    adopted::set_aside();
    let kind = kind.ok_or(ApiError::NotFound)?;
    let site = api::fetch_document(paths::SITE.to_owned());
    let Some(path) = kind.data_path() else {
        return Ok(Fetched::Search(site.await?));
    };
    later::preload_page();
    let (site, page) = futures::join!(site, api::fetch_document(path));
    Ok(Fetched::Page(kind, page?, site?))
}

/// The view of what was fetched, and whether it is the page (not an error).
async fn show(
    fetched: Result<Fetched, ApiError>,
    retry: impl Fn() + Send + Sync + 'static,
) -> (AnyView, bool) {
    let mut adopted = matches!(fetched, Ok(Fetched::Adopted | Fetched::BroughtBack));
    let kind = match &fetched {
        Ok(Fetched::Page(kind, ..)) => Some(kind.clone()),
        _ => None,
    };
    let view = match fetched {
        Ok(Fetched::Adopted) => Ok(().into_any()),
        Ok(Fetched::BroughtBack) => {
            adopted::bring_back();
            Ok(().into_any())
        }
        Ok(Fetched::Search(site)) => match later::search_page(site).await {
            Ok(shown) => shown,
            Err(error) => Err(unavailable(error)),
        },
        Ok(Fetched::Page(kind, page, site)) => match later::page(kind, page, site).await {
            Ok(shown) => shown,
            Err(error) => Err(unavailable(error)),
        },
        Err(error) => Err(error),
    };
    let (view, shown) = match view {
        Ok(view) => (view, true),
        // The host answered with its not-found page, and the data agrees: that page, as built.
        Err(ApiError::NotFound) if takeover::built_page_is_not_found() => {
            takeover::adopt_built_page(kind);
            adopted = true;
            (().into_any(), true)
        }
        Err(ApiError::NotFound) => (view! { <NotFoundPage /> }.into_any(), true),
        // The first page's error is not shown: the built page stays, with its head (the error's
        // view would write its own title).
        Err(_) if !takeover::taken_over() => (().into_any(), false),
        Err(error) => (
            view! { <LoadError error on_retry=move || retry() /> }.into_any(),
            false,
        ),
    };
    // A page the app shows writes its own head.
    if !adopted && (shown || takeover::taken_over()) {
        adopted::drop_built_head();
    }
    (view, shown)
}

fn unavailable(_: later::Unavailable) -> ApiError {
    ApiError::Unavailable
}

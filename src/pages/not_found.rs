//! The page for unknown paths and unknown posts; also built into `404.html`.

use folio_content::pages::{PageKind, NOT_FOUND_TITLE};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::{PageHead, PageSection},
    route::href,
    takeover,
};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    // Nothing to load: the page is ready as it is built (also for an address that is no route).
    takeover::reporter()(true);
    view! {
        <PageHead page=Some(NOT_FOUND_TITLE.to_owned()) />
        <PageSection class="not-found" heading=NOT_FOUND_TITLE>
            <p>"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
            <p>
                <A href=href(&PageKind::Home(1))>"Go to the home page"</A>
            </p>
        </PageSection>
    }
}

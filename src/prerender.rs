//! Renders a page of the site natively, with its data, into the HTML the bundler builds the
//! page's file from: the layout and the page's view, the same components the app mounts in the
//! browser, inside the element the app takes over (`takeover.rs`). Only with the `ssr` feature.

use std::sync::Arc;

use folio_content::Site;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, ServerMetaContext};
use leptos_router::{components::Router, location::RequestUrl};

use crate::{
    base,
    components::Layout,
    pages::{page_view, PageContent},
    site::set_site,
    takeover::{BUILT_PAGE_ID, BUILT_PATH_ATTRIBUTE, ROOT_CLASS},
};

/// The body of the page at `path` (within the site, e.g. `/posts/hello/`) of `site`, deployed
/// under `base_path` (`/` or `/blog/`): `<div id="folio-page" class="folio-root">` holding the
/// skip link, header, main and footer.
pub fn render_body(site: &Site, base_path: &str, path: &str, content: PageContent) -> String {
    base::set_router_base(base_path);
    set_site(site.clone());
    let router_base = base::router_base();
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&format!("{router_base}{path}")));
        // The head is the bundler's (`head.rs`): what the components say of it is dropped.
        let (meta, _head) = ServerMetaContext::new();
        provide_context(meta);
        provide_meta_context();
        view! {
            <Router base=router_base.clone()>
                <Layout>{page_view(content)}</Layout>
            </Router>
        }
        .to_html()
    });
    owner.unset();
    // Leptos marks text boundaries with `<!>`, which browsers read as an empty comment but
    // HTML5 calls a parse error; `<!---->` is the same comment, well formed. (`<` in text is
    // always escaped, so no text is changed.)
    let html = html.replace("<!>", "<!---->");
    // The page's own path (it holds no `"`, `&` or `<`: a page path is made of slugs), so that
    // the app adopts the content only at the address it was built for (`takeover.rs`).
    let path = path.replace(['"', '&', '<'], "");
    format!(
        "<div id=\"{BUILT_PAGE_ID}\" class=\"{ROOT_CLASS}\" {BUILT_PATH_ATTRIBUTE}=\"{path}\">{html}</div>"
    )
}

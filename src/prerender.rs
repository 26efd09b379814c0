//! Renders a page of the site natively, with its data, into the HTML the bundler builds the
//! page's file from: the layout and the page's view, the same components the app mounts in the
//! browser, inside the element the app takes over (`takeover.rs`). Only with the `ssr` feature.

use std::sync::Arc;

use folio_content::{Archive, PageBundle, PostBundle, PostPage, Site, Slug, TagIndex};
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, ServerMetaContext};
use leptos_router::{components::Router, location::RequestUrl};

use crate::{
    base,
    components::{
        ArchiveView, AuthorView, HomeView, Layout, PostView, StandaloneView, TagView, TagsView,
    },
    pages::NotFoundPage,
    site::provide_known_site,
    takeover::{BUILT_PAGE_ID, ROOT_CLASS},
};

/// What a page shows, with the data it shows.
#[derive(Clone, Debug)]
pub enum PageContent {
    /// A page of the home listing.
    Home(PostPage),
    /// One post.
    Post(Box<PostBundle>),
    /// Every tag.
    Tags(TagIndex),
    /// A page of the posts with a tag.
    Tag(Slug, PostPage),
    /// A page of an author's posts.
    Author(Slug, PostPage),
    /// Every post by year and month.
    Archive(Archive),
    /// A page of its own.
    Standalone(Box<PageBundle>),
    /// The page for addresses the site does not have.
    NotFound,
}

/// The body of the page at `path` (within the site, e.g. `/posts/hello/`) of `site`, deployed
/// under `base_path` (`/` or `/blog/`): `<div id="folio-page" class="folio-root">` holding the
/// skip link, header, main and footer.
pub fn render_body(site: &Site, base_path: &str, path: &str, content: PageContent) -> String {
    base::set_router_base(base_path);
    let router_base = base::router_base();
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&format!("{router_base}{path}")));
        // The head is the bundler's (`head.rs`): what the components say of it is dropped.
        let (meta, _head) = ServerMetaContext::new();
        provide_context(meta);
        provide_meta_context();
        provide_known_site(site.clone());
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
    format!("<div id=\"{BUILT_PAGE_ID}\" class=\"{ROOT_CLASS}\">{html}</div>")
}

fn page_view(content: PageContent) -> AnyView {
    match content {
        PageContent::Home(listing) => view! { <HomeView listing /> }.into_any(),
        PageContent::Post(bundle) => view! { <PostView bundle=*bundle /> }.into_any(),
        PageContent::Tags(index) => view! { <TagsView index /> }.into_any(),
        PageContent::Tag(tag, listing) => view! { <TagView tag listing /> }.into_any(),
        PageContent::Author(author, listing) => view! { <AuthorView author listing /> }.into_any(),
        PageContent::Archive(archive) => view! { <ArchiveView archive /> }.into_any(),
        PageContent::Standalone(page) => view! { <StandaloneView page=*page /> }.into_any(),
        PageContent::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

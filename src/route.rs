//! `Route`: every place in the app a link can point to. The app builds its URLs here, from the
//! page paths of `folio_content::pages`, which the bundler's sitemap and page files use too.

use folio_content::{pages, Slug};
use leptos_router::components::ToHref;

use crate::base;

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The newest posts.
    Home,
    /// Page N (2 and up) of the list of posts; page 1 is `Home`.
    HomePage(u32),
    /// One post.
    Post(Slug),
    /// Every tag.
    Tags,
    /// Page N (from 1) of the posts with a tag.
    Tag(Slug, u32),
    /// Page N (from 1) of an author's posts.
    Author(Slug, u32),
    /// Every post by year and month.
    Archive,
    /// A page of its own, from `pages/` (About).
    Standalone(Slug),
}

impl Route {
    /// The path of the page within the site, without the base path: what `use_navigate`
    /// takes (it adds the base itself).
    pub fn path(&self) -> String {
        match self {
            Route::Home => pages::home(1),
            Route::HomePage(page) => pages::home(*page),
            Route::Post(slug) => pages::post(slug),
            Route::Tags => pages::TAGS.to_owned(),
            Route::Tag(tag, page) => pages::tag(tag, *page),
            Route::Author(author, page) => pages::author(author, *page),
            Route::Archive => pages::ARCHIVE.to_owned(),
            Route::Standalone(slug) => pages::standalone(slug),
        }
    }
}

impl ToHref for Route {
    /// The link's `href`: the path under the site's base path (`<A>` uses an absolute path as
    /// it is).
    fn to_href(&self) -> Box<dyn Fn() -> String + '_> {
        let href = format!("{}{}", base::router_base(), self.path());
        Box::new(move || href.clone())
    }
}

//! `Route`: every place in the app a link can point to. URLs are built here and nowhere else.

use folio_content::Slug;
use leptos_router::components::ToHref;

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of posts.
    Home,
    /// One post.
    Post(Slug),
}

impl Route {
    /// The path of the page, from the site root.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".to_owned(),
            Route::Post(slug) => format!("/posts/{slug}"),
        }
    }
}

impl ToHref for Route {
    fn to_href(&self) -> Box<dyn Fn() -> String + '_> {
        let path = self.path();
        Box::new(move || path.clone())
    }
}

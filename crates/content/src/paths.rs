//! Where each data file lives, relative to the site root. The bundler writes there and the app
//! fetches from there (relative to the document's `<base href>`), so the two cannot drift apart.

use crate::Slug;

/// Site settings the app needs: title, description, language, contact.
pub const SITE: &str = "data/site.json";

/// The list of published posts, newest first.
pub const INDEX: &str = "data/index.json";

/// The bundle of one post.
pub fn post(slug: &Slug) -> String {
    format!("data/posts/{slug}.json")
}

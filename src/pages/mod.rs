//! One file per route: each reads its parameters, owns its resources and picks a view.

mod archive;
mod author;
mod home;
mod listing;
mod not_found;
mod post;
mod tag;
mod tags;

pub use archive::ArchivePage;
pub use author::AuthorPage;
pub use home::HomePage;
pub use listing::{listing_title, page_number};
pub use not_found::NotFoundPage;
pub use post::PostPage;
pub use tag::TagPage;
pub use tags::TagsPage;

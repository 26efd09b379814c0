//! One file per route: each reads its parameters and says what to load and how to show it;
//! `loaded.rs` does the fetching states for all of them.

mod archive;
mod author;
mod home;
mod listing;
mod loaded;
mod not_found;
mod post;
mod standalone;
mod tag;
mod tags;

pub use archive::ArchivePage;
pub use author::AuthorPage;
pub use home::HomePage;
pub use listing::{page_number, use_listing_params};
pub use not_found::NotFoundPage;
pub use post::PostPage;
pub use standalone::StandalonePage;
pub use tag::TagPage;
pub use tags::TagsPage;

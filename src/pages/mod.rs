//! The page the address names: `loaded.rs` reads the route and shows the fetching states,
//! `load.rs` fetches each route's data, `content.rs` holds the one view of each kind of page.

mod content;
mod load;
mod loaded;
mod not_found;

pub use content::{page_view, PageContent};
pub use loaded::RoutedPage;
pub use not_found::NotFoundPage;

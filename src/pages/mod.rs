//! The page the address names: `routed_page.rs` reads the route and shows the fetching states,
//! `load.rs` fetches each route's data, `content.rs` holds the one view of each kind of page.

mod content;
mod load;
mod not_found;
mod routed_page;

pub use content::{page_view, PageContent};
pub use not_found::NotFoundPage;
pub use routed_page::RoutedPage;

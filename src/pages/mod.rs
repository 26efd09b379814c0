//! The page the address names: `routed_page.rs` reads the route and shows the fetching states,
//! `load.rs` fetches each route's data, `content.rs` holds the one view of each kind of page;
//! `search_page.rs` asks the search engine instead of loading data.

mod content;
mod load;
mod not_found;
mod routed_page;
mod search_page;

pub use content::{page_view, PageContent};
pub use not_found::NotFoundPage;
pub use routed_page::RoutedPage;
pub use search_page::{SearchPage, RESULTS_PER_PAGE};

//! The page the address names: `routed_page.rs` reads the route, fetches its data and shows the
//! fetching states; `show.rs` reads the data into the content `content.rs` holds the one view of
//! each kind of page for; `search_page.rs` asks the search engine instead of loading data.

mod content;
mod not_found;
mod routed_page;
mod search_page;
mod show;

pub use content::{page_view, DataDocument, PageContent};
pub use not_found::NotFoundPage;
pub use routed_page::RoutedPage;
pub use search_page::{SearchPage, RESULTS_PER_PAGE};
pub use show::{show, show_search};

//! Pure views: props in, view out. They fetch nothing.

mod document_title;
mod draft_badge;
mod load_error;
mod loading;
mod pagination;
mod post_date;
mod post_list;
mod post_view;

pub use document_title::DocumentTitle;
pub use draft_badge::DraftBadge;
pub use load_error::LoadError;
pub use loading::Loading;
pub use pagination::Pagination;
pub use post_date::PostDate;
pub use post_list::PostList;
pub use post_view::PostView;

//! Pure views: props in, view out. They fetch nothing.

mod archive_list;
mod byline;
mod document_title;
mod draft_badge;
mod load_error;
mod loading;
mod pagination;
mod post_date;
mod post_list;
mod post_nav;
mod post_view;
mod table_of_contents;
mod tag_cloud;
mod tag_links;
mod theme_toggle;

pub use archive_list::ArchiveList;
pub use byline::Byline;
pub use document_title::DocumentTitle;
pub use draft_badge::DraftBadge;
pub use load_error::LoadError;
pub use loading::Loading;
pub use pagination::Pagination;
pub use post_date::PostDate;
pub use post_list::PostList;
pub use post_nav::PostNav;
pub use post_view::PostView;
pub use table_of_contents::TableOfContents;
pub use tag_cloud::TagCloud;
pub use tag_links::TagLinks;
pub use theme_toggle::ThemeToggle;

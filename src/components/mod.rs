//! Pure views: props in, view out. They fetch nothing, except that a link to a post starts
//! fetching the post when it is hovered or focused.

mod archive_list;
mod byline;
mod cover;
mod draft_badge;
mod layout;
mod link_to_post;
mod listing;
mod load_error;
mod loading;
mod page_head;
mod page_section;
mod page_views;
mod pagination;
mod post_date;
mod post_list;
mod post_nav;
mod post_view;
mod standalone_view;
mod table_of_contents;
mod tag_cloud;
mod tag_links;
mod theme_toggle;

pub use archive_list::ArchiveList;
pub use byline::Byline;
pub use cover::Cover;
pub use draft_badge::DraftBadge;
pub use layout::Layout;
pub use link_to_post::LinkToPost;
pub use listing::Listing;
pub use load_error::LoadError;
pub use loading::Loading;
pub use page_head::PageHead;
pub use page_section::{PageSection, PAGE_HEADING_ID};
pub use page_views::{author_of, tag_name, ArchiveView, AuthorView, HomeView, TagView, TagsView};
pub use pagination::Pagination;
pub use post_date::PostDate;
pub use post_list::PostList;
pub use post_nav::PostNav;
pub use post_view::{follow_same_page_link, PostView};
pub use standalone_view::StandaloneView;
pub use table_of_contents::TableOfContents;
pub use tag_cloud::TagCloud;
pub use tag_links::TagLinks;
pub use theme_toggle::ThemeToggle;

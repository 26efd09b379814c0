//! Everything a build writes, from the checked and resolved posts and pages: the data documents
//! (`documents`: listings, taxonomies, archive, series, related posts), the one list of the
//! site's pages and, from it, the link preview cards (`cards`),
//! the sitemap, the feeds, the search index, the redirects, `robots.txt`; then, with the app,
//! each page's HTML file with its head and the deploy files; and the files copied as they are.

pub mod active_content;
pub mod archive;
pub mod cards;
pub mod copies;
pub mod deploy;
pub mod document;
pub mod documents;
pub mod feed;
pub mod feed_text;
pub mod head;
pub mod json_feed;
pub mod listing;
pub mod offline;
pub mod page_files;
pub mod post_bundle;
pub mod redirect_page;
pub mod redirects;
pub mod related;
pub mod robots;
pub mod scripts;
pub mod search_index;
pub mod series;
pub mod site_pages;
pub mod sitemap;
pub mod taxonomy;

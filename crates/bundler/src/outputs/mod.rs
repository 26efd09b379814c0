//! What a build writes besides the data: the one list of the site's pages and, from it, the
//! sitemap, the feeds, the search index, `robots.txt`, each page's HTML file with its head and
//! the deploy files; and the files copied as they are.

pub mod copies;
pub mod deploy;
pub mod feed;
pub mod head;
pub mod json_feed;
pub mod page_files;
pub mod redirect_page;
pub mod robots;
pub mod scripts;
pub mod search_index;
pub mod site_pages;
pub mod sitemap;

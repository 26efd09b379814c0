//! Where each output file lives, relative to the site root. The bundler writes there and the app
//! fetches from there (relative to the document's `<base href>`), so the two cannot drift apart.
//! Data lives under `data/` so it never collides with the app's routes.

use crate::Slug;

/// Site settings: `Site`.
pub const SITE: &str = "data/site.json";

/// Every tag with its count: `TagIndex`.
pub const TAGS: &str = "data/tags.json";

/// Every author with their count: `AuthorIndex`.
pub const AUTHORS: &str = "data/authors.json";

/// Every series with its count: `SeriesIndex`.
pub const SERIES_INDEX: &str = "data/series.json";

/// One series' parts in order: `SeriesPage`.
pub fn series(slug: &Slug) -> String {
    format!("data/series/{slug}.json")
}

/// Every post by year and month: `Archive`.
pub const ARCHIVE: &str = "data/archive.json";

/// The Atom feed of the newest posts, full content.
pub const FEED: &str = "feed.xml";

/// The same entries as a JSON Feed 1.1.
pub const JSON_FEED: &str = "feed.json";

/// Every page of the site, for search engines.
pub const SITEMAP: &str = "sitemap.xml";

/// Crawler rules, pointing at the sitemap.
pub const ROBOTS: &str = "robots.txt";

/// What a search reads first: `search::index::SearchIndex`.
pub const SEARCH_INDEX: &str = "data/search/index.json";

/// Shard `shard` (from 0) of the search index's terms: `search::index::TermShard`.
pub fn search_terms(shard: usize) -> String {
    format!("data/search/terms-{shard}.json")
}

/// Chunk `chunk` (from 0) of the posts search results show: `search::index::SearchPosts`.
pub fn search_posts(chunk: u32) -> String {
    format!("data/search/posts-{chunk}.json")
}

/// Page `page` (from 1) of the home listing: `PostPage`.
pub fn index_page(page: u32) -> String {
    format!("data/index/page-{page}.json")
}

/// One post's bundle: `PostBundle`.
pub fn post(slug: &Slug) -> String {
    format!("data/posts/{slug}.json")
}

/// A page of its own (About): `PageBundle`.
pub fn standalone(slug: &Slug) -> String {
    format!("data/pages/{slug}.json")
}

/// Page `page` (from 1) of the posts with a tag: `PostPage`.
pub fn tag_page(tag: &Slug, page: u32) -> String {
    format!("data/tags/{tag}/page-{page}.json")
}

/// Page `page` (from 1) of an author's posts: `PostPage`.
pub fn author_page(author: &Slug, page: u32) -> String {
    format!("data/authors/{author}/page-{page}.json")
}

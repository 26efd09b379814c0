//! Reading the site's files: which posts, pages and copied files there are (`files`), and each
//! text split into its front matter and its body (`split`).

pub mod files;
pub mod split;

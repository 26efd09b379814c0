//! Reading the site's files: which posts, pages and copied files there are (`files`), and each
//! text split into its front matter and its body (`split`), and the rule for symbolic links
//! (`links`).

pub mod files;
pub mod links;
pub mod split;

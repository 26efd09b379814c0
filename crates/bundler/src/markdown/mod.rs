//! What the bundler works out from a post's Markdown body: its code highlighted
//! (`highlight`), the links and images that name the site's own posts and files (`targets`),
//! and those resolved to their addresses and checked (`links`).

pub mod highlight;
pub mod links;
pub mod targets;

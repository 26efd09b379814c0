//! What the bundler works out from a post's Markdown body: its code highlighted
//! (`highlight`), the links and images that name the site's own posts and files (`targets`),
//! those resolved to their addresses and checked (`links`), and the images measured, with
//! their smaller copies (`images`), within a budget of memory (`image_memory`).

pub mod highlight;
mod image_memory;
pub mod images;
pub mod links;
pub mod targets;

use folio_content::{outline, Body};

/// The body of `markdown` as the bundle carries it: its outline and highlighted code worked out
/// here; its links once every post and page has been read (`links`).
pub fn body(markdown: String) -> Body {
    Body {
        outline: outline(&markdown),
        code: highlight::highlight(&markdown),
        links: Vec::new(),
        images: Vec::new(),
        markdown,
    }
}

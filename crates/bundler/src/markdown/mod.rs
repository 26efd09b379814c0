//! What the bundler works out from a post's Markdown body: its code highlighted
//! (`highlight`), its formulas as MathML (`maths`), the links and images that name the site's
//! own posts and files (`targets`),
//! those resolved to their addresses and checked (`links`), and the images measured, with
//! their smaller copies (`images`), within a budget of memory (`image_memory`).

pub mod highlight;
mod image_memory;
pub mod images;
pub mod links;
pub mod maths;
pub mod targets;

use std::path::Path;

use folio_content::{outline, Body};

use crate::problem::Problem;

/// The body of `markdown` as the bundle carries it: its outline, highlighted code and formulas
/// worked out here; its links once every post and page has been read (`links`). Fails with a
/// problem at each formula that does not convert, in `file` at the line and column `place`
/// gives for a byte offset of `markdown`.
pub fn body(
    markdown: String,
    file: &Path,
    place: impl Fn(usize) -> (usize, usize),
) -> Result<Body, Vec<Problem>> {
    let math = maths::maths(&markdown).map_err(|errors| {
        errors
            .into_iter()
            .map(|error| {
                let (line, column) = place(error.offset);
                Problem {
                    file: file.to_owned(),
                    line,
                    column,
                    message: format!("this formula does not convert to MathML: {}", error.message),
                    help: "mend the TeX between the dollar signs; write \\$ for a dollar sign that starts no formula".to_owned(),
                }
            })
            .collect::<Vec<_>>()
    })?;
    Ok(Body {
        outline: outline(&markdown),
        code: highlight::highlight(&markdown),
        links: Vec::new(),
        images: Vec::new(),
        math,
        markdown,
    })
}

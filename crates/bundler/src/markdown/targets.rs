//! The links and images of a post's body that may name something of the site's own: every
//! destination that is neither an address elsewhere (`https:`, `mailto:`, `//host`) nor a path
//! from the site's root (`/tags/`). `earlier-post.md`, `../other/index.md#why`, `chart.png` and
//! `#notes` are; each is found with where it is written, for the problems `links` reports.

use folio_content::render::{markdown_options, scheme_of};
use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

/// A relative link or image destination in a post's body.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Target {
    /// As pulldown-cmark reads it (escapes resolved): what the renderer will look up.
    pub written: String,
    /// An image's source, which must be a file; otherwise a link.
    pub image: bool,
    /// Where the link starts in the post's file (its `[` or `<`), from 1.
    pub line: usize,
    pub column: usize,
}

/// What a reading of a body found: its relative targets, and where its images without alt
/// text are (line and column in the file), which readers who cannot see them would miss.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    pub targets: Vec<Target>,
    pub without_alt: Vec<(usize, usize)>,
}

/// Every relative destination in `body`, in order, and every image without alt text;
/// `body_line` is the file's line the body starts on.
pub fn targets(body: &str, body_line: usize) -> Scan {
    let mut found = Vec::new();
    let mut without_alt = Vec::new();
    // Each open image: where it starts, and whether it has had alt text.
    let mut open_images: Vec<(usize, bool)> = Vec::new();
    let at = |offset: usize| {
        let (line, column) = line_column(body, offset);
        (body_line + line - 1, column)
    };
    let parser = Parser::new_ext(body, markdown_options()).into_offset_iter();
    for (event, range) in parser {
        match &event {
            Event::Start(Tag::Image { .. }) => open_images.push((range.start, false)),
            Event::Text(text) | Event::Code(text) if !text.trim().is_empty() => {
                open_images.iter_mut().for_each(|(_, alt)| *alt = true);
            }
            Event::End(TagEnd::Image) => {
                if let Some((start, false)) = open_images.pop() {
                    without_alt.push(at(start));
                }
            }
            _ => {}
        }
        let (link_type, dest_url, image) = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => (link_type, dest_url, false),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                ..
            }) => (link_type, dest_url, true),
            _ => continue,
        };
        if matches!(link_type, LinkType::Email) || !is_relative(&dest_url) {
            continue;
        }
        let (line, column) = at(range.start);
        found.push(Target {
            written: dest_url.to_string(),
            image,
            line,
            column,
        });
    }
    Scan {
        targets: found,
        without_alt,
    }
}

/// Whether `url` is relative to the page: no scheme, not from the root, not empty.
fn is_relative(url: &str) -> bool {
    !url.is_empty() && !url.starts_with('/') && scheme_of(url.trim()).is_none()
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let line = before.matches('\n').count() + 1;
    let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_relative_links_and_images_where_they_are_written() {
        let body = "Intro [up](../other/index.md#why) and [web](https://x.org/a.md).\n\n\
                    ![Chart](chart.png) [root](/tags/) <name@example.org> <https://x.org>\n\n\
                    See [the notes](#notes), [ref][r] and [[wiki]](<my file.pdf>).\n\n\
                    [r]: earlier.md\n";
        let scan = targets(body, 10);
        let found: Vec<(&str, bool, usize, usize)> = scan
            .targets
            .iter()
            .map(|t| (t.written.as_str(), t.image, t.line, t.column))
            .collect();
        assert_eq!(
            found,
            [
                ("../other/index.md#why", false, 10, 7),
                ("chart.png", true, 12, 1),
                ("#notes", false, 14, 5),
                ("earlier.md", false, 14, 26),
                ("my file.pdf", false, 14, 39),
            ]
        );
        assert!(scan.without_alt.is_empty());
    }

    #[test]
    fn finds_images_without_alt_text_wherever_they_point() {
        let body = "![](a.png) ![  ](https://x.org/b.png)\n\n![`code`](c.png) ![*ok*](d.png)\n";
        assert_eq!(targets(body, 3).without_alt, [(3, 1), (3, 12)]);
    }
}

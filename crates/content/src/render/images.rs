//! Images of the site's own with what the bundler measured (`ImageFacts`): `width` and `height`
//! from the file, so the page does not shift as the image arrives; the smaller WebP copies as
//! `srcset`, with `sizes` for the body's column; and `loading="lazy"` with `decoding="async"`
//! for every image but the page's first, which may be the first thing the reader sees.

use crate::{render::local_links::rooted, ImageFacts, ImageVariant};

/// How wide an image of the body (or a cover) is shown at most: the column's width, or the
/// whole window on a narrow screen. The browser picks from `srcset` by it.
pub const SIZES: &str = "(min-width: 42rem) 40rem, 100vw";

/// The `srcset` of `facts` shown at `src` (under `site_root`): each smaller copy and the
/// original, with their widths; `None` if it has no copies. Its addresses are %-escaped.
pub fn srcset(facts: &ImageFacts, src: &str, site_root: &str) -> Option<String> {
    let ImageFacts(_, width, _, variants) = facts;
    if variants.is_empty() {
        return None;
    }
    let mut set = String::new();
    for ImageVariant(variant_width, to) in variants {
        set.push_str(&format!("{} {variant_width}w, ", rooted(to, site_root)));
    }
    set.push_str(&format!("{src} {width}w"));
    Some(set)
}

/// The facts of the image at `to`, if the bundler measured it.
pub fn facts_for<'a>(images: &'a [ImageFacts], to: &str) -> Option<&'a ImageFacts> {
    images.iter().find(|facts| facts.0 == to)
}

/// The `<img>` of `facts`, shown at `src` (under the site's root) with `alt` and `title`;
/// `first` if it is the page's first image.
pub fn img_tag(
    facts: &ImageFacts,
    src: &str,
    site_root: &str,
    alt: &str,
    title: &str,
    first: bool,
) -> String {
    let ImageFacts(_, width, height, _) = facts;
    let mut tag = String::from("<img src=\"");
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_href(&mut tag, src);
    tag.push_str(&format!("\" width=\"{width}\" height=\"{height}\""));
    if let Some(set) = srcset(facts, src, site_root) {
        tag.push_str(" srcset=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut tag, &set);
        tag.push_str(&format!("\" sizes=\"{SIZES}\""));
    }
    if !first {
        tag.push_str(" loading=\"lazy\" decoding=\"async\"");
    }
    tag.push_str(" alt=\"");
    let _ = pulldown_cmark_escape::escape_html(&mut tag, alt);
    tag.push('"');
    if !title.is_empty() {
        tag.push_str(" title=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut tag, title);
        tag.push('"');
    }
    tag.push_str(" />");
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measured_image_has_its_size_its_copies_and_waits_unless_first() {
        let facts = ImageFacts(
            "/posts/a/moth.png".into(),
            1200,
            800,
            vec![
                ImageVariant(480, "/posts/a/moth-480w.webp".into()),
                ImageVariant(960, "/posts/a/moth-960w.webp".into()),
            ],
        );
        let tag = img_tag(
            &facts,
            "/blog/posts/a/moth.png",
            "/blog/",
            "A \"moth\"",
            "",
            false,
        );
        assert_eq!(
            tag,
            "<img src=\"/blog/posts/a/moth.png\" width=\"1200\" height=\"800\" \
             srcset=\"/blog/posts/a/moth-480w.webp 480w, /blog/posts/a/moth-960w.webp 960w, \
             /blog/posts/a/moth.png 1200w\" sizes=\"(min-width: 42rem) 40rem, 100vw\" \
             loading=\"lazy\" decoding=\"async\" alt=\"A &quot;moth&quot;\" />"
        );
        let small = ImageFacts("/x.png".into(), 40, 30, Vec::new());
        assert_eq!(
            img_tag(&small, "/x.png", "/", "", "T", true),
            "<img src=\"/x.png\" width=\"40\" height=\"30\" alt=\"\" title=\"T\" />"
        );
        assert_eq!(
            facts_for(std::slice::from_ref(&facts), "/posts/a/moth.png"),
            Some(&facts)
        );
    }
}

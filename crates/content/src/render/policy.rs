//! The safety policy, event by event: raw HTML as text unless the site trusts its authors,
//! heading attributes other than the id and classes dropped, links and images kept only with
//! safe targets (`urls`), links off the site marked `rel="noopener noreferrer"`; and the links
//! to the site's own posts and files, with the images the bundler measured, written where they
//! lead.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::{
    images, local_links,
    urls::{is_external, is_safe_url, Target},
    RenderOptions,
};
use crate::{ImageFacts, LocalLink};

/// The safety policy, applied event by event, and the links to the site's own posts and files
/// with the images the bundler measured.
pub struct Policy<'o> {
    options: &'o RenderOptions,
    links: &'o [LocalLink],
    images: &'o [ImageFacts],
    /// For each open link or image, whether its tags were kept, so that the matching end tag is
    /// kept or dropped with it.
    kept_links: Vec<bool>,
    /// How many kept images are open: inside one, text is its alt text.
    images_open: usize,
    /// How many images the page has shown so far.
    images_seen: usize,
    /// A measured image whose alt text is being read, to write its whole tag at its end.
    measured: Option<MeasuredImage<'o>>,
}

struct MeasuredImage<'o> {
    facts: &'o ImageFacts,
    src: String,
    title: String,
    alt: String,
    first: bool,
    /// Images inside its alt text, still open.
    nested: usize,
}

impl<'o> Policy<'o> {
    pub fn new(
        options: &'o RenderOptions,
        links: &'o [LocalLink],
        images: &'o [ImageFacts],
    ) -> Policy<'o> {
        Policy {
            options,
            links,
            images,
            kept_links: Vec::new(),
            images_open: 0,
            images_seen: 0,
            measured: None,
        }
    }

    /// Inside a measured image: its alt text is kept as plain text, and at its end the whole
    /// tag is written.
    fn alt_text<'a>(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        let image = self.measured.as_mut()?;
        match event {
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) => {
                image.alt.push_str(&text)
            }
            Event::SoftBreak | Event::HardBreak => image.alt.push(' '),
            Event::Start(Tag::Image { .. }) => image.nested += 1,
            Event::End(TagEnd::Image) if image.nested > 0 => image.nested -= 1,
            Event::End(TagEnd::Image) => {
                let image = self.measured.take()?;
                self.images_open = self.images_open.saturating_sub(1);
                self.kept_links.pop();
                let root = &self.options.site_root;
                let tag = images::img_tag(
                    image.facts,
                    &image.src,
                    root,
                    &image.alt,
                    &image.title,
                    image.first,
                );
                return Some(Event::InlineHtml(CowStr::from(tag)));
            }
            _ => {}
        }
        None
    }

    pub fn apply<'a>(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        if self.measured.is_some() {
            return self.alt_text(event);
        }
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) if !self.options.trusted_html => {
                Some(Event::Text(raw))
            }
            // `## Title {key=value}` writes any attribute onto the heading, `onclick` included:
            // only the id and classes stay unless the site trusts its authors.
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) if !self.options.trusted_html => Some(Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: Vec::new(),
            })),
            // A link in an image's alt text: its text is alt text, its tags would be escaped
            // markup in the attribute.
            Event::Start(Tag::Link { .. }) if self.images_open > 0 => {
                self.kept_links.push(false);
                None
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                // `<name@example.org>`: the address without its scheme.
                let href = match link_type {
                    LinkType::Email => CowStr::from(format!("mailto:{dest_url}")),
                    _ => local_links::resolve(dest_url, self.links, &self.options.site_root),
                };
                let keep = is_safe_url(&href, Target::Link);
                self.kept_links.push(keep);
                keep.then(|| Event::InlineHtml(link_open(&href, &title)))
            }
            Event::Start(Tag::Image { dest_url, .. }) if !is_safe_url(&dest_url, Target::Image) => {
                // The image's alt text stays, as plain text.
                self.kept_links.push(false);
                None
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                self.kept_links.push(true);
                self.images_open += 1;
                self.images_seen += 1;
                let root = &self.options.site_root;
                let Some(local) = local_links::find(&dest_url, self.links) else {
                    return Some(Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                };
                let src = local_links::rooted(local.to(), root);
                if let Some(facts) = images::facts_for(self.images, local.to()) {
                    self.measured = Some(MeasuredImage {
                        facts,
                        src,
                        title: title.to_string(),
                        alt: String::new(),
                        first: self.images_seen == 1,
                        nested: 0,
                    });
                    return None;
                }
                Some(Event::Start(Tag::Image {
                    link_type,
                    dest_url: CowStr::from(src),
                    title,
                    id,
                }))
            }
            Event::End(TagEnd::Link) => match self.kept_links.pop() {
                Some(true) => Some(Event::InlineHtml(CowStr::Borrowed("</a>"))),
                _ => None,
            },
            Event::End(TagEnd::Image) => {
                let kept = self.kept_links.pop().unwrap_or(false);
                if kept {
                    self.images_open = self.images_open.saturating_sub(1);
                }
                kept.then_some(Event::End(TagEnd::Image))
            }
            other => Some(other),
        }
    }
}

fn link_open(href: &str, title: &str) -> CowStr<'static> {
    let mut tag = String::from("<a href=\"");
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_href(&mut tag, href);
    tag.push('"');
    if !title.is_empty() {
        tag.push_str(" title=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut tag, title);
        tag.push('"');
    }
    if is_external(href) {
        tag.push_str(" rel=\"noopener noreferrer\"");
    }
    tag.push('>');
    CowStr::Boxed(tag.into_boxed_str())
}

//! The one Markdown renderer, used in the browser and natively, with Folio's safety policy:
//! raw HTML becomes text unless the site trusts its authors; links and images keep only safe
//! targets; links that leave the site get `rel="noopener noreferrer"`. Every heading gets the
//! `id` its entry in `outline` has, so a table of contents links to it. The HTML has no `style`
//! attributes (table alignment is a class), so pages need no inline styles. Each step is a file:
//! the policy (`policy`, with `urls`), headings, highlighted code, formulas, footnotes, callouts,
//! tables, task lists, code blocks' copy buttons.

mod callouts;
mod code_blocks;
mod footnotes;
mod headings;
mod highlighting;
pub mod images;
mod local_links;
mod maths;
mod policy;
mod tables;
mod task_lists;
mod urls;

pub use footnotes::FOOTNOTE_ID_PREFIX;
pub use local_links::rooted;
pub use maths::{is_mathml, MATHML_ELEMENTS};
pub use urls::scheme_of;

use pulldown_cmark::{html, Options, Parser};

use crate::Body;
use headings::{with_anchor, with_heading_link};
use policy::Policy;

/// How to render a post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderOptions {
    /// Render raw HTML in posts as HTML. Off by default: it is shown as text.
    pub trusted_html: bool,
    /// The post page's own controls: each heading followed by a `#` link to its own anchor,
    /// for readers to copy, and each code block by a "Copy" button. Off for feeds.
    pub page_controls: bool,
    /// Where the site's root is, ending in `/`, for the links to its own posts and files: the
    /// base path (`/`, `/blog/`) on a page, the whole address (`https://x.org/blog/`) in a feed.
    pub site_root: String,
}

impl Default for RenderOptions {
    /// Safe, without the page's controls, for a site at `/`.
    fn default() -> RenderOptions {
        RenderOptions {
            trusted_html: false,
            page_controls: false,
            site_root: "/".to_owned(),
        }
    }
}

/// Renders the body of a post or page to HTML under the safety policy.
pub fn render_html(body: &Body, options: &RenderOptions) -> String {
    let Body {
        markdown,
        outline,
        code,
        links,
        images,
        math,
    } = body;
    let parser = Parser::new_ext(markdown, markdown_options());
    let mut anchors = outline.iter().map(|heading| heading.anchor.clone());
    let mut titles = outline.iter().map(|heading| heading.text.as_str());
    let mut policy = Policy::new(options, links, images);
    let mut open_heading = None;
    let mut tables = tables::Tables::default();
    let mut footnotes = footnotes::Footnotes::default();
    let mut highlighter = highlighting::Highlighter::new(code);
    let mut formulas = maths::Formulas::new(math);
    let events = parser
        .map(|event| with_anchor(event, &mut anchors))
        .filter_map(|event| policy.apply(event))
        .flat_map(|event| highlighter.rewrite(event))
        .flatten()
        .map(|event| formulas.rewrite(event))
        .map(|event| footnotes.rewrite(event))
        .map(callouts::rewrite)
        .map(|event| tables.rewrite(event))
        .flat_map(|event| match options.page_controls {
            true => with_heading_link(event, &mut titles, &mut open_heading),
            false => [Some(event), None, None],
        })
        .flatten()
        .flat_map(|event| match options.page_controls {
            true => code_blocks::with_copy_button(event),
            false => [Some(event), None],
        })
        .flatten();
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, task_lists::label_tasks(events).into_iter());
    out
}

/// The Markdown extensions Folio enables. Anything that reads post text (excerpts, outlines)
/// parses with these, so it sees the same text the reader does.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_MATH
}

#[cfg(test)]
mod tests;

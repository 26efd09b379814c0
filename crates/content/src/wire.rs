//! The JSON documents under `data/`: one definition for the bundler that writes them and the app
//! that reads them. Every top-level document carries `format`, checked by the reader.

use serde::{Deserialize, Serialize};

use crate::{Date, Slug};

/// The version of the data format. Bump it when a document changes shape.
pub const FORMAT_VERSION: u32 = 8;

/// A top-level document that carries its format version.
pub trait Versioned {
    /// The format version the document was written with.
    fn format(&self) -> u32;
}

/// Site-wide settings, from `site.toml`. `data/site.json`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Site {
    pub format: u32,
    pub title: String,
    pub description: String,
    /// BCP 47 language tag, e.g. `en-GB`.
    pub language: String,
    /// Where the site is deployed, ending in `/`, e.g. `https://blog.example.org/`.
    pub base_url: String,
    /// Address for readers' comments (`mailto:` target), if any.
    pub contact: Option<String>,
    /// Whether raw HTML in posts is rendered as HTML (otherwise it is shown as text).
    pub trusted_html: bool,
    /// How many posts each page of a listing holds.
    pub posts_per_page: u32,
    /// The header's navigation, in order, from `site.toml`'s `[[menu]]`; empty: the archive
    /// and the tags.
    pub menu: Vec<MenuItem>,
    /// Whether the site has search: the header's box, the search page and `data/search/`.
    pub search: bool,
    /// Whether readers can read the site offline: its service worker and web app manifest
    /// (`site.toml`'s `offline`, on unless turned off).
    #[serde(default)]
    pub offline: bool,
}

/// A link of the header's navigation: `[title, target]` on the wire. The target is a path on
/// the site (`/about/`, without the base path) or an address elsewhere (`https://…`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MenuItem(pub String, pub String);

/// A post's author as shown in a byline.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    /// What the author does, e.g. "Director, Accelerating Innovation in Local Government Research Project".
    pub role: Option<String>,
    /// The author's page: `/authors/<slug>`.
    pub slug: Slug,
}

/// A tag as a post shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tag {
    /// As the author wrote it, e.g. "local government".
    pub name: String,
    /// The tag's page: `/tags/<slug>`.
    pub slug: Slug,
}

/// What a listing shows of a post.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PostSummary {
    pub slug: Slug,
    pub title: String,
    pub date: Date,
    /// When the post was last changed in substance, if ever.
    pub updated: Option<Date>,
    pub authors: Vec<Author>,
    /// The excerpt as plain text: the text before `<!-- more -->`, the `summary` field, or the
    /// first paragraph.
    pub summary: String,
    pub tags: Vec<Tag>,
    /// Minutes at about 200 words a minute, at least 1.
    pub reading_minutes: u32,
    /// Only `cargo xtask serve` publishes drafts; readers of a real build never see one.
    pub draft: bool,
    /// The cover, from the front matter's `image`: shown above the post and in the listings,
    /// and the picture of its link previews.
    pub image: Option<ImageFacts>,
}

/// One page of a listing (the home page, a tag, an author), newest first.
/// `data/index/page-N.json`, `data/tags/<slug>/page-N.json`, `data/authors/<slug>/page-N.json`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PostPage {
    pub format: u32,
    /// This page's number, from 1.
    pub page: u32,
    /// How many pages the listing has (at least 1, even when it is empty).
    pub total_pages: u32,
    /// How many posts the whole listing has.
    pub total_posts: u32,
    pub posts: Vec<PostSummary>,
}

/// A heading of a post, for its table of contents.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Heading {
    /// 1 to 6, as in `<h1>` to `<h6>`.
    pub level: u8,
    /// The heading as plain text.
    pub text: String,
    /// The `id` the renderer gives the heading, unique in the post.
    pub anchor: String,
}

/// A link to another post: previous and next, archive entries.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PostLink {
    pub slug: Slug,
    pub title: String,
    pub date: Date,
}

/// One post: what listings show, what its page adds, and its body, rendered in the browser.
/// `data/posts/<slug>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PostBundle {
    pub format: u32,
    pub post: PostSummary,
    /// For search engines and link previews: the `description` field, else the summary.
    pub description: String,
    pub word_count: u32,
    /// The next older post.
    pub previous: Option<PostLink>,
    /// The next newer post.
    pub next: Option<PostLink>,
    /// The words that invite comments before the site's contact address, from the post's
    /// `call_for_comments` field; the app has a default. Shown only when the site has a contact.
    pub call_for_comments: Option<String>,
    /// The series the post is a part of, with every part.
    pub series: Option<PostSeries>,
    /// Up to four other posts to read next, best first: the author's choice (`related` in the
    /// front matter), else what the bundler found most alike. Never a part of the post's series.
    pub related: Vec<PostLink>,
    pub body: Body,
}

/// A series as one of its parts shows it: its name, its page, and every published part in
/// order, this one among them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PostSeries {
    /// As the author wrote it in `series`, e.g. "Building a compiler".
    pub name: String,
    /// The series' page: `/series/<slug>/`.
    pub slug: Slug,
    pub parts: Vec<PostLink>,
}

impl PostSeries {
    /// Where the post `slug` is among the parts, from 0.
    pub fn position(&self, slug: &Slug) -> Option<usize> {
        self.parts.iter().position(|part| part.slug == *slug)
    }
}

/// A series' page: its parts in order, as listings show posts. `data/series/<slug>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SeriesPage {
    pub format: u32,
    pub name: String,
    pub slug: Slug,
    pub posts: Vec<PostSummary>,
}

/// A series with how many parts it has, and when the latest came out.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SeriesCount {
    pub name: String,
    pub slug: Slug,
    pub count: u32,
    pub latest: Date,
}

/// Every series, the one with the latest part first. `data/series.json`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SeriesIndex {
    pub format: u32,
    pub series: Vec<SeriesCount>,
}

/// A page of its own, from `pages/<name>.md` (About, Contact): not a post, so in no listing and
/// no feed. `data/pages/<slug>.json`, shown at `/<slug>/`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PageBundle {
    pub format: u32,
    /// The page's address: `/<slug>/`.
    pub slug: Slug,
    pub title: String,
    /// For search engines and link previews.
    pub description: String,
    pub body: Body,
}

/// The body of a post or a page: its Markdown and what the bundler worked out from it, which
/// is all the renderer reads.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Body {
    /// The Markdown source, front matter removed.
    pub markdown: String,
    /// The headings, with the anchors the renderer gives them: the bundler works them out once,
    /// so the browser does not parse the Markdown twice.
    pub outline: Vec<Heading>,
    /// Each fenced code block, in order, as the bundler's highlighter cut it into tokens; `None`
    /// for a block in no language it knows, which stays plain text.
    pub code: Vec<Option<HighlightedCode>>,
    /// The links and images that lead to the site's own posts, pages and files, as the bundler
    /// resolved and checked them.
    pub links: Vec<LocalLink>,
    /// The raster images among them, measured, with their smaller copies.
    pub images: Vec<ImageFacts>,
    /// Each formula (`$…$`, `$$…$$`), in order, as the bundler converted it to MathML.
    pub math: Vec<String>,
}

/// A raster image of the site's own, as the bundler measured it: where it is (as
/// `LocalLink::to` gives it), its size in pixels, and its smaller copies, narrowest first.
/// `[to, width, height, variants]` on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ImageFacts(pub String, pub u32, pub u32, pub Vec<ImageVariant>);

/// A smaller copy of an image, in WebP: `[width, to]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ImageVariant(pub u32, pub String);

/// A link or image target in a post's body that names something of the site's own: another
/// post's source file, a file beside the post or in `static/`. The renderer writes where it
/// leads in place of what the Markdown says. `[written, to]` on the wire, which costs the app
/// less to read than named fields.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LocalLink(String, String);

impl LocalLink {
    /// The target `written` (as pulldown-cmark reads it, escapes resolved), e.g.
    /// `earlier-post.md#why` or `chart.png`, leads `to` a path from the site's root, without
    /// the base path, e.g. `/posts/earlier-post/#why` or `/posts/this-post/chart.png`.
    pub fn new(written: impl Into<String>, to: impl Into<String>) -> LocalLink {
        LocalLink(written.into(), to.into())
    }

    /// The target as the Markdown gives it.
    pub fn written(&self) -> &str {
        &self.0
    }

    /// Where it leads, from the site's root.
    pub fn to(&self) -> &str {
        &self.1
    }
}

/// A fenced code block's text as tokens, in order: together they are the block's text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HighlightedCode {
    pub tokens: Vec<Token>,
}

/// A run of a code block's text and what it is: `[kind, text]` on the wire, the kind as
/// `TokenKind as u8` (a number, which costs the app less to read than a name).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token(pub u8, pub String);

/// What a token is, as the stylesheet colours it: class `hl-<kind>`. A closed list, so a
/// bundle can name no other class; an unknown number reads as plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum TokenKind {
    Plain = 0,
    Keyword,
    String,
    Comment,
    Number,
    Constant,
    Function,
    Type,
    Tag,
    Attribute,
    Variable,
    Operator,
    Heading,
    Inserted,
    Deleted,
}

/// The class of each `TokenKind`, by its number; none for plain text.
const TOKEN_CLASSES: [&str; 15] = [
    "",
    "hl-keyword",
    "hl-string",
    "hl-comment",
    "hl-number",
    "hl-constant",
    "hl-function",
    "hl-type",
    "hl-tag",
    "hl-attribute",
    "hl-variable",
    "hl-operator",
    "hl-heading",
    "hl-inserted",
    "hl-deleted",
];

// One class for each kind, in the kinds' order.
const _: () = assert!(TOKEN_CLASSES.len() == TokenKind::Deleted as usize + 1);

impl Token {
    /// A token of `kind`.
    pub fn new(kind: TokenKind, text: String) -> Token {
        Token(kind as u8, text)
    }

    /// The class the stylesheet colours the token by; `None` for plain text or an unknown kind.
    pub fn class(&self) -> Option<&'static str> {
        TOKEN_CLASSES
            .get(usize::from(self.0))
            .copied()
            .filter(|class| !class.is_empty())
    }
}

/// A tag with how many posts carry it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TagCount {
    pub tag: Tag,
    pub count: u32,
}

/// Every tag, most used first, then by name. `data/tags.json`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TagIndex {
    pub format: u32,
    pub tags: Vec<TagCount>,
}

/// An author with how many posts they wrote.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AuthorCount {
    pub author: Author,
    pub count: u32,
}

/// Every author, by name. `data/authors.json`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AuthorIndex {
    pub format: u32,
    pub authors: Vec<AuthorCount>,
}

/// The posts of one month.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ArchiveMonth {
    /// 1 to 12.
    pub month: u8,
    /// Newest first.
    pub posts: Vec<PostLink>,
}

/// The posts of one year, by month, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ArchiveYear {
    pub year: u16,
    pub months: Vec<ArchiveMonth>,
}

/// Every post by year and month, newest first. `data/archive.json`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Archive {
    pub format: u32,
    pub years: Vec<ArchiveYear>,
}

/// `Versioned` for documents that carry their version in `format`.
macro_rules! versioned {
    ($($t:ty),*) => {$(
        impl $crate::Versioned for $t {
            fn format(&self) -> u32 {
                self.format
            }
        }
    )*};
}
pub(crate) use versioned;

versioned!(
    Site,
    PostPage,
    PostBundle,
    PageBundle,
    TagIndex,
    AuthorIndex,
    Archive,
    SeriesPage,
    SeriesIndex
);

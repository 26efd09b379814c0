//! What the bundler writes and the app reads: the wire types, slugs, dates, the site's pages
//! (`pages::PageKind`) and the paths of the data files, and the one Markdown renderer with its
//! safety policy. Builds for wasm32 and native.

pub mod date;
pub mod outline;
pub mod pages;
pub mod paths;
pub mod render;
pub mod search;
pub mod slug;
pub mod uri;
pub mod wire;

pub use date::Date;
pub use outline::{anchor, outline};
pub use render::{render_html, RenderOptions};
pub use slug::Slug;
pub use wire::{
    Archive, ArchiveMonth, ArchiveYear, Author, AuthorCount, AuthorIndex, Body, Heading,
    HighlightedCode, ImageFacts, ImageVariant, LocalLink, MenuItem, PageBundle, PostBundle,
    PostLink, PostPage, PostSeries, PostSummary, SeriesCount, SeriesIndex, SeriesPage, Site, Tag,
    TagCount, TagIndex, Token, TokenKind, Versioned, FORMAT_VERSION,
};

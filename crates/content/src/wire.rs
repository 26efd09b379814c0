//! The JSON documents under `data/`: one definition for the bundler that writes them and the app
//! that reads them. Every top-level document carries `format`, checked by the reader.

use serde::{Deserialize, Serialize};

use crate::{Date, Slug};

/// The version of the data format. Bump it when a document changes shape.
pub const FORMAT_VERSION: u32 = 1;

/// A top-level document that carries its format version.
pub trait Versioned {
    /// The format version the document was written with.
    fn format(&self) -> u32;
}

/// Site-wide settings, from `site.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    pub format: u32,
    pub title: String,
    pub description: String,
    /// BCP 47 language tag, e.g. `en-GB`.
    pub language: String,
    /// Where the site is deployed, e.g. `https://blog.example.org/`.
    pub base_url: String,
    /// Address for readers' comments (`mailto:` target), if any.
    pub contact: Option<String>,
    /// Whether raw HTML in posts is rendered as HTML (otherwise it is shown as text).
    pub trusted_html: bool,
}

/// A post's author as shown in a byline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    /// What the author does, e.g. "Director, Accelerating Innovation in Local Government Research Project".
    pub role: Option<String>,
}

/// What a listing shows of a post.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostSummary {
    pub slug: Slug,
    pub title: String,
    pub date: Date,
    pub authors: Vec<Author>,
    /// One or two sentences of plain text.
    pub summary: String,
    pub tags: Vec<String>,
}

/// The published posts, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostIndex {
    pub format: u32,
    pub posts: Vec<PostSummary>,
}

/// One post: its summary and its Markdown body, rendered in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostBundle {
    pub format: u32,
    pub post: PostSummary,
    /// The Markdown source of the body, front matter removed.
    pub body: String,
}

macro_rules! versioned {
    ($($t:ty),*) => {$(
        impl Versioned for $t {
            fn format(&self) -> u32 {
                self.format
            }
        }
    )*};
}
versioned!(Site, PostIndex, PostBundle);

//! The one list of the site's pages: every address the site has, with its title, what kind of
//! page it is and its dates. The sitemap, the page files, the deploy files and the head of every
//! page are made from it, so they cannot disagree.

pub use folio_content::pages::absolute;
use folio_content::{pages, paths, Author, Date, ImageFacts, Site, Slug};
use serde::{Deserialize, Serialize};

use crate::{front_matter::aliases::alias_file, problem::Place};

/// What a page is, and which data it shows.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PageKind {
    /// Page `page` (from 1) of the home listing.
    Home { page: u32 },
    /// A post.
    Post { slug: Slug, authors: Vec<Author> },
    /// Every tag.
    Tags,
    /// Page `page` of the posts with a tag.
    Tag { slug: Slug, name: String, page: u32 },
    /// Page `page` of an author's posts.
    Author { slug: Slug, name: String, page: u32 },
    /// Every post by year and month.
    Archive,
    /// A page of its own, from `pages/`.
    Standalone { slug: Slug },
    /// The search page, which shows its results in the app only.
    Search,
    /// The page for addresses the site does not have (`404.html`).
    NotFound,
    /// An old address of the post at `to` (front matter `aliases`): a page that leads there.
    /// `at` is where the alias is written.
    Redirect { to: String, at: Place },
}

/// One page of the site.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SitePage {
    /// The address within the site, from `folio_content::pages`, e.g. `/posts/hello/`.
    pub path: String,
    #[serde(flatten)]
    pub kind: PageKind,
    /// The document title, as the app gives it: "Page – Site".
    pub title: String,
    /// The page's own title, without the site's: the post's title, "Archive"; `None` for the
    /// home page.
    pub page_title: Option<String>,
    pub description: String,
    /// When a post was published and last changed.
    pub published: Option<Date>,
    pub modified: Option<Date>,
    /// The newer and older pages of a paged listing, for `rel="prev"` and `rel="next"`.
    pub newer: Option<String>,
    pub older: Option<String>,
    /// A post's cover, for its link previews and structured data.
    pub image: Option<ImageFacts>,
}

/// The whole address of a measured image of the site's own, such as a post's cover.
pub fn image_url(site: &Site, facts: &ImageFacts) -> String {
    absolute(&site.base_url, &facts.0)
}

impl SitePage {
    /// A page that is not a post, with the site's description.
    pub fn new(site: &Site, path: String, kind: PageKind, page_title: Option<String>) -> SitePage {
        SitePage {
            title: pages::document_title(page_title.as_deref(), &site.title),
            path,
            kind,
            page_title,
            description: site.description.clone(),
            published: None,
            modified: None,
            newer: None,
            older: None,
            image: None,
        }
    }

    /// With the newer and older pages of a listing whose page N is at `path_of(N)`.
    pub fn paged(mut self, page: u32, total: u32, path_of: impl Fn(u32) -> String) -> SitePage {
        self.newer = (page > 1).then(|| path_of(page - 1));
        self.older = (page < total).then(|| path_of(page + 1));
        self
    }

    /// The file the page is built into, relative to the site's root folder.
    pub fn file(&self) -> String {
        match self.kind {
            PageKind::NotFound => pages::NOT_FOUND_FILE.to_owned(),
            PageKind::Redirect { .. } => alias_file(&self.path),
            _ => pages::file(&self.path),
        }
    }

    /// The data document the page shows, if it shows one.
    pub fn data(&self) -> Option<String> {
        Some(match &self.kind {
            PageKind::Home { page } => paths::index_page(*page),
            PageKind::Post { slug, .. } => paths::post(slug),
            PageKind::Tags => paths::TAGS.to_owned(),
            PageKind::Tag { slug, page, .. } => paths::tag_page(slug, *page),
            PageKind::Author { slug, page, .. } => paths::author_page(slug, *page),
            PageKind::Archive => paths::ARCHIVE.to_owned(),
            PageKind::Standalone { slug } => paths::standalone(slug),
            PageKind::Search | PageKind::NotFound | PageKind::Redirect { .. } => return None,
        })
    }

    /// Whether search engines are told of the page: every page but the not-found page, the
    /// old addresses and the search page (whose results are no content of their own).
    pub fn in_sitemap(&self) -> bool {
        !matches!(
            self.kind,
            PageKind::Search | PageKind::NotFound | PageKind::Redirect { .. }
        )
    }

    /// Whether search engines are asked to leave the page out of their results.
    pub fn no_index(&self) -> bool {
        matches!(self.kind, PageKind::Search | PageKind::NotFound)
    }
}

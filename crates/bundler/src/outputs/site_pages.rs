//! The one list of the site's pages: every address the site has, with its title, what kind of
//! page it is and its dates. The sitemap, the page files, the deploy files and the head of every
//! page are made from it, so they cannot disagree.

pub use folio_content::pages::absolute;
use folio_content::{
    pages::{self, PageKind},
    Author, Date, ImageFacts, Site, Slug,
};
use serde::{Deserialize, Serialize};

use crate::{front_matter::aliases::alias_file, problem::Place};

/// What a page of the list is: one of the app's pages, or one of the two kinds that only the
/// bundler makes, which the app has no address for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A page the app shows at its address.
    Routed(PageKind),
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
    pub kind: Kind,
    /// What the page's slug stands for (`PageKind::title`): the post's or the page's title,
    /// the tag's or the author's name; empty for the other pages.
    pub name: String,
    /// A post's authors.
    pub authors: Vec<Author>,
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
    /// The series a post is a part of: its name and slug, for its structured data.
    pub series: Option<(String, Slug)>,
}

/// The whole address of a measured image of the site's own, such as a post's cover.
pub fn image_url(site: &Site, facts: &ImageFacts) -> String {
    absolute(&site.base_url, &facts.0)
}

impl SitePage {
    /// The page at `path`, with the site's description (a post has its own).
    pub fn new(site: &Site, path: String, kind: Kind, page_title: Option<String>) -> SitePage {
        SitePage {
            title: pages::document_title(page_title.as_deref(), &site.title),
            path,
            kind,
            name: String::new(),
            authors: Vec::new(),
            page_title,
            description: site.description.clone(),
            published: None,
            modified: None,
            newer: None,
            older: None,
            image: None,
            series: None,
        }
    }

    /// The page `kind` at its path, titled from `name` as `PageKind::title` says, with the
    /// site's description.
    pub fn routed(site: &Site, kind: PageKind, name: &str) -> SitePage {
        let title = kind.title(name);
        let mut page = SitePage::new(site, kind.path(), Kind::Routed(kind), title);
        name.clone_into(&mut page.name);
        page
    }

    /// The page for addresses the site does not have.
    pub fn not_found(site: &Site) -> SitePage {
        let path = format!("/{}", pages::NOT_FOUND_FILE);
        let title = Some(pages::NOT_FOUND_TITLE.to_owned());
        SitePage::new(site, path, Kind::NotFound, title)
    }

    /// With the newer and older pages of a listing whose page N is `page_of(N)`.
    pub fn paged(mut self, page: u32, total: u32, page_of: impl Fn(u32) -> PageKind) -> SitePage {
        self.newer = (page > 1).then(|| page_of(page - 1).path());
        self.older = (page < total).then(|| page_of(page + 1).path());
        self
    }

    /// The file the page is built into, relative to the site's root folder.
    pub fn file(&self) -> String {
        match self.kind {
            Kind::Routed(_) => pages::file(&self.path),
            Kind::NotFound => pages::NOT_FOUND_FILE.to_owned(),
            Kind::Redirect { .. } => alias_file(&self.path),
        }
    }

    /// The data document the page shows, if it shows one.
    pub fn data(&self) -> Option<String> {
        match &self.kind {
            Kind::Routed(kind) => kind.data_path(),
            Kind::NotFound | Kind::Redirect { .. } => None,
        }
    }

    /// Whether search engines are told of the page: every page but the not-found page, the
    /// old addresses and the search page (whose results are no content of their own).
    pub fn in_sitemap(&self) -> bool {
        matches!(&self.kind, Kind::Routed(kind) if *kind != PageKind::Search)
    }

    /// Whether search engines are asked to leave the page out of their results.
    pub fn no_index(&self) -> bool {
        matches!(self.kind, Kind::Routed(PageKind::Search) | Kind::NotFound)
    }
}

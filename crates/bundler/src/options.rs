//! What to build: drafts or not, as of which day, for which address, with which cache folder.

use std::path::{Path, PathBuf};

use folio_content::Date;

/// What to build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildOptions {
    /// Publish posts marked `draft = true` too.
    pub drafts: bool,
    /// Today: posts dated after it are scheduled and left out.
    pub now: Date,
    /// Where the site is deployed, in place of `site.toml`'s `base_url` (checked with
    /// `site::base_url`), as for a preview deployed elsewhere.
    pub base_url: Option<String>,
    /// Where what is kept between builds goes (the smaller copies of images, in `images/`);
    /// `None`: `DEFAULT_CACHE_DIR` in the site folder.
    pub cache_dir: Option<PathBuf>,
}

/// The cache's folder in the site folder, unless `BuildOptions::cache_dir` says another.
pub const DEFAULT_CACHE_DIR: &str = ".folio-cache";

impl BuildOptions {
    /// Builds as of `now`, without drafts, for the `base_url` in `site.toml`.
    pub fn new(now: Date) -> BuildOptions {
        BuildOptions {
            drafts: false,
            now,
            base_url: None,
            cache_dir: None,
        }
    }

    /// The cache folder of the site in `site_dir`.
    pub fn cache_dir(&self, site_dir: &Path) -> PathBuf {
        self.cache_dir
            .clone()
            .unwrap_or_else(|| site_dir.join(DEFAULT_CACHE_DIR))
    }
}

//! Folio's build step: reads a site folder (`site.toml` and `posts/*.md`), checks everything,
//! and makes the JSON documents the app fetches. Every problem is collected before the build
//! gives up, and nothing is written unless there are none.
//!
//! ```no_run
//! use std::path::Path;
//!
//! let options = folio_bundler::BuildOptions::default();
//! match folio_bundler::build(Path::new("."), &options) {
//!     Ok(output) => folio_bundler::write(&output, Path::new("dist"))?,
//!     Err(problems) => problems.iter().for_each(|problem| eprintln!("{problem}")),
//! }
//! # Ok::<(), folio_bundler::WriteError>(())
//! ```

pub mod excerpt;
mod fields;
pub mod front_matter;
pub mod output;
pub mod post;
pub mod problem;
pub mod site;
mod suggest;

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
};

pub use output::{write, Output, WriteError};
pub use post::Post;
pub use problem::Problem;
pub use site::SiteConfig;

/// The folder of the site that holds the posts.
pub const POSTS_DIR: &str = "posts";

/// What to build.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BuildOptions {
    /// Publish posts marked `draft = true` too.
    pub drafts: bool,
}

/// Reads and checks the site in `site_dir` and makes its files in memory. Fails with every
/// problem found, in `site.toml` first, then in the posts in file name order.
pub fn build(site_dir: &Path, options: &BuildOptions) -> Result<Output, Vec<Problem>> {
    let mut problems = Vec::new();
    let config = read_site(site_dir)
        .map_err(|found| problems.extend(found))
        .ok();
    let authors = config
        .as_ref()
        .map(|config| config.authors.as_slice())
        .unwrap_or_default();

    let mut posts: Vec<Post> = Vec::new();
    let mut slugs: BTreeMap<String, PathBuf> = BTreeMap::new();
    for file in post_files(site_dir)
        .map_err(|problem| problems.push(problem))
        .unwrap_or_default()
    {
        let bytes = match fs::read(site_dir.join(&file)) {
            Ok(bytes) => bytes,
            Err(error) => {
                problems.push(Problem::whole_file(
                    &file,
                    format!("cannot read the file: {error}"),
                    "check that it exists and is readable",
                ));
                continue;
            }
        };
        match post::parse(&file, &bytes, authors) {
            Ok(post) => match slugs.get(post.summary.slug.as_str()) {
                Some(first) => problems.push(Problem::whole_file(
                    &file,
                    format!("the slug \"{}\" is already taken by {}", post.summary.slug, first.display()),
                    "rename one of the two files: a post's slug (its address) comes from its file name",
                )),
                None => {
                    slugs.insert(post.summary.slug.to_string(), file);
                    posts.push(post);
                }
            },
            Err(found) => problems.extend(found),
        }
    }

    let Some(config) = config.filter(|_| problems.is_empty()) else {
        return Err(problems);
    };
    let total = posts.len();
    posts.retain(|post| options.drafts || !post.draft);
    let published = posts.len();
    let files = output::documents(&config.site, posts).map_err(|problem| vec![problem])?;
    Ok(Output {
        files,
        published,
        drafts_skipped: total - published,
    })
}

/// Reads and checks `site.toml`.
fn read_site(site_dir: &Path) -> Result<SiteConfig, Vec<Problem>> {
    let file = Path::new(site::SITE_FILE);
    let bytes = fs::read(site_dir.join(file)).map_err(|error| {
        let message = format!(
            "cannot read the site settings in {}: {error}",
            site_dir.join(file).display()
        );
        vec![Problem::whole_file(
            file,
            message,
            "run folio-bundler in the site folder or pass --site DIR",
        )]
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|error| {
        let offset = error.valid_up_to();
        vec![Problem::at(
            file,
            &bytes,
            offset,
            "the file is not valid UTF-8",
            "save the file as UTF-8",
        )]
    })?;
    site::parse(text)
}

/// The posts: every `posts/*.md` file (not in subfolders, not hidden), by file name, relative to
/// the site folder.
fn post_files(site_dir: &Path) -> Result<Vec<PathBuf>, Problem> {
    let folder = site_dir.join(POSTS_DIR);
    let unreadable = |error: std::io::Error| {
        Problem::whole_file(
            POSTS_DIR,
            format!("cannot read the posts folder {}: {error}", folder.display()),
            "create a posts/ folder next to site.toml with one Markdown file per post",
        )
    };
    let mut names = Vec::new();
    for entry in fs::read_dir(&folder).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let name = entry.file_name();
        let path = entry.path();
        let markdown = path.extension().is_some_and(|extension| extension == "md");
        let hidden = name.to_string_lossy().starts_with('.');
        if markdown && !hidden && path.is_file() {
            names.push(name);
        }
    }
    names.sort();
    Ok(names
        .into_iter()
        .map(|name| Path::new(POSTS_DIR).join(name))
        .collect())
}

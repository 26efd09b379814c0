//! `cargo xtask build`: the deployable site in `dist/`. trunk builds into a fresh folder, and
//! only a successful build replaces `dist/`, so a failed one leaves the previous site as it was.
//! The site is built for the path of its base URL (`site.toml`'s `base_url`, or `--base-url`):
//! `https://example.org/blog/` gives a site that works under `/blog/`.

use std::{
    fs,
    path::{Path, PathBuf},
};

use anyhow::{bail, Context, Result};

pub use folio_content::pages::url_path;

use crate::{cmd, setup, size};

/// What to build and where.
pub struct Options {
    /// The folder with site.toml and posts/.
    pub site: PathBuf,
    /// Where the finished site goes.
    pub dist: PathBuf,
    /// Where the site will be deployed, in place of `site.toml`'s `base_url`.
    pub base_url: Option<String>,
}

impl Options {
    /// Reads `[--site DIR] [--dist DIR] [--base-url URL]`; defaults are the workspace root,
    /// `dist/` in it and `site.toml`'s `base_url`.
    pub fn parse(root: &Path, args: &[String]) -> Result<Options> {
        let mut options = Options {
            site: root.to_path_buf(),
            dist: root.join("dist"),
            base_url: None,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = || {
                args.next()
                    .cloned()
                    .with_context(|| format!("{arg} needs a value"))
            };
            match arg.as_str() {
                "--site" => options.site = absolute(value()?.into())?,
                "--dist" => options.dist = absolute(value()?.into())?,
                "--base-url" => options.base_url = Some(value()?),
                other => bail!(
                    "unknown option {other:?} for build: use --site DIR, --dist DIR and --base-url URL"
                ),
            }
        }
        Ok(options)
    }
}

fn absolute(path: PathBuf) -> Result<PathBuf> {
    Ok(if path.is_absolute() {
        path
    } else {
        std::env::current_dir()?.join(path)
    })
}

/// Installs what is missing, builds the release site into `options.dist` and prints its size.
pub fn run(root: &Path, options: &Options) -> Result<()> {
    setup::all(root, setup::Purpose::Serve)?;
    let next = sibling(&options.dist, "next")?;
    remove_if_present(&next)?;
    let base_url = options
        .base_url
        .clone()
        .or_else(|| site_base_url(&options.site));
    let public_url = base_url.as_deref().map_or_else(|| "/".to_owned(), url_path);
    let mut trunk = cmd::command(root, "trunk");
    trunk
        .args([
            "build",
            "--release",
            "--offline",
            "--public-url",
            &public_url,
        ])
        .arg("--dist")
        .arg(&next)
        .env("FOLIO_SITE_DIR", &options.site);
    if let Some(base_url) = &options.base_url {
        trunk.env("FOLIO_BASE_URL", base_url);
    }
    let built = cmd::run(&mut trunk);
    if let Err(error) = built {
        let _ = fs::remove_dir_all(&next);
        return Err(error.context(format!(
            "the build failed; {} was left as it was",
            options.dist.display()
        )));
    }
    replace(&next, &options.dist)?;
    println!("build: the site is in {}", options.dist.display());
    size::report(&size::measure(&options.dist)?);
    Ok(())
}

/// `base_url` from the site's `site.toml`, if the file says. The bundler checks the file and
/// reports what is wrong with it.
pub fn site_base_url(site: &Path) -> Option<String> {
    let text = fs::read_to_string(site.join("site.toml")).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    Some(table.get("base_url")?.as_str()?.to_owned())
}

fn sibling(dist: &Path, suffix: &str) -> Result<PathBuf> {
    let name = dist
        .file_name()
        .with_context(|| format!("{} has no folder name", dist.display()))?;
    Ok(dist.with_file_name(format!("{}.{suffix}", name.to_string_lossy())))
}

/// Puts `next` in the place of `dist` with two renames; the old site is removed last.
fn replace(next: &Path, dist: &Path) -> Result<()> {
    let old = sibling(dist, "old")?;
    remove_if_present(&old)?;
    if dist.exists() {
        fs::rename(dist, &old).with_context(|| format!("moving {} aside", dist.display()))?;
    }
    fs::rename(next, dist)
        .with_context(|| format!("moving the new site into {}", dist.display()))?;
    remove_if_present(&old)
}

/// Removes the folder `path` and all in it; a folder that is not there is fine.
pub fn remove_if_present(path: &Path) -> Result<()> {
    match fs::remove_dir_all(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(error).with_context(|| format!("removing {}", path.display()))
        }
        _ => Ok(()),
    }
}

//! `cargo xtask build`: the deployable site in `dist/`. trunk builds into a fresh folder, and
//! only a successful build replaces `dist/`, so a failed one leaves the previous site as it was.

use std::{
    fs,
    path::{Path, PathBuf},
};

use anyhow::{bail, Context, Result};

use crate::{cmd, setup, size};

/// What to build and where.
pub struct Options {
    /// The folder with site.toml and posts/.
    pub site: PathBuf,
    /// Where the finished site goes.
    pub dist: PathBuf,
}

impl Options {
    /// Reads `[--site DIR] [--dist DIR]`; defaults are the workspace root and `dist/` in it.
    pub fn parse(root: &Path, args: &[String]) -> Result<Options> {
        let mut options = Options {
            site: root.to_path_buf(),
            dist: root.join("dist"),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = || {
                args.next()
                    .map(PathBuf::from)
                    .with_context(|| format!("{arg} needs a folder"))
            };
            match arg.as_str() {
                "--site" => options.site = absolute(value()?)?,
                "--dist" => options.dist = absolute(value()?)?,
                other => bail!("unknown option {other:?} for build: use --site DIR and --dist DIR"),
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
    let built = cmd::run(
        cmd::command(root, "trunk")
            .args(["build", "--release", "--offline", "--dist"])
            .arg(&next)
            .env("FOLIO_SITE_DIR", &options.site),
    );
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

/// `dist` gets a name beside it such as `dist.next`, on the same file system so renames are cheap.
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

fn remove_if_present(path: &Path) -> Result<()> {
    match fs::remove_dir_all(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(error).with_context(|| format!("removing {}", path.display()))
        }
        _ => Ok(()),
    }
}

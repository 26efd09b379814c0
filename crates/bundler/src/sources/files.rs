//! Finding the site's sources on disk: the posts and the pages of their own, each
//! `posts/<name>.md` (`pages/<name>.md`) or a folder `posts/<name>/` with its `index.md` and
//! the files it uses beside it (as Zola's and Hugo's page bundles), and `static/`, whose files
//! are copied to the site's root as they are. Hidden files and folders (`.git`, `.DS_Store`)
//! are never sources.

use std::{
    fs,
    path::{Path, PathBuf},
};

use crate::{problem::Problem, sources::links};

/// The folder of the site that holds the posts.
pub const POSTS_DIR: &str = "posts";

/// The folder of the site that holds the pages of their own (About, Contact).
pub const PAGES_DIR: &str = "pages";

/// The folder of the site whose files are copied to the root of the built site.
pub const STATIC_DIR: &str = "static";

/// The Markdown file of a post that is a folder.
pub const FOLDER_POST_FILE: &str = "index.md";

/// The posts, relative to the site folder, by path: every `posts/*.md` file, and every
/// `posts/*/index.md`.
pub fn post_files(site_dir: &Path) -> Result<Vec<PathBuf>, Problem> {
    markdown_sources(site_dir, POSTS_DIR)
}

/// The pages of their own, as `post_files` finds the posts, in `pages/`; none if there is
/// no such folder.
pub fn page_files(site_dir: &Path) -> Result<Vec<PathBuf>, Problem> {
    match site_dir.join(PAGES_DIR).is_dir() {
        true => markdown_sources(site_dir, PAGES_DIR),
        false => Ok(Vec::new()),
    }
}

fn markdown_sources(site_dir: &Path, dir: &str) -> Result<Vec<PathBuf>, Problem> {
    let folder = site_dir.join(dir);
    let unreadable = |error: std::io::Error| {
        Problem::whole_file(
            dir,
            format!("cannot read the folder {}: {error}", folder.display()),
            format!("create a {dir}/ folder next to site.toml with one Markdown file (or one folder with an index.md) each"),
        )
    };
    if let Some(problem) = links::through_link(site_dir, Path::new(dir)) {
        return Err(problem);
    }
    let mut files = Vec::new();
    for entry in fs::read_dir(&folder).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let name = entry.file_name();
        if is_hidden(&name) {
            continue;
        }
        let path = entry.path();
        let relative = Path::new(dir).join(&name);
        // The kind the folder's listing gives, without a look at each file; a link is
        // followed if it stays inside the site folder (`links`).
        let kind = entry.file_type().map_err(unreadable)?;
        if kind.is_symlink() {
            if let Some(problem) = links::outside(site_dir, &relative) {
                return Err(problem);
            }
        }
        let is_dir = kind.is_dir() || (kind.is_symlink() && path.is_dir());
        if is_dir {
            let index = path.join(FOLDER_POST_FILE);
            match fs::symlink_metadata(&index) {
                Ok(meta) if meta.is_file() => files.push(relative.join(FOLDER_POST_FILE)),
                Ok(meta) if meta.is_symlink() => {
                    let index = relative.join(FOLDER_POST_FILE);
                    if let Some(problem) = links::outside(site_dir, &index) {
                        return Err(problem);
                    }
                    if path.join(FOLDER_POST_FILE).is_file() {
                        files.push(index);
                    }
                }
                _ => {}
            }
        } else if is_markdown(&path) && (kind.is_file() || path.is_file()) {
            files.push(relative);
        }
    }
    files.sort();
    Ok(files)
}

/// The folder of a post or page that is one (`posts/<name>/` for `posts/<name>/index.md`),
/// relative to the site folder; `None` for one that is one file.
pub fn own_folder(file: &Path) -> Option<&Path> {
    let folder = file.parent()?;
    let top = [POSTS_DIR, PAGES_DIR].map(Path::new);
    let is_folder = file.file_name()? == FOLDER_POST_FILE && !top.contains(&folder);
    is_folder.then_some(folder)
}

/// Every file under `folder` (relative to the site folder), relative to `folder`, by path,
/// but its Markdown files: a post folder's images and downloads, or `static/`. A missing
/// folder has none.
pub fn files_under(site_dir: &Path, folder: &Path) -> Result<Vec<PathBuf>, Problem> {
    let root = site_dir.join(folder);
    if !root.is_dir() {
        return Ok(Vec::new());
    }
    if let Some(problem) = links::through_link(site_dir, folder) {
        return Err(problem);
    }
    let mut found = Vec::new();
    // Links are followed (a loop is an error), each checked to stay inside the site folder.
    let walk = walkdir::WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    for entry in walk {
        let entry = entry.map_err(|error| {
            let at = error.path().unwrap_or(&root).display().to_string();
            Problem::whole_file(
                folder,
                format!("cannot read {at}: {error}"),
                "check that the folder and its files are readable",
            )
        })?;
        let path = entry.path();
        if entry.path_is_symlink() && entry.depth() > 0 {
            let relative = folder.join(path.strip_prefix(&root).unwrap_or(path));
            if let Some(problem) = links::outside(site_dir, &relative) {
                return Err(problem);
            }
        }
        if entry.file_type().is_file() && !is_markdown(path) {
            if let Ok(relative) = path.strip_prefix(&root) {
                found.push(relative.to_owned());
            }
        }
    }
    Ok(found)
}

/// A path relative to a folder as a URL path, `/`-separated.
pub fn slashed(path: &Path) -> String {
    path.components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|extension| extension == "md")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_posts_as_files_and_as_folders_and_the_files_beside_them() {
        let dir = tempfile::tempdir().unwrap();
        let posts = dir.path().join(POSTS_DIR);
        for file in [
            "b.md",
            "a/index.md",
            "a/chart.png",
            "a/data/table.csv",
            "a/notes.md",
            "a/.hidden.png",
            "no-index/picture.png",
            ".draft.md",
            "readme.txt",
        ] {
            let path = posts.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        let files = post_files(dir.path()).unwrap();
        assert_eq!(
            files,
            [Path::new("posts/a/index.md"), Path::new("posts/b.md")]
        );
        assert_eq!(own_folder(&files[0]), Some(Path::new("posts/a")));
        assert_eq!(own_folder(&files[1]), None);
        assert_eq!(own_folder(Path::new("posts/index.md")), None);
        assert_eq!(own_folder(Path::new("pages/index.md")), None);
        assert_eq!(
            own_folder(Path::new("pages/about/index.md")),
            Some(Path::new("pages/about"))
        );
        assert!(page_files(dir.path()).unwrap().is_empty());
        let beside = files_under(dir.path(), Path::new("posts/a")).unwrap();
        assert_eq!(
            beside,
            [Path::new("chart.png"), Path::new("data/table.csv")]
        );
        assert_eq!(slashed(&beside[1]), "data/table.csv");
        assert!(files_under(dir.path(), Path::new(STATIC_DIR))
            .unwrap()
            .is_empty());
    }
}

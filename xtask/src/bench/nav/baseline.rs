//! The baseline of `bench nav`: a copy of a built site in which every page has lost its app
//! (`strip::strip_app`), served by a server of its own, so that its links, which are absolute
//! paths of the site, lead to its own pages without the app and each click is a cross-document
//! navigation between the same built pages.

use std::{
    fs,
    path::{Path, PathBuf},
};

use anyhow::{Context, Result};

use crate::{
    bench::{copy_dir, pages::strip::strip_app, time},
    cmd,
};

/// Copies `site` to `baseline` and strips the app from every HTML file there; a page's gzip copy
/// is made again from the stripped page, and a brotli copy removed (nginx then sends the gzip
/// one), so that no compressed copy still holds the app. Returns how many pages were stripped.
pub fn write(root: &Path, site: &Path, baseline: &Path) -> Result<usize> {
    copy_dir(site, baseline)?;
    let mut stripped = 0;
    let mut gzip = Vec::new();
    for page in html_files(baseline)? {
        let html =
            fs::read_to_string(&page).with_context(|| format!("reading {}", page.display()))?;
        let (without, removed) =
            strip_app(&html).with_context(|| format!("reading {}", page.display()))?;
        if removed == 0 {
            continue;
        }
        fs::write(&page, without).with_context(|| format!("writing {}", page.display()))?;
        stripped += 1;
        let brotli = page.with_extension("html.br");
        if brotli.is_file() {
            fs::remove_file(&brotli).with_context(|| format!("removing {}", brotli.display()))?;
        }
        if page.with_extension("html.gz").is_file() {
            gzip.push(page);
        }
    }
    // A few hundred files a gzip, rather than a process each, and not printed.
    for pages in gzip.chunks(200) {
        time(
            cmd::command(root, "gzip")
                .args(["-9", "-n", "-k", "-f"])
                .args(pages),
        )?;
    }
    Ok(stripped)
}

/// Every `.html` file under `dir`.
fn html_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let (mut found, mut folders) = (Vec::new(), vec![dir.to_owned()]);
    while let Some(folder) = folders.pop() {
        for entry in
            fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))?
        {
            let path = entry
                .with_context(|| format!("reading {}", folder.display()))?
                .path();
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_some_and(|extension| extension == "html")
            {
                found.push(path);
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_every_page_and_makes_its_gzip_copy_again() {
        let site = tempfile::tempdir().unwrap();
        let page =
            "<html><head><script src=\"/app.js\"></script></head><body><h1>A</h1></body></html>";
        let post = site.path().join("posts/a");
        fs::create_dir_all(&post).unwrap();
        for dir in [site.path(), post.as_path()] {
            fs::write(dir.join("index.html"), page).unwrap();
        }
        fs::write(post.join("index.html.gz"), "stale").unwrap();
        fs::write(post.join("index.html.br"), "stale").unwrap();
        fs::write(site.path().join("app.js"), "<script>").unwrap();
        let out = tempfile::tempdir().unwrap();
        let baseline = out.path().join("baseline");
        assert_eq!(write(Path::new("."), site.path(), &baseline).unwrap(), 2);
        let expected = "<html><head></head><body><h1>A</h1></body></html>";
        let read = |path: &str| fs::read_to_string(baseline.join(path)).unwrap();
        assert_eq!(read("index.html"), expected);
        assert_eq!(read("posts/a/index.html"), expected);
        assert_eq!(read("app.js"), "<script>");
        assert!(!baseline.join("posts/a/index.html.br").exists());
        let gunzip = std::process::Command::new("gzip")
            .args(["-dc"])
            .arg(baseline.join("posts/a/index.html.gz"))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&gunzip.stdout), expected);
        assert!(!baseline.join("index.html.gz").exists());
    }
}

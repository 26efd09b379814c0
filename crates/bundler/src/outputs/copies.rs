//! The files a build copies as they are: those beside each post or page that is a folder,
//! under its address (`posts/<name>/chart.png` at `/posts/<slug>/chart.png`), and those of
//! `static/` at the site's root. None may take the path of a file the build makes, a page, or
//! another copy; none beside a post may be a page or a script the site does not trust.

use std::{
    collections::{btree_map::Entry, BTreeMap},
    path::{Path, PathBuf},
};

use crate::{
    outputs::active_content::refused,
    outputs::documents::Files,
    outputs::site_pages::SitePage,
    problem::Problem,
    sources::files::{files_under, own_folder, slashed, STATIC_DIR},
};

/// A file to copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copy {
    /// Relative to the site folder.
    pub source: PathBuf,
}

/// The index.html trunk writes at the root, which no copy may take.
const APP_PAGE: &str = "index.html";

/// Every file to copy, by its path in the output, for the published posts and pages, each
/// given by its source file and its address. Unless the site trusts its authors
/// (`trusted_html`), a page or script beside a post is a problem (`active_content`).
pub fn copies<'a>(
    site_dir: &Path,
    documents: impl Iterator<Item = (&'a Path, String)>,
    trusted_html: bool,
) -> Result<BTreeMap<String, Copy>, Vec<Problem>> {
    let folders = documents.filter_map(|(file, address)| {
        let folder = own_folder(file)?;
        Some((
            folder.to_owned(),
            address.trim_start_matches('/').to_owned(),
        ))
    });
    let static_dir = PathBuf::from(STATIC_DIR);
    let sources = folders.chain([(static_dir.clone(), String::new())]);
    let mut copies = BTreeMap::new();
    let mut problems = Vec::new();
    for (folder, under) in sources {
        let found = match files_under(site_dir, &folder) {
            Ok(found) => found,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let checked = !trusted_html && folder != static_dir;
        for file in found {
            let to = format!("{under}{}", slashed(&file));
            let source = folder.join(&file);
            let bytes = || std::fs::read(site_dir.join(&source));
            if let Some(why) = checked.then(|| refused(&to, bytes)).flatten() {
                problems.push(Problem::whole_file(
                    &source,
                    format!("{why}: the site does not trust its authors' code"),
                    "move it into static/ to publish it on purpose (everything there is served as the site's own), \
                     or set trusted_html = true in site.toml if every author may run code on the site",
                ));
                continue;
            }
            match copies.entry(to) {
                Entry::Vacant(entry) => {
                    entry.insert(Copy { source });
                }
                Entry::Occupied(entry) => problems.push(taken(
                    &source,
                    entry.key(),
                    &format!("the copy of {}", slashed(&entry.get().source)),
                )),
            }
        }
    }
    match problems.is_empty() {
        true => Ok(copies),
        false => Err(problems),
    }
}

/// Checks that no copy takes the path of a file the build makes or of a page.
pub fn check_paths(
    copies: &BTreeMap<String, Copy>,
    files: &Files,
    pages: &[SitePage],
) -> Result<(), Vec<Problem>> {
    let page_files: BTreeMap<String, &SitePage> =
        pages.iter().map(|page| (page.file(), page)).collect();
    let problems: Vec<Problem> = copies
        .iter()
        .filter_map(|(to, copy)| {
            let what = if files.contains_key(to) {
                "a file the build makes".to_owned()
            } else if let Some(page) = page_files.get(to) {
                format!("the page {}", page.path)
            } else if to == APP_PAGE {
                "the app's page".to_owned()
            } else {
                return None;
            };
            Some(taken(&copy.source, to, &what))
        })
        .collect();
    match problems.is_empty() {
        true => Ok(()),
        false => Err(problems),
    }
}

fn taken(source: &Path, to: &str, what: &str) -> Problem {
    Problem::whole_file(
        source,
        format!("this file would be copied to {to}, which is {what}"),
        "rename or move the file",
    )
}

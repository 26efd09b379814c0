//! The pages that lead from the posts' old addresses (`front_matter::aliases`) to the posts,
//! each checked against every page of the site, every copied file and every other alias,
//! ignoring ASCII case: nginx's map compares its keys so, and an alias that differs from a
//! page's address only in case would send that page to itself for ever.

use std::collections::{HashMap, HashSet};

use folio_content::{pages, Site};

use crate::{
    outputs::site_pages::{Kind, SitePage},
    post::Post,
    problem::{Place, Problem},
};

/// The page list's entries for the aliases of `posts`: each a page that leads to its post. An
/// alias that is, in any letter case, the address of a page of `site_pages`, of a file of
/// `copied` (paths in the output), or of another alias, is a problem at the alias; the posts
/// are taken in file name order, as their problems are reported.
pub fn redirect_pages(
    site: &Site,
    site_pages: &[SitePage],
    copied: &[&str],
    posts: &[Post],
) -> Result<Vec<SitePage>, Vec<Problem>> {
    if posts.iter().all(|post| post.aliases.is_empty()) {
        return Ok(Vec::new());
    }
    let pages = site_pages.iter().map(|page| {
        let what = format!("the address of the page {}", page.path);
        (page.file().to_ascii_lowercase(), what)
    });
    let copies = copied.iter().map(|file| {
        (
            file.to_ascii_lowercase(),
            format!("the copied file /{file}"),
        )
    });
    let mut taken: HashMap<String, String> = pages.chain(copies).collect();
    let mut problems = Vec::new();
    let mut redirects = Vec::new();
    let mut by_file: Vec<&Post> = posts.iter().collect();
    by_file.sort_by(|a, b| a.file.cmp(&b.file));
    for post in by_file {
        let target = pages::post(&post.summary.slug);
        for alias in &post.aliases {
            let at = Place {
                file: post.file.clone(),
                line: alias.line,
                column: alias.column,
            };
            let kind = Kind::Redirect {
                to: target.clone(),
                at: at.clone(),
            };
            let title = Some(post.summary.title.clone());
            let page = SitePage::new(site, alias.path.clone(), kind, title);
            // A folder's address is redirected without its last `/` too (`redirect_keys`).
            let keys = redirect_keys(&page);
            if let Some(other) = keys.iter().find_map(|key| taken.get(key)) {
                let message = format!("the alias \"{}\" is already {other}", alias.path);
                problems.push(at.problem(message, HELP));
                continue;
            }
            let what = format!("an alias of {target} in {}", post.file.display());
            taken.extend(keys.into_iter().map(|key| (key, what.clone())));
            redirects.push(page);
        }
    }
    match problems.is_empty() {
        true => Ok(redirects),
        false => Err(problems),
    }
}

/// Checks the aliases among `pages` against every file the build writes (`planned`, paths in
/// the output), ignoring case: the app's hashed files, the host files and anything else that is
/// only known once the app is built. `redirect_pages` has compared them with the pages, the
/// copies and each other already, with the same keys.
pub fn check_against_planned(pages: &[SitePage], planned: &[&str]) -> Result<(), Vec<Problem>> {
    let is_alias = |page: &SitePage| matches!(page.kind, Kind::Redirect { .. });
    if !pages.iter().any(is_alias) {
        return Ok(());
    }
    let exact: HashSet<&str> = planned.iter().copied().collect();
    let mut lower: HashMap<String, (&str, usize)> = HashMap::with_capacity(planned.len());
    for path in planned {
        lower
            .entry(path.to_ascii_lowercase())
            .or_insert((path, 0))
            .1 += 1;
    }
    let mut problems = Vec::new();
    for page in pages {
        let Kind::Redirect { at, .. } = &page.kind else {
            continue;
        };
        let own_file = page.file();
        for key in redirect_keys(page) {
            let own = usize::from(
                key == own_file.to_ascii_lowercase() && exact.contains(own_file.as_str()),
            );
            if let Some((path, _)) = lower.get(&key).filter(|(_, count)| *count > own) {
                let message = format!(
                    "the alias \"{}\" is already the file /{path} the build writes",
                    page.path
                );
                problems.push(at.problem(message, HELP));
            }
        }
    }
    match problems.is_empty() {
        true => Ok(()),
        false => Err(problems),
    }
}

/// How to mend an alias that clashes.
const HELP: &str =
    "remove it, or give another old address (addresses are compared ignoring letter case, as nginx compares them)";

/// What an alias's page takes, in lower case: its file and, for a folder's address, the
/// address without its last `/`, which nginx's map and `_redirects` redirect too.
pub fn redirect_keys(page: &SitePage) -> Vec<String> {
    let mut keys = vec![page.file().to_ascii_lowercase()];
    if page.path.ends_with('/') {
        keys.push(page.path.trim_matches('/').to_ascii_lowercase());
    }
    keys
}

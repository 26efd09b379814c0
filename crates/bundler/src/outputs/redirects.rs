//! The pages that lead from the posts' old addresses (`front_matter::aliases`) to the posts,
//! each checked against every page of the site, every copied file and every other alias,
//! ignoring ASCII case: nginx's map compares its keys so, and an alias that differs from a
//! page's address only in case would send that page to itself for ever.

use std::collections::{hash_map::Entry, HashMap};

use folio_content::{pages, Site};

use crate::{
    front_matter::aliases::Alias,
    outputs::site_pages::{PageKind, SitePage},
    post::Post,
    problem::Problem,
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
            let kind = PageKind::Redirect { to: target.clone() };
            let title = Some(post.summary.title.clone());
            let page = SitePage::new(site, alias.path.clone(), kind, title);
            // A folder's address without its last `/` is redirected too: no copy may have it.
            let bare = alias.path.trim_matches('/').to_ascii_lowercase();
            if let Some(other) = taken.get(&bare).filter(|_| alias.path.ends_with('/')) {
                problems.push(clash(post, alias, other));
                continue;
            }
            match taken.entry(page.file().to_ascii_lowercase()) {
                Entry::Occupied(other) => problems.push(clash(post, alias, other.get())),
                Entry::Vacant(free) => {
                    free.insert(format!("an alias of {target} in {}", post.file.display()));
                    redirects.push(page);
                }
            }
        }
    }
    match problems.is_empty() {
        true => Ok(redirects),
        false => Err(problems),
    }
}

/// The problem of an alias whose address is `other`'s, at the alias.
fn clash(post: &Post, alias: &Alias, other: &str) -> Problem {
    Problem {
        file: post.file.clone(),
        line: alias.line,
        column: alias.column,
        message: format!("the alias \"{}\" is already {other}", alias.path),
        help: "remove it, or give another old address (addresses are compared ignoring letter \
               case, as nginx compares them)"
            .to_owned(),
    }
}

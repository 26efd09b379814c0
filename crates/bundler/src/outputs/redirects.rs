//! The pages that lead from the posts' old addresses (`front_matter::aliases`) to the posts,
//! each checked against every page of the site and every other alias.

use std::collections::{hash_map::Entry, HashMap};

use folio_content::{pages, Site};

use crate::{
    outputs::site_pages::{PageKind, SitePage},
    post::Post,
    problem::Problem,
};

/// The page list's entries for the aliases of `posts`: each a page that leads to its post. An
/// alias that is the address of a page of `site_pages`, or of another alias, is a problem, at
/// the alias; the posts are taken in file name order, as their problems are reported.
pub fn redirect_pages(
    site: &Site,
    site_pages: &[SitePage],
    posts: &[Post],
) -> Result<Vec<SitePage>, Vec<Problem>> {
    let mut taken: HashMap<String, String> = site_pages
        .iter()
        .map(|page| {
            (
                page.file(),
                format!("the address of the page {}", page.path),
            )
        })
        .collect();
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
            match taken.entry(page.file()) {
                Entry::Occupied(other) => problems.push(Problem {
                    file: post.file.clone(),
                    line: alias.line,
                    column: alias.column,
                    message: format!("the alias \"{}\" is already {}", alias.path, other.get()),
                    help: "remove it, or give another old address".to_owned(),
                }),
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

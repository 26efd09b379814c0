//! Whether each path the menu names (`config::menu`) is one of the site's pages, once the page
//! list is made.

use std::path::Path;

use crate::{
    config::menu::MenuEntry, names::SITE_FILE, outputs::site_pages::SitePage, problem::Problem,
    suggest::closest,
};

/// Checks that every path the menu names is one of `pages`.
pub fn check_targets(menu: &[MenuEntry], pages: &[SitePage]) -> Vec<Problem> {
    let paths: Vec<&str> = pages
        .iter()
        .filter(|page| page.in_sitemap())
        .map(|page| page.path.as_str())
        .collect();
    menu.iter()
        .filter(|entry| entry.item.1.starts_with('/') && !paths.contains(&entry.item.1.as_str()))
        .map(|entry| {
            let target = &entry.item.1;
            let help = match closest(target, &paths) {
                Some(near) => format!("did you mean \"{near}\"?"),
                None => "name one of the site's pages, e.g. \"/archive/\", or a page of pages/ by its address, e.g. \"/about/\"".to_owned(),
            };
            Problem {
                file: Path::new(SITE_FILE).to_owned(),
                line: entry.line,
                column: entry.column,
                message: format!("the menu target \"{target}\" is no page of the site"),
                help,
            }
        })
        .collect()
}

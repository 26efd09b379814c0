//! Links to the site's own posts and files: the bundler resolved each relative target of a post
//! (`earlier-post.md#why`, `chart.png`) to its path on the site (`LocalLink`); here the renderer
//! writes that path under the site's root, which is `/blog/` for a page under a base path and
//! the whole address in a feed.

use pulldown_cmark::CowStr;

use crate::LocalLink;

/// `dest` as the page links it: the resolved path under `site_root` if the bundler resolved
/// it, otherwise as written.
pub fn resolve<'a>(dest: CowStr<'a>, links: &[LocalLink], site_root: &str) -> CowStr<'a> {
    match find(&dest, links) {
        Some(link) => CowStr::from(rooted(link.to(), site_root)),
        None => dest,
    }
}

/// What the bundler resolved `dest` to, if it did.
pub fn find<'l>(dest: &str, links: &'l [LocalLink]) -> Option<&'l LocalLink> {
    links.iter().find(|link| link.written() == dest)
}

/// A path from the site's root (`/posts/a/`) under `site_root` (`/blog/`).
pub fn rooted(to: &str, site_root: &str) -> String {
    format!("{site_root}{}", to.trim_start_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolved_targets_go_under_the_site_root_and_others_stay() {
        let links = [LocalLink::new("other.md#why", "/posts/other/#why")];
        let at = |dest: &'static str, root| resolve(CowStr::from(dest), &links, root).to_string();
        assert_eq!(at("other.md#why", "/blog/"), "/blog/posts/other/#why");
        assert_eq!(
            at("other.md#why", "https://x.org/"),
            "https://x.org/posts/other/#why"
        );
        assert_eq!(at("other.md", "/"), "other.md");
    }
}

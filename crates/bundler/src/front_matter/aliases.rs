//! A post's old addresses (front matter `aliases = ["/2015/10/old-name/"]`), so that a renamed
//! or moved post keeps its links: each becomes a 301 in `_redirects` and in nginx's map, and a
//! page at the old path that sends the reader on, for hosts without redirects. Read here;
//! checked against every address the site serves and every other alias, ignoring ASCII case as
//! nginx's map does, in `outputs::redirects`.

use folio_content::{pages, paths};

use crate::names::{
    HEADERS_FILE, NGINX_CACHE_FILE, NGINX_REDIRECTS_FILE, OLD_FEED_ADDRESSES, REDIRECTS_FILE,
};

/// An old address of a post, as the front matter gives it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Alias {
    /// The address within the site: `/old/path/` for a folder, `/old.html` for a file.
    pub path: String,
    /// Where the front matter says it, for a problem with it.
    pub line: usize,
    pub column: usize,
}

/// The files and folders at the site's root that the build writes, which no alias may take
/// (with the old feed addresses of `OLD_FEED_ADDRESSES`), in any letter case.
const RESERVED: &[&str] = &[
    "data",
    "index.html",
    pages::NOT_FOUND_FILE,
    paths::FEED,
    paths::JSON_FEED,
    paths::SITEMAP,
    paths::ROBOTS,
    HEADERS_FILE,
    REDIRECTS_FILE,
    NGINX_REDIRECTS_FILE,
    NGINX_CACHE_FILE,
];

/// Characters that some host reads as a pattern, a flag or syntax in its redirect rules.
const PATTERN_CHARACTERS: [char; 8] = ['*', ':', '!', '$', ';', '{', '}', '\''];

/// The address an alias names, from `text` as written: a path on this site, with or without
/// its first and last `/`. A last part ending in `.html` or `.htm` names a file; anything else
/// a folder, `/old/path/`. The error is how to fix it.
pub fn alias_path(text: &str) -> Result<String, String> {
    let example = "write the old address's path on this site, e.g. \"/2015/10/old-name/\"";
    if text.contains("://") || text.starts_with("//") {
        return Err(format!("{example}, without the scheme and host"));
    }
    if let Some(bad) = text.chars().find(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '\\' | '%' | '"' | '<' | '>')
    }) {
        return Err(format!(
            "{example}: {bad:?} cannot be part of a file's path (no query, fragment, escape or space)"
        ));
    }
    if let Some(bad) = text.chars().find(|c| PATTERN_CHARACTERS.contains(c)) {
        return Err(format!(
            "{example}: {bad:?} would not mean the same on every host (Netlify and Cloudflare read \
             `*` as any text, `:name` as a placeholder and `!` as a flag; nginx's configuration \
             gives `$ ; {{ }} '` meanings of their own), so leave it out of the old address"
        ));
    }
    let inner = text.trim_start_matches('/');
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    let parts: Vec<&str> = inner.split('/').collect();
    if inner.is_empty() || parts.iter().any(|part| matches!(*part, "" | "." | "..")) {
        return Err(format!(
            "{example}: not the home page, no empty part, \".\" or \"..\""
        ));
    }
    let is = |name: &&str| name.trim_end_matches('/').eq_ignore_ascii_case(parts[0]);
    let old_feed = parts.len() == 1 && OLD_FEED_ADDRESSES.iter().any(is);
    if RESERVED.iter().any(is) || old_feed {
        return Err(format!(
            "{example}: \"{}\" is one of the files the build writes",
            parts[0]
        ));
    }
    let file = !text.ends_with('/')
        && parts
            .last()
            .is_some_and(|last| last.ends_with(".html") || last.ends_with(".htm"));
    Ok(match file {
        true => format!("/{inner}"),
        false => format!("/{inner}/"),
    })
}

/// The file an alias's page is written to, relative to the site's root.
pub fn alias_file(path: &str) -> String {
    match path.ends_with('/') {
        true => pages::file(path),
        false => path.trim_start_matches('/').to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alias_names_a_folder_or_an_html_file_on_the_site() {
        assert_eq!(
            alias_path("/2015/10/old-name/").unwrap(),
            "/2015/10/old-name/"
        );
        assert_eq!(
            alias_path("2015/10/old-name").unwrap(),
            "/2015/10/old-name/"
        );
        assert_eq!(alias_path("/blog/old.html").unwrap(), "/blog/old.html");
        assert_eq!(alias_path("/old.htm/").unwrap(), "/old.htm/");
        assert_eq!(alias_path("/über-uns").unwrap(), "/über-uns/");
        assert_eq!(alias_file("/2015/old/"), "2015/old/index.html");
        assert_eq!(alias_file("/blog/old.html"), "blog/old.html");
    }

    #[test]
    fn an_alias_that_is_no_path_on_the_site_says_how_to_write_one() {
        for bad in [
            "",
            "/",
            "https://example.org/old/",
            "//example.org/old",
            "/a//b",
            "/a/../b",
            "/a/./b",
            "/old?id=1",
            "/old#top",
            "/old page",
            "/old%20page",
            "/data/posts/x.json",
            "/feed.xml",
            "/_redirects.map",
            "/DATA/posts/x.json",
            "/Feed.XML",
            "/atom.xml",
            "/RSS/",
            "/old/*",
            "/old/:year/",
            "/old!",
            "/old/$uri/",
            "/old;rewrite",
            "/old{1}",
            "/it's/",
        ] {
            let help = alias_path(bad).unwrap_err();
            assert!(help.contains("/2015/10/old-name/"), "{bad}: {help}");
        }
    }
}

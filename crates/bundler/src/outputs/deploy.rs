//! The rules a host serves the site with, defined once: the Content-Security-Policy and the other
//! security headers, and the cache rules. `_headers` (Netlify, Cloudflare Pages) and
//! `_redirects` are written from them; every page carries the policy in a `<meta>` tag too; and
//! `deploy/nginx.conf` states the same headers (a test compares the two) and includes the
//! redirects of the posts' old addresses from `_redirects.map` and the hashed files' cache rule
//! from `_immutable.map`.

use crate::{
    names::OLD_FEED_ADDRESSES,
    outputs::site_pages::{Kind, SitePage},
};

/// The policy, before the hashes of the page's inline scripts are added to `script-src`. Scripts
/// and styles only from the site itself (no inline code, no `eval`; WebAssembly may compile),
/// images also from any https address or a `data:` URL (posts may show them).
const POLICY: [(&str, &str); 13] = [
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' https: data:"),
    ("media-src", "'self' https:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    // The service worker for reading offline, and the web app manifest (`offline`).
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
];

/// Directives a `<meta>` policy cannot carry: browsers ignore them there, and say so.
const HEADER_ONLY: [&str; 1] = ["frame-ancestors"];

/// The Content-Security-Policy, with `script_hashes` (`'sha256-…'`) allowed as inline scripts.
pub fn content_security_policy(script_hashes: &[String]) -> String {
    policy(script_hashes, |_| true)
}

/// The same policy for a `<meta http-equiv>` tag: without what only a header can say.
pub fn meta_policy(script_hashes: &[String]) -> String {
    policy(script_hashes, |directive| !HEADER_ONLY.contains(&directive))
}

fn policy(script_hashes: &[String], keep: impl Fn(&str) -> bool) -> String {
    POLICY
        .iter()
        .filter(|(directive, _)| keep(directive))
        .map(|(directive, sources)| {
            let mut sources = sources.to_string();
            if *directive == "script-src" {
                for hash in script_hashes {
                    sources.push(' ');
                    sources.push_str(hash);
                }
            }
            format!("{directive} {sources}")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The headers every answer carries, the policy first.
pub fn security_headers(script_hashes: &[String]) -> Vec<(&'static str, String)> {
    vec![
        (
            "Content-Security-Policy",
            content_security_policy(script_hashes),
        ),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        (
            "Referrer-Policy",
            "strict-origin-when-cross-origin".to_owned(),
        ),
        (
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
                .to_owned(),
        ),
    ]
}

/// How long a file whose name carries its content's hash may be kept: a year, unchanged.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `_headers` for a site under `base_path` (`/` or `/blog/`): the security headers on every
/// address, and a year for each of `hashed_files` (paths relative to the site's root). Both
/// hosts revalidate everything else by default; a `Cache-Control` on every address would be
/// joined to the hashed files' own.
pub fn headers_file(base_path: &str, script_hashes: &[String], hashed_files: &[String]) -> String {
    let mut out = format!("{base_path}*\n");
    for (name, value) in security_headers(script_hashes) {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    for file in hashed_files {
        out.push_str(&format!(
            "\n{base_path}{file}\n  Cache-Control: {IMMUTABLE}\n"
        ));
    }
    out
}

/// The entries of nginx's cache map: a year for each of `hashed_files` (the list `_headers`
/// has), under `base_path`; every other address is revalidated (the map's default).
pub fn nginx_immutable(base_path: &str, hashed_files: &[String]) -> String {
    hashed_files
        .iter()
        .map(|file| format!("\"{base_path}{file}\" \"{IMMUTABLE}\";\n"))
        .collect()
}

/// `_redirects`: the feed addresses other engines use, to Folio's feed, and each post's old
/// addresses (`Kind::Redirect` in `pages`) to the post, all with 301.
pub fn redirects_file(base_path: &str, feed: &str, pages: &[SitePage]) -> String {
    let feeds = OLD_FEED_ADDRESSES
        .iter()
        .map(|old| format!("{base_path}{old} {base_path}{feed} 301\n"));
    let aliases = redirects(base_path, pages).map(|(from, to)| format!("{from} {to} 301\n"));
    feeds.chain(aliases).collect()
}

/// The entries of nginx's redirect map: each old address of a post to the post, quoted (no
/// alias holds a `"` or a `\\`, and every key starts with `/`, never `~`, so none is a regex).
pub fn nginx_redirects(base_path: &str, pages: &[SitePage]) -> String {
    redirects(base_path, pages)
        .map(|(from, to)| format!("\"{from}\" \"{to}\";\n"))
        .collect()
}

/// Each old address (a folder's with and without its last `/`) and where it leads, under
/// `base_path`.
fn redirects<'a>(
    base_path: &'a str,
    pages: &'a [SitePage],
) -> impl Iterator<Item = (String, String)> + 'a {
    pages.iter().flat_map(move |page| {
        let Kind::Redirect { to, .. } = &page.kind else {
            return Vec::new();
        };
        let to = format!("{base_path}{}", to.trim_start_matches('/'));
        let from = format!("{base_path}{}", page.path.trim_start_matches('/'));
        let mut pairs = vec![(from.clone(), to.clone())];
        if let Some(bare) = from.strip_suffix('/') {
            pairs.push((bare.to_owned(), to));
        }
        pairs
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_forbids_inline_code_but_allows_hashed_scripts() {
        let policy = content_security_policy(&["'sha256-abc='".to_owned()]);
        assert!(policy.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; style-src 'self';"), "{policy}");
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        assert!(policy.contains("frame-ancestors 'none'"));
        let meta = meta_policy(&[]);
        assert!(!meta.contains("frame-ancestors"), "{meta}");
    }

    #[test]
    fn hashed_files_are_kept_for_a_year() {
        let headers = headers_file("/blog/", &[], &["app-0123456789abcdef.js".to_owned()]);
        assert!(
            headers.starts_with("/blog/*\n  Content-Security-Policy: default-src 'self';"),
            "{headers}"
        );
        assert_eq!(headers.matches("Cache-Control").count(), 1, "{headers}");
        assert!(headers.ends_with(
            "\n/blog/app-0123456789abcdef.js\n  Cache-Control: public, max-age=31536000, immutable\n"
        ), "{headers}");
    }

    #[test]
    fn old_feed_addresses_redirect_to_the_feed() {
        let redirects = redirects_file("/", "feed.xml", &[]);
        assert!(
            redirects.starts_with("/atom.xml /feed.xml 301\n"),
            "{redirects}"
        );
        assert_eq!(redirects.lines().count(), 6);
    }

    #[test]
    fn old_addresses_of_posts_redirect_to_them_for_netlify_and_nginx() {
        let site = folio_content::Site {
            format: folio_content::FORMAT_VERSION,
            title: "T".into(),
            description: String::new(),
            language: "en".into(),
            base_url: "https://x.org/blog/".into(),
            contact: None,
            trusted_html: false,
            posts_per_page: 10,
            menu: Vec::new(),
            search: true,
            offline: true,
        };
        let page = |path: &str| {
            let to = "/posts/new/".to_owned();
            let at = crate::problem::Place {
                file: "posts/new.md".into(),
                line: 4,
                column: 12,
            };
            SitePage::new(&site, path.to_owned(), Kind::Redirect { to, at }, None)
        };
        let pages = [page("/2015/10/old/"), page("/old.html")];
        let redirects = redirects_file("/blog/", "feed.xml", &pages);
        assert!(
            redirects.ends_with(
                "/blog/2015/10/old/ /blog/posts/new/ 301\n/blog/2015/10/old /blog/posts/new/ 301\n\
             /blog/old.html /blog/posts/new/ 301\n"
            ),
            "{redirects}"
        );
        assert_eq!(
            nginx_redirects("/blog/", &pages),
            "\"/blog/2015/10/old/\" \"/blog/posts/new/\";\n\"/blog/2015/10/old\" \"/blog/posts/new/\";\n\
             \"/blog/old.html\" \"/blog/posts/new/\";\n"
        );
    }
}

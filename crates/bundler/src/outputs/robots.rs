//! `robots.txt`: every crawler may read every page, and is pointed at the sitemap.

use folio_content::paths;

/// The rules for a site at `base_url` (ending in `/`).
pub fn robots(base_url: &str) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {base_url}{}\n",
        paths::SITEMAP
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_all_and_names_the_sitemap() {
        assert_eq!(
            robots("https://x.org/"),
            "User-agent: *\nAllow: /\n\nSitemap: https://x.org/sitemap.xml\n"
        );
    }
}

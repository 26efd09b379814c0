//! The page at a post's old address (front matter `aliases`), for hosts that have no
//! redirects (GitHub Pages, S3 website hosting): it sends the reader on at once, tells search
//! engines where the post lives now, and links there for a browser that does not follow.

use folio_content::{pages::absolute, Site};
use quick_xml::escape::escape;

use crate::outputs::site_pages::SitePage;

/// The HTML of `page`, an old address of the post at `to`, on a site whose public path is
/// `base_path`.
pub fn redirect_page(site: &Site, base_path: &str, page: &SitePage, to: &str) -> String {
    let target = format!("{base_path}{}", to.trim_start_matches('/'));
    let canonical = absolute(&site.base_url, to);
    let title = page.page_title.as_deref().unwrap_or(&site.title);
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{document_title}</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n<body>\n\
         <p>This post has moved to <a href=\"{target}\">{title}</a>.</p>\n</body>\n</html>\n",
        lang = escape(site.language.as_str()),
        document_title = escape(page.title.as_str()),
        canonical = escape(canonical.as_str()),
        target = escape(target.as_str()),
        title = escape(title),
    )
}

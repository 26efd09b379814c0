//! `sitemap.xml`: the address of every page of the site in the one page list, for search
//! engines, with the date each post last changed.

use std::io;

use quick_xml::{
    events::{BytesDecl, BytesText, Event},
    Writer,
};

use crate::outputs::site_pages::{absolute, SitePage};

/// The sitemap protocol's namespace.
const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The sitemap of the site at `base_url` (ending in `/`): every page of `pages` that search
/// engines are told of, in order.
pub fn sitemap(base_url: &str, pages: &[SitePage]) -> io::Result<Vec<u8>> {
    let urls = pages.iter().filter(|page| page.in_sitemap()).map(|page| {
        let lastmod = page.modified.max(page.published);
        (absolute(base_url, &page.path), lastmod)
    });
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("urlset")
        .with_attribute(("xmlns", NAMESPACE))
        .write_inner_content(|writer| {
            for (loc, lastmod) in urls {
                writer.create_element("url").write_inner_content(|writer| {
                    writer
                        .create_element("loc")
                        .write_text_content(BytesText::new(&loc))?;
                    if let Some(date) = lastmod {
                        writer
                            .create_element("lastmod")
                            .write_text_content(BytesText::new(&date.to_string()))?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_content::{pages::PageKind, Site, Slug, FORMAT_VERSION};

    fn site(base_url: &str) -> Site {
        Site {
            format: FORMAT_VERSION,
            title: "T".into(),
            description: "D".into(),
            language: "en".into(),
            base_url: base_url.into(),
            contact: None,
            trusted_html: false,
            posts_per_page: 10,
            menu: Vec::new(),
            search: true,
            offline: true,
        }
    }

    fn locs(xml: &str) -> Vec<&str> {
        xml.split("<loc>")
            .skip(1)
            .filter_map(|rest| rest.split("</loc>").next())
            .collect()
    }

    #[test]
    fn lists_every_page_but_not_found_with_absolute_addresses() {
        let site = site("https://x.org/blog/");
        let slug = Slug::derive("b").unwrap();
        let mut post = SitePage::routed(&site, PageKind::Post(slug), "B");
        post.published = Some("2021-01-01".parse().unwrap());
        post.modified = Some("2022-02-02".parse().unwrap());
        let pages = [
            SitePage::routed(&site, PageKind::Home(1), ""),
            post,
            SitePage::routed(&site, PageKind::Archive, ""),
            SitePage::not_found(&site),
        ];
        let xml = String::from_utf8(sitemap(&site.base_url, &pages).unwrap()).unwrap();
        assert_eq!(
            locs(&xml),
            [
                "https://x.org/blog/",
                "https://x.org/blog/posts/b/",
                "https://x.org/blog/archive/"
            ]
        );
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"), "{xml}");
        assert!(
            xml.contains(
                "<loc>https://x.org/blog/posts/b/</loc>\n    <lastmod>2022-02-02</lastmod>"
            ),
            "{xml}"
        );
        assert_eq!(xml.matches("<lastmod>").count(), 1, "{xml}");
    }

    #[test]
    fn escapes_what_xml_needs_escaped() {
        let site = site("https://x.org/?a=1&b=<2>/");
        let pages = [SitePage::routed(&site, PageKind::Home(1), "")];
        let xml = String::from_utf8(sitemap(&site.base_url, &pages).unwrap()).unwrap();
        assert!(
            xml.contains("<loc>https://x.org/?a=1&amp;b=&lt;2&gt;/</loc>"),
            "{xml}"
        );
    }
}

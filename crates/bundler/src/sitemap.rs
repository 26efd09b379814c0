//! `sitemap.xml`: the address of every page of the site, for search engines, with the date each
//! post last changed.

use std::io;

use folio_content::{pages as paths, Date, PostSummary, Slug};
use quick_xml::{
    events::{BytesDecl, BytesText, Event},
    Writer,
};

/// The sitemap protocol's namespace.
const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// What the site has pages for.
#[derive(Clone, Copy, Debug)]
pub struct Pages<'a> {
    /// The site's address, ending in `/`.
    pub base_url: &'a str,
    /// How many pages the home listing has.
    pub home_pages: u32,
    /// Every published post.
    pub posts: &'a [&'a PostSummary],
    /// Every tag's slug.
    pub tags: &'a [&'a Slug],
    /// Every author's slug.
    pub authors: &'a [&'a Slug],
}

/// The address of the page at `path` (from `folio_content::pages`) on the site at `base_url`.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{base_url}{}", path.trim_start_matches('/'))
}

/// The sitemap of `pages`: home, its later pages, each post, the tags, each tag, the archive and
/// each author.
pub fn sitemap(pages: &Pages<'_>) -> io::Result<Vec<u8>> {
    let at = |path: String| absolute(pages.base_url, &path);
    let mut urls: Vec<(String, Option<Date>)> = vec![(at(paths::home(1)), None)];
    urls.extend((2..=pages.home_pages).map(|page| (at(paths::home(page)), None)));
    urls.extend(pages.posts.iter().map(|post| {
        let lastmod = post.updated.unwrap_or(post.date).max(post.date);
        (at(paths::post(&post.slug)), Some(lastmod))
    }));
    urls.push((at(paths::TAGS.to_owned()), None));
    urls.extend(pages.tags.iter().map(|tag| (at(paths::tag(tag, 1)), None)));
    urls.push((at(paths::ARCHIVE.to_owned()), None));
    urls.extend(
        pages
            .authors
            .iter()
            .map(|author| (at(paths::author(author, 1)), None)),
    );

    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("urlset")
        .with_attribute(("xmlns", NAMESPACE))
        .write_inner_content(|writer| {
            for (loc, lastmod) in &urls {
                writer.create_element("url").write_inner_content(|writer| {
                    writer
                        .create_element("loc")
                        .write_text_content(BytesText::new(loc))?;
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

    fn post(slug: &str, date: &str, updated: Option<&str>) -> PostSummary {
        PostSummary {
            slug: Slug::derive(slug).unwrap(),
            title: slug.into(),
            date: date.parse().unwrap(),
            updated: updated.map(|u| u.parse().unwrap()),
            authors: vec![],
            summary: String::new(),
            tags: vec![],
            reading_minutes: 1,
            draft: false,
        }
    }

    #[test]
    fn lists_every_page_with_absolute_addresses() {
        let posts = [
            post("b", "2021-01-01", Some("2022-02-02")),
            post("a", "2020-01-01", None),
        ];
        let refs: Vec<_> = posts.iter().collect();
        let tag = Slug::derive("notes").unwrap();
        let author = Slug::derive("ada").unwrap();
        let xml = sitemap(&Pages {
            base_url: "https://x.org/blog/",
            home_pages: 3,
            posts: &refs,
            tags: &[&tag],
            authors: &[&author],
        })
        .unwrap();
        let xml = String::from_utf8(xml).unwrap();
        let locs: Vec<&str> = xml
            .split("<loc>")
            .skip(1)
            .filter_map(|rest| rest.split("</loc>").next())
            .collect();
        assert_eq!(
            locs,
            [
                "https://x.org/blog/",
                "https://x.org/blog/page/2",
                "https://x.org/blog/page/3",
                "https://x.org/blog/posts/b",
                "https://x.org/blog/posts/a",
                "https://x.org/blog/tags",
                "https://x.org/blog/tags/notes",
                "https://x.org/blog/archive",
                "https://x.org/blog/authors/ada",
            ]
        );
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"), "{xml}");
        assert!(
            xml.contains(
                "<loc>https://x.org/blog/posts/b</loc>\n    <lastmod>2022-02-02</lastmod>"
            ),
            "{xml}"
        );
        assert!(
            xml.contains(
                "<loc>https://x.org/blog/posts/a</loc>\n    <lastmod>2020-01-01</lastmod>"
            ),
            "{xml}"
        );
        assert_eq!(xml.matches("<lastmod>").count(), 2, "{xml}");
    }

    #[test]
    fn escapes_what_xml_needs_escaped() {
        let xml = sitemap(&Pages {
            base_url: "https://x.org/?a=1&b=<2>/",
            home_pages: 1,
            posts: &[],
            tags: &[],
            authors: &[],
        })
        .unwrap();
        let xml = String::from_utf8(xml).unwrap();
        assert!(
            xml.contains("<loc>https://x.org/?a=1&amp;b=&lt;2&gt;/</loc>"),
            "{xml}"
        );
    }
}

//! What a built page says in its `<head>`, from its entry in the page list: the title, the
//! description, the canonical link, link previews (Open Graph, Twitter cards, with a post's
//! cover or the page's card, `cards`), the dates of a post, the newer and older pages of a listing, structured data
//! (JSON-LD), on the search page a preload of the site settings the app shows it with, and the
//! Content-Security-Policy. The tags that describe this page only are marked `data-page`; the
//! app removes them when it shows a page of its own, whose head it keeps itself.

use folio_content::{
    pages::{self, PageKind},
    paths, ImageFacts, Site,
};
use quick_xml::escape::escape;
use serde_json::{json, Value};

use crate::outputs::site_pages::{absolute, image_url, Kind, SitePage};

/// The head tags of `page` on `site`, deployed under `base_path` (`/` or `/blog/`). `policy` is
/// the Content-Security-Policy for the `<meta>` tag.
pub fn head(site: &Site, base_path: &str, page: &SitePage, policy: &str) -> String {
    let url = absolute(&site.base_url, &page.path);
    let mut tags = vec![
        format!("<title>{}</title>", escape(page.title.as_str())),
        format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
            escape(policy)
        ),
    ];
    let mut meta = |attribute: &str, name: &str, content: &str| {
        tags.push(meta_tag(attribute, name, content));
    };
    meta("name", "description", &page.description);
    let article = matches!(page.kind, Kind::Routed(PageKind::Post(_)));
    meta(
        "property",
        "og:type",
        if article { "article" } else { "website" },
    );
    meta("property", "og:title", &page.title);
    meta("property", "og:description", &page.description);
    meta("property", "og:site_name", &site.title);
    meta("property", "og:locale", &site.language.replace('-', "_"));
    let image = page.image.as_ref().map(|facts| image_url(site, facts));
    if let (Some(url), Some(ImageFacts(_, width, height, _))) = (&image, &page.image) {
        meta("property", "og:image", url);
        meta("property", "og:image:width", &width.to_string());
        meta("property", "og:image:height", &height.to_string());
        meta("name", "twitter:image", url);
    }
    let card = match image {
        Some(_) => "summary_large_image",
        None => "summary",
    };
    meta("name", "twitter:card", card);
    meta("name", "twitter:title", &page.title);
    meta("name", "twitter:description", &page.description);
    if let Some(published) = page.published {
        meta("property", "article:published_time", &published.to_string());
    }
    if let Some(modified) = page.modified {
        meta("property", "article:modified_time", &modified.to_string());
    }
    if page.no_index() {
        tags.push(meta_tag("name", "robots", "noindex"));
    } else {
        tags.push(link_tag("canonical", &url, ""));
        tags.push(meta_tag("property", "og:url", &url));
    }
    for (rel, path) in [("prev", &page.newer), ("next", &page.older)] {
        if let Some(path) = path {
            tags.push(link_tag(rel, &absolute(&site.base_url, path), ""));
        }
    }
    // The app adopts every built page as it is, with no data, but for the search page, which
    // it shows from the site settings: that request starts with the page's own rather than
    // after the wasm.
    if page.kind == Kind::Routed(PageKind::Search) {
        tags.push(link_tag(
            "preload",
            &format!("{base_path}{}", paths::SITE),
            " as=\"fetch\" crossorigin=\"anonymous\"",
        ));
    }
    if let Some(data) = structured_data(site, page, &url) {
        tags.push(format!(
            "<script type=\"application/ld+json\" data-page>{}</script>",
            // `<` only occurs inside JSON strings, where `\u003c` means the same.
            data.to_string().replace('<', "\\u003c")
        ));
    }
    tags.join("\n    ")
}

fn meta_tag(attribute: &str, name: &str, content: &str) -> String {
    format!(
        "<meta {attribute}=\"{name}\" content=\"{}\" data-page />",
        escape(content)
    )
}

fn link_tag(rel: &str, href: &str, extra: &str) -> String {
    format!(
        "<link rel=\"{rel}\" href=\"{}\"{extra} data-page />",
        escape(href)
    )
}

/// The page as schema.org describes it: a post is a `BlogPosting` (part of its series' if it
/// has one), the home page the `Blog`, a series a `CreativeWorkSeries` of it, a page of its
/// own a `WebPage` of it, and every page below the home page has its `BreadcrumbList`.
fn structured_data(site: &Site, page: &SitePage, url: &str) -> Option<Value> {
    let home = absolute(&site.base_url, &pages::home(1));
    let publisher = json!({ "@type": "Organization", "name": site.title, "url": home });
    let mut graph = Vec::new();
    match &page.kind {
        Kind::Routed(PageKind::Post(_)) => {
            let authors: Vec<Value> = page
                .authors
                .iter()
                .map(|author| {
                    let mut person = json!({
                        "@type": "Person",
                        "name": author.name,
                        "url": absolute(&site.base_url, &pages::author(&author.slug, 1)),
                    });
                    if let Some(role) = &author.role {
                        person["jobTitle"] = json!(role);
                    }
                    person
                })
                .collect();
            let published = page.published.map(|date| date.to_string());
            let modified = page
                .modified
                .map(|date| date.to_string())
                .or(published.clone());
            graph.push(json!({
                "@type": "BlogPosting",
                "headline": page.page_title,
                "description": page.description,
                "url": url,
                "mainEntityOfPage": url,
                "datePublished": published,
                "dateModified": modified,
                "inLanguage": site.language,
                "author": authors,
                "publisher": publisher,
            }));
            if let (Some((name, slug)), Some(posting)) = (&page.series, graph.last_mut()) {
                posting["isPartOf"] = json!({
                    "@type": "CreativeWorkSeries",
                    "name": name,
                    "url": absolute(&site.base_url, &pages::series(slug)),
                });
            }
            if let (Some(facts), Some(posting)) = (&page.image, graph.last_mut()) {
                let ImageFacts(_, width, height, _) = facts;
                posting["image"] = json!({
                    "@type": "ImageObject",
                    "url": image_url(site, facts),
                    "width": width,
                    "height": height,
                });
            }
        }
        Kind::Routed(PageKind::Home(1)) => graph.push(json!({
            "@type": "Blog",
            "name": site.title,
            "description": site.description,
            "url": home,
            "inLanguage": site.language,
            "publisher": publisher,
        })),
        Kind::Routed(PageKind::Series(_)) => graph.push(json!({
            "@type": "CreativeWorkSeries",
            "name": page.name,
            "url": url,
            "inLanguage": site.language,
            "isPartOf": { "@type": "Blog", "name": site.title, "url": home },
        })),
        Kind::Routed(PageKind::Standalone(_)) => graph.push(json!({
            "@type": "WebPage",
            "name": page.page_title,
            "description": page.description,
            "url": url,
            "inLanguage": site.language,
            "isPartOf": { "@type": "Blog", "name": site.title, "url": home },
        })),
        Kind::NotFound => return None,
        _ => {}
    }
    let trail = breadcrumbs(site, page, url);
    if trail.len() > 1 {
        let items: Vec<Value> = trail
            .into_iter()
            .enumerate()
            .map(|(index, (name, item))| {
                json!({ "@type": "ListItem", "position": index + 1, "name": name, "item": item })
            })
            .collect();
        graph.push(json!({ "@type": "BreadcrumbList", "itemListElement": items }));
    }
    (!graph.is_empty()).then(|| json!({ "@context": "https://schema.org", "@graph": graph }))
}

/// The pages from the home page down to `page`: name and address.
fn breadcrumbs(site: &Site, page: &SitePage, url: &str) -> Vec<(String, String)> {
    let at = |path: &str| absolute(&site.base_url, path);
    // A page above this one: the tags, or the first page of the listing this page is of.
    let crumb = |kind: PageKind| (kind.title(&page.name).unwrap_or_default(), at(&kind.path()));
    let mut trail = vec![(site.title.clone(), at(&pages::home(1)))];
    let name = page
        .page_title
        .clone()
        .unwrap_or_else(|| site.title.clone());
    match &page.kind {
        Kind::Routed(PageKind::Home(_)) | Kind::NotFound => return trail,
        Kind::Routed(PageKind::Tag(slug, number)) => {
            trail.push(crumb(PageKind::Tags));
            if *number > 1 {
                trail.push(crumb(PageKind::Tag(slug.clone(), 1)));
            }
        }
        Kind::Routed(PageKind::Series(_)) => trail.push(crumb(PageKind::SeriesIndex)),
        Kind::Routed(PageKind::Author(slug, number)) if *number > 1 => {
            trail.push(crumb(PageKind::Author(slug.clone(), 1)));
        }
        _ => {}
    }
    trail.push((name, url.to_owned()));
    trail
}

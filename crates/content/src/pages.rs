//! The app's pages: their paths within the site (without the base path), the file each is built
//! into, and their titles. The app routes and links by these paths, the bundler lists them in the
//! sitemap and writes each page's HTML file, so that the three agree.
//!
//! Every page's address ends in `/` and is built into `<path>/index.html`: the one layout that
//! GitHub Pages, Netlify, Cloudflare Pages, S3 website hosting and nginx all serve at the page's
//! own address without rewrites. The app also routes the older form without the slash.

use crate::Slug;

/// The index of every tag.
pub const TAGS: &str = "/tags/";

/// Every post by year and month.
pub const ARCHIVE: &str = "/archive/";

/// The search page; the query follows as `?q=`.
pub const SEARCH: &str = "/search/";

/// The page for addresses the site does not have, built into `404.html` for the hosts that
/// answer unknown addresses with it.
pub const NOT_FOUND_FILE: &str = "404.html";

/// The title of the not-found page.
pub const NOT_FOUND_TITLE: &str = "Page not found";

/// The title of the tags page.
pub const TAGS_TITLE: &str = "Tags";

/// The title of the archive page.
pub const ARCHIVE_TITLE: &str = "Archive";

/// The title of the search page.
pub const SEARCH_TITLE: &str = "Search";

/// Page `page` of the home listing: `/` for the first, `/page/N/` after.
pub fn home(page: u32) -> String {
    match page {
        0 | 1 => "/".to_owned(),
        page => format!("/page/{page}/"),
    }
}

/// One post.
pub fn post(slug: &Slug) -> String {
    format!("/posts/{slug}/")
}

/// A page of its own, from `pages/<slug>.md`: `/about/`.
pub fn standalone(slug: &Slug) -> String {
    format!("/{slug}/")
}

/// The first parts of the paths the site's own pages and files take: no page of its own may
/// take one (`/tags/` is a page, `/posts/…` and `/data/…` hold others).
pub const RESERVED_FIRST_PARTS: &[&str] = &[
    "posts", "page", "tags", "authors", "archive", "search", "data",
];

/// Page `page` of the posts with a tag.
pub fn tag(tag: &Slug, page: u32) -> String {
    match page {
        0 | 1 => format!("/tags/{tag}/"),
        page => format!("/tags/{tag}/page/{page}/"),
    }
}

/// Page `page` of an author's posts.
pub fn author(author: &Slug, page: u32) -> String {
    match page {
        0 | 1 => format!("/authors/{author}/"),
        page => format!("/authors/{author}/page/{page}/"),
    }
}

/// The file, relative to the site's root folder, that the page at `path` is built into:
/// `index.html` for `/`, `posts/hello/index.html` for `/posts/hello/`.
pub fn file(path: &str) -> String {
    match path.trim_matches('/') {
        "" => "index.html".to_owned(),
        inner => format!("{inner}/index.html"),
    }
}

/// The address of the page at `path` (from this module) on the site at `base_url` (ending in
/// `/`): `https://x.org/blog/` and `/posts/a/` give `https://x.org/blog/posts/a/`.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{base_url}{}", path.trim_start_matches('/'))
}

/// The path of a site's address, with a final slash, as the site's public path: `https://x.org`
/// is `/`, `https://x.org/blog` and `https://x.org/blog/` are `/blog/`.
pub fn url_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("/", |start| &after_scheme[start..]);
    if path.ends_with('/') {
        path.to_owned()
    } else {
        format!("{path}/")
    }
}

/// The document title of a page: "Page – Site", or the site's title alone.
pub fn document_title(page: Option<&str>, site: &str) -> String {
    match page {
        Some(page) if site.is_empty() => page.to_owned(),
        Some(page) => format!("{page} – {site}"),
        None => site.to_owned(),
    }
}

/// The home page's own title: none for the first page, "Page N" after.
pub fn home_title(page: u32) -> Option<String> {
    (page >= 2).then(|| format!("Page {page}"))
}

/// The heading of a tag's page: Posts tagged “local government”.
pub fn tag_heading(name: &str) -> String {
    format!("Posts tagged “{name}”")
}

/// The title of page `page` of a listing called `name`: "Name", "Name, page 2".
pub fn listing_title(name: &str, page: u32) -> String {
    match page {
        0 | 1 => name.to_owned(),
        page => format!("{name}, page {page}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(text: &str) -> Slug {
        Slug::parse(text).unwrap()
    }

    #[test]
    fn first_pages_have_no_page_number() {
        assert_eq!(home(1), "/");
        assert_eq!(home(3), "/page/3/");
        assert_eq!(post(&slug("hello")), "/posts/hello/");
        assert_eq!(standalone(&slug("about")), "/about/");
        assert_eq!(tag(&slug("rust"), 1), "/tags/rust/");
        assert_eq!(tag(&slug("rust"), 2), "/tags/rust/page/2/");
        assert_eq!(author(&slug("ann"), 1), "/authors/ann/");
        assert_eq!(author(&slug("ann"), 4), "/authors/ann/page/4/");
    }

    #[test]
    fn addresses_and_public_paths() {
        assert_eq!(
            absolute("https://x.org/blog/", "/posts/a/"),
            "https://x.org/blog/posts/a/"
        );
        assert_eq!(absolute("https://x.org/", "/"), "https://x.org/");
        assert_eq!(url_path("https://blog.example.org/"), "/");
        assert_eq!(url_path("https://blog.example.org"), "/");
        assert_eq!(url_path("http://127.0.0.1:4174/blog/"), "/blog/");
        assert_eq!(url_path("https://x.org/a/b"), "/a/b/");
    }

    #[test]
    fn every_page_is_a_folder_with_an_index() {
        assert_eq!(file(&home(1)), "index.html");
        assert_eq!(file(&home(2)), "page/2/index.html");
        assert_eq!(file(&post(&slug("hello"))), "posts/hello/index.html");
        assert_eq!(file(TAGS), "tags/index.html");
        assert_eq!(file(&tag(&slug("rust"), 2)), "tags/rust/page/2/index.html");
        assert_eq!(file(ARCHIVE), "archive/index.html");
    }

    #[test]
    fn titles_name_the_page_then_the_site() {
        assert_eq!(document_title(None, "Blog"), "Blog");
        assert_eq!(document_title(Some("Tags"), "Blog"), "Tags – Blog");
        assert_eq!(document_title(Some("Tags"), ""), "Tags");
        assert_eq!(home_title(1), None);
        assert_eq!(home_title(2).as_deref(), Some("Page 2"));
        assert_eq!(
            listing_title(&tag_heading("local government"), 2),
            "Posts tagged “local government”, page 2"
        );
    }
}

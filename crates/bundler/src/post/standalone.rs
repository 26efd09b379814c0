//! A page of its own (About, Contact): `pages/<name>.md`, or a folder `pages/<name>/` with its
//! `index.md` and its files, read and checked. Front matter with a `title`, and optionally a
//! `description`, a `slug` and `draft`; a Markdown body rendered as posts are, at `/<slug>/`.
//! Not a post: in no listing and no feed, but in the sitemap and in the header's menu if
//! `site.toml` puts it there.

use std::path::{Path, PathBuf};

use folio_content::{pages, Body, PageBundle, Slug, FORMAT_VERSION};

use crate::{
    front_matter,
    markdown::{
        self,
        images::ShownImage,
        links::Document,
        targets::{line_column, targets, Target},
    },
    post::slug_of_file,
    problem::Problem,
    sources::split::{split, utf8},
};

/// A page of its own, ready to be bundled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standalone {
    /// The source file, relative to the site folder.
    pub file: PathBuf,
    pub slug: Slug,
    pub title: String,
    /// The `description` field, if any: the site's description stands in for it.
    pub description: Option<String>,
    pub draft: bool,
    /// The body; its links are resolved once every post and page has been read.
    pub body: Body,
    pub targets: Vec<Target>,
    /// Where the body's images without alt text are: line and column.
    pub without_alt: Vec<(usize, usize)>,
    /// The images of the site's own that the body shows, once its links are resolved.
    pub shown_images: Vec<ShownImage>,
}

impl Standalone {
    /// The page's address: `/<slug>/`.
    pub fn address(&self) -> String {
        pages::standalone(&self.slug)
    }

    /// The page as links see it.
    pub fn document(&self, published: bool) -> Document<'_> {
        Document {
            related: &[],
            file: &self.file,
            address: self.address(),
            outline: &self.body.outline,
            targets: &self.targets,
            cover: None,
            published,
        }
    }

    /// The page's bundle, `data/pages/<slug>.json`, with `description` standing in for a
    /// missing one.
    pub fn bundle(self, description: &str) -> PageBundle {
        PageBundle {
            format: FORMAT_VERSION,
            slug: self.slug,
            title: self.title,
            description: self.description.unwrap_or_else(|| description.to_owned()),
            body: self.body,
        }
    }
}

/// Reads the page in `file` (relative to the site folder) from its `bytes`, collecting every
/// problem in it.
pub fn parse(file: &Path, bytes: &[u8]) -> Result<Standalone, Vec<Problem>> {
    let text = utf8(file, bytes).map_err(|problem| vec![problem])?;
    let split = split(file, text).map_err(|problem| vec![problem])?;
    let fields = front_matter::parse_page(file, text, &split)?;
    let slug = match fields.slug {
        Some(slug) => slug,
        None => slug_of_file(file).map_err(|problem| vec![problem])?,
    };
    if pages::RESERVED_FIRST_PARTS.contains(&slug.as_str()) {
        return Err(vec![Problem::whole_file(
            file,
            format!("the page's address /{slug}/ is taken by the site's own pages"),
            format!(
                "rename the file, or set slug = \"...\" to another name than {}",
                pages::RESERVED_FIRST_PARTS.join(", ")
            ),
        )]);
    }
    let scan = targets(&split.body, split.body_line);
    let place = |offset: usize| {
        let (line, column) = line_column(&split.body, offset);
        (split.body_line + line - 1, column)
    };
    let body = markdown::body(split.body.clone(), file, place)?;
    Ok(Standalone {
        file: file.to_owned(),
        slug,
        title: fields.title,
        description: fields.description,
        draft: fields.draft,
        targets: scan.targets,
        without_alt: scan.without_alt,
        body,
        shown_images: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_has_a_title_and_a_body_and_an_address_of_its_own() {
        let text =
            "+++\ntitle = \"About\"\n+++\n\n## Who we are\n\nSee [the post](../posts/a.md).\n";
        let page = parse(Path::new("pages/about.md"), text.as_bytes()).unwrap();
        assert_eq!(page.address(), "/about/");
        assert_eq!(page.body.outline[0].anchor, "who-we-are");
        assert_eq!(page.targets[0].written, "../posts/a.md");
        assert_eq!((page.targets[0].line, page.targets[0].column), (7, 5));
        let bundle = page.bundle("The site.");
        assert_eq!(bundle.description, "The site.");
        assert_eq!(bundle.title, "About");

        let folder = parse(Path::new("pages/contact/index.md"), text.as_bytes()).unwrap();
        assert_eq!(folder.address(), "/contact/");
    }

    #[test]
    fn a_page_may_not_take_the_sites_own_addresses_nor_a_posts_fields() {
        let text = "+++\ntitle = \"Tags\"\n+++\nx\n";
        let problems = parse(Path::new("pages/tags.md"), text.as_bytes()).unwrap_err();
        assert!(
            problems[0].message.contains("/tags/ is taken"),
            "{problems:?}"
        );
        let text = "+++\ntitle = \"About\"\ndate = 2020-01-01\n+++\nx\n";
        let problems = parse(Path::new("pages/about.md"), text.as_bytes()).unwrap_err();
        assert_eq!(
            (problems[0].line, problems[0].column),
            (3, 1),
            "{problems:?}"
        );
        assert!(problems[0].message.contains("date"), "{problems:?}");
    }
}

//! One post: from the bytes of `posts/<name>.md` (or `posts/<name>/index.md`) to its summary,
//! outline and body, checked, with its slug from the file or folder name (unless it sets one)
//! and its authors' roles from `site.toml`.

pub mod excerpt;
pub mod standalone;
pub mod text;
pub mod words;

use std::path::{Path, PathBuf};

use folio_content::{pages, Author, Body, Date, PostSummary, Slug, Tag};

use crate::{
    front_matter::aliases::Alias,
    front_matter::{self, series::SeriesField, FrontMatter},
    markdown::{
        self,
        images::ShownImage,
        links::Document,
        targets::{line_column, targets, Target},
    },
    post::excerpt::{excerpt, lead, more_marker},
    post::text::Text,
    problem::Problem,
    sources::files::own_folder,
    sources::split::{split, utf8, Split},
};

/// A post, ready to be bundled: everything derived from its own file. What depends on the other
/// posts (previous and next, listings) is worked out by the output stage.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Post {
    /// The source file, relative to the site folder.
    pub file: PathBuf,
    /// What listings show (drafts carry `draft: true`).
    pub summary: PostSummary,
    /// The `description` field, else the summary.
    pub description: String,
    /// The `call_for_comments` field.
    pub call_for_comments: Option<String>,
    /// Words in the body, as a reader counts them (Markdown syntax left out).
    pub word_count: u32,
    /// The body (front matter and a `<!-- more -->` line removed), with its outline and
    /// highlighted code; its links are resolved (`markdown::links`) once every post has been
    /// read.
    pub body: Body,
    /// Where the body's text is (`text.rs`): in the body, or left in the cache folder, where
    /// the body then holds none until it is asked for.
    #[serde(skip)]
    pub text: Text,
    /// The post's old addresses, which lead to it.
    pub aliases: Vec<Alias>,
    /// The body's relative links and images, where they are written.
    pub targets: Vec<Target>,
    /// Where the body's images without alt text are: line and column.
    pub without_alt: Vec<(usize, usize)>,
    /// The images of the site's own that the body shows, once its links are resolved.
    pub shown_images: Vec<ShownImage>,
    /// The front matter's `image`, as written, and the image it is once resolved.
    pub cover: Option<Target>,
    pub shown_cover: Option<ShownImage>,
    /// The series the post is a part of.
    pub series: Option<SeriesField>,
    /// The front matter's `related`, as written, and the addresses of the posts once resolved
    /// (`/posts/<slug>/`).
    pub related: Vec<Target>,
    pub related_to: Vec<String>,
}

impl Post {
    /// The post with no text in its body, as the cache keeps it apart (`memo/stored.rs`).
    pub fn without_text(&self) -> Post {
        let Post {
            file,
            summary,
            description,
            call_for_comments,
            word_count,
            body,
            text,
            aliases,
            targets,
            without_alt,
            shown_images,
            cover,
            shown_cover,
            series,
            related,
            related_to,
        } = self;
        let (outline, links, images, math) = text::rest_of(body);
        Post {
            file: file.clone(),
            summary: summary.clone(),
            description: description.clone(),
            call_for_comments: call_for_comments.clone(),
            word_count: *word_count,
            body: Body {
                markdown: String::new(),
                code: Vec::new(),
                outline: outline.to_vec(),
                links: links.to_vec(),
                images: images.to_vec(),
                math: math.to_vec(),
            },
            text: text.clone(),
            aliases: aliases.clone(),
            targets: targets.clone(),
            without_alt: without_alt.clone(),
            shown_images: shown_images.clone(),
            cover: cover.clone(),
            shown_cover: shown_cover.clone(),
            series: series.clone(),
            related: related.clone(),
            related_to: related_to.clone(),
        }
    }

    /// The post as links see it.
    pub fn document(&self, published: bool) -> Document<'_> {
        Document {
            file: &self.file,
            address: pages::post(&self.summary.slug),
            outline: &self.body.outline,
            targets: &self.targets,
            cover: self.cover.as_ref(),
            related: &self.related,
            published,
        }
    }
}

/// Whether readers see `post` in a build as of `now`: not a draft (unless `drafts`), and not
/// dated after `now`.
pub fn is_published(post: &Post, drafts: bool, now: Date) -> bool {
    (drafts || !post.summary.draft) && post.summary.date <= now
}

/// Reads the post in `file` (relative to the site folder) from its `bytes`, collecting every
/// problem in it. `authors` are the authors listed in `site.toml`.
pub fn parse(file: &Path, bytes: &[u8], authors: &[Author]) -> Result<Post, Vec<Problem>> {
    let mut problems = Vec::new();
    let text = utf8(file, bytes).map_err(|problem| vec![problem])?;
    let split = match split(file, text) {
        Ok(split) => split,
        Err(problem) => {
            problems.extend(slug_of_file(file).err());
            problems.push(problem);
            return Err(problems);
        }
    };
    let fields = match front_matter::parse(file, text, &split) {
        Ok(fields) => fields,
        Err(found) => {
            // The file name must give a slug unless the front matter sets one.
            let sets_slug = split
                .source
                .lines()
                .any(|line| line.trim_start().starts_with("slug"));
            if !sets_slug {
                problems.extend(slug_of_file(file).err());
            }
            problems.extend(found);
            return Err(problems);
        }
    };
    let slug = match fields.slug.clone() {
        Some(slug) => slug,
        None => slug_of_file(file).map_err(|problem| vec![problem])?,
    };
    let authors = post_authors(&fields, authors);
    derive(file, slug, fields, authors, split)
}

/// Everything the post's page and listings show, from its checked fields and body; or the
/// problems of its formulas.
fn derive(
    file: &Path,
    slug: Slug,
    fields: FrontMatter,
    authors: Vec<Author>,
    split: Split<'_>,
) -> Result<Post, Vec<Problem>> {
    // Found before the `<!-- more -->` line goes, so that lines are the file's.
    let scan = targets(&split.body, split.body_line);
    let marker = more_marker(&split.body);
    // A place in the body without the marker, in the file: past the marker, its length on.
    let place = |offset: usize| {
        let in_split = match &marker {
            Some(marker) if offset >= marker.start => offset + (marker.end - marker.start),
            _ => offset,
        };
        let (line, column) = line_column(&split.body, in_split);
        (split.body_line + line - 1, column)
    };
    let body = split.body.clone();
    let (excerpt_text, body) = match marker.clone() {
        Some(marker) => {
            let before = body.get(..marker.start).unwrap_or_default();
            let after = body.get(marker.end..).unwrap_or_default();
            (lead(before), format!("{before}{after}"))
        }
        None => (excerpt(&body), body),
    };
    let summary_text = fields.summary.unwrap_or(excerpt_text);
    let word_count = words::count(&body);
    let mut tags: Vec<Tag> = Vec::new();
    for name in &fields.tags {
        // "Rust" and "rust" are one tag: the first spelling is kept.
        match Slug::of_name(name) {
            Some(slug) if !tags.iter().any(|tag| tag.slug == slug) => tags.push(Tag {
                name: name.clone(),
                slug,
            }),
            _ => {}
        }
    }
    let summary = PostSummary {
        slug,
        title: fields.title,
        date: fields.date,
        updated: fields.updated,
        authors,
        summary: summary_text,
        tags,
        reading_minutes: words::reading_minutes(word_count),
        draft: fields.draft,
        image: None,
    };
    let body = markdown::body(body, file, place)?;
    Ok(Post {
        file: file.to_owned(),
        text: Text::here(&body),
        description: fields
            .description
            .unwrap_or_else(|| summary.summary.clone()),
        call_for_comments: fields.call_for_comments,
        aliases: fields.aliases,
        summary,
        word_count,
        body,
        targets: scan.targets,
        without_alt: scan.without_alt,
        shown_images: Vec::new(),
        cover: fields.cover,
        shown_cover: None,
        series: fields.series,
        related: fields.related,
        related_to: Vec::new(),
    })
}

/// The slug made from the file's name without its extension, or for a post that is a folder
/// from the folder's name.
pub(crate) fn slug_of_file(file: &Path) -> Result<Slug, Problem> {
    let named = own_folder(file).unwrap_or(file);
    let name = named
        .file_name()
        .map(|name| name.to_string_lossy())
        .unwrap_or_default();
    let stem = named.file_stem().and_then(|stem| stem.to_str());
    stem.and_then(Slug::derive).ok_or_else(|| {
        Problem::whole_file(
            file,
            format!("the name {name:?} gives no slug for the post's address"),
            "rename the file or folder with letters or digits, e.g. posts/my-first-post.md, or set slug = \"...\"",
        )
    })
}

/// The post's authors, with the roles `site.toml` gives them, each once. `front_matter` has
/// checked that every name gives a slug.
fn post_authors(fields: &FrontMatter, listed: &[Author]) -> Vec<Author> {
    let mut authors: Vec<Author> = Vec::new();
    for name in &fields.authors {
        let known = listed.iter().find(|author| &author.name == name).cloned();
        let author = known.or_else(|| {
            Slug::of_name(name).map(|slug| Author {
                name: name.clone(),
                role: None,
                slug,
            })
        });
        // A name written twice is one author.
        if let Some(author) = author.filter(|a| !authors.iter().any(|b| b.slug == a.slug)) {
            authors.push(author);
        }
    }
    authors
}

#[cfg(test)]
mod tests;

//! The fields of a post's front matter, TOML or YAML, read into one shape and checked in one
//! place (`fields`), so both languages get the same rules and the same messages: the values
//! (`value`, `yaml`), the dates (`dates`), the old addresses (`aliases`) and the series
//! (`series`) each parsed on their own.

pub mod aliases;
pub(crate) mod dates;
pub(crate) mod fields;
pub mod series;
pub(crate) mod value;
pub(crate) mod yaml;

use std::path::Path;

use folio_content::{render::scheme_of, Date, Slug};
use toml::de::DeTable;

use crate::{
    markdown::targets::Target,
    problem::{Locator, Problem},
    sources::split::{Split, Syntax},
};
use aliases::{alias_path, Alias};
use fields::{Fields, Source};
use series::SeriesField;
use value::Table;

/// The fields a post's front matter accepts.
pub const ACCEPTED: &[&str] = &[
    "title",
    "date",
    "updated",
    "author",
    "tags",
    "summary",
    "description",
    "call_for_comments",
    "draft",
    "slug",
    "aliases",
    "image",
    "series",
    "series_order",
    "related",
];

/// The fields the front matter of a page of `pages/` accepts.
pub const PAGE_ACCEPTED: &[&str] = &["title", "description", "draft", "slug"];

/// The fields of a page's front matter, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageFrontMatter {
    pub title: String,
    pub description: Option<String>,
    pub draft: bool,
    /// The slug the page asks for instead of the one made from its file name.
    pub slug: Option<Slug>,
}

/// Reads the front matter of a page of `pages/`, as `parse` does a post's.
pub fn parse_page(
    file: &Path,
    text: &str,
    split: &Split<'_>,
) -> Result<PageFrontMatter, Vec<Problem>> {
    read_fields(file, text, split, PAGE_ACCEPTED, |fields, problems| {
        let title = fields.required_string("title", problems);
        let description = optional_text(fields, "description", problems);
        let draft = fields.bool("draft", problems).unwrap_or(false);
        let slug = slug(fields, problems);
        Some(PageFrontMatter {
            title: title?,
            description,
            draft,
            slug,
        })
    })
}

/// The fields of a post's front matter, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: String,
    pub date: Date,
    pub updated: Option<Date>,
    /// The authors' names, as written.
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    /// The words before the contact address at the end of the post, e.g. "We welcome your
    /// comments on the findings so far".
    pub call_for_comments: Option<String>,
    pub draft: bool,
    /// The slug the post asks for instead of the one made from its file name.
    pub slug: Option<Slug>,
    /// The post's old addresses, which lead to it.
    pub aliases: Vec<Alias>,
    /// The cover image, as written (resolved as an image of the body is, with the body's).
    pub cover: Option<Target>,
    /// The series the post is a part of.
    pub series: Option<SeriesField>,
    /// The posts the author chose to show as related, as written (resolved as links are).
    pub related: Vec<Target>,
}

/// Reads the front matter of `split`, cut from `text`, the contents of `file`, collecting every
/// problem in it.
pub fn parse(file: &Path, text: &str, split: &Split<'_>) -> Result<FrontMatter, Vec<Problem>> {
    read_fields(file, text, split, ACCEPTED, |fields, problems| {
        let title = fields.required_string("title", problems);
        let date = dates::field(fields, "date", true, problems);
        let updated = dates::field(fields, "updated", false, problems);
        if let (Some((date, _)), Some((updated, span))) = (&date, &updated) {
            if updated < date {
                let message = format!("\"updated\" ({updated}) is before \"date\" ({date})");
                let help = "give the date of the last change in substance, on or after the post's date, or remove \"updated\"";
                problems.push(fields.problem(span, message, help));
            }
        }
        let authors = fields.strings("author", true, problems).unwrap_or_default();
        let tags = fields.strings("tags", false, problems).unwrap_or_default();
        need_slugs(fields, "author", &authors, "an author's page", problems);
        need_slugs(fields, "tags", &tags, "a tag's page", problems);
        let summary = optional_text(fields, "summary", problems);
        let description = optional_text(fields, "description", problems);
        let call_for_comments = optional_text(fields, "call_for_comments", problems);
        let draft = fields.bool("draft", problems).unwrap_or(false);
        let slug = slug(fields, problems);
        let aliases = aliases(fields, problems);
        let cover = cover(fields, problems);
        let series = series::series(fields, problems);
        let related = related(fields, problems);

        Some(FrontMatter {
            title: title?,
            date: date?.0,
            updated: updated.map(|(updated, _)| updated),
            authors,
            tags,
            summary,
            description,
            call_for_comments,
            draft,
            slug,
            aliases,
            cover,
            series,
            related,
        })
    })
}

/// Reads front matter that accepts the fields `accepted`: `read` takes what it wants of them
/// and gives it back, `None` if a required field is missing. Every problem found, by `read` or
/// in the fields themselves, fails it.
fn read_fields<T>(
    file: &Path,
    text: &str,
    split: &Split<'_>,
    accepted: &[&str],
    read: impl FnOnce(&Fields<'_>, &mut Vec<Problem>) -> Option<T>,
) -> Result<T, Vec<Problem>> {
    let table = table(file, text, split).map_err(|problem| vec![problem])?;
    let source = Source {
        file,
        text,
        syntax: split.syntax,
    };
    let mut problems = Vec::new();
    // A missing field is reported at the opening fence, on the first line.
    let fields = Fields::new(
        &table,
        source,
        None,
        "the front matter",
        accepted,
        &mut problems,
    );
    match read(&fields, &mut problems) {
        Some(value) if problems.is_empty() => Ok(value),
        _ => Err(problems),
    }
}

/// The front matter as a table, whichever its language.
fn table(file: &Path, text: &str, split: &Split<'_>) -> Result<Table, Problem> {
    match split.syntax {
        Syntax::Toml => {
            let at = Locator {
                file,
                text,
                base: split.start,
            };
            let document = DeTable::parse(split.source).map_err(|error| {
                at.syntax(&error, "fix the TOML syntax between the \"+++\" lines")
            })?;
            Ok(value::from_toml(document.get_ref(), split.start))
        }
        Syntax::Yaml => yaml::parse(file, text, split.source, split.start),
    }
}

/// An optional string field, trimmed; blank counts as absent.
fn optional_text(fields: &Fields<'_>, key: &str, problems: &mut Vec<Problem>) -> Option<String> {
    fields
        .string(key, problems)
        .map(|(text, _)| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

/// Reports each of `names` (of field `key`) that gives no slug for `page`.
fn need_slugs(
    fields: &Fields<'_>,
    key: &str,
    names: &[String],
    page: &str,
    problems: &mut Vec<Problem>,
) {
    let Some(node) = fields.get(key) else {
        return;
    };
    for name in names.iter().filter(|name| Slug::of_name(name).is_none()) {
        let message = format!("{name:?} in \"{key}\" gives no slug for the address of {page}");
        problems.push(fields.problem(&node.span, message, "write it with letters or digits"));
    }
}

/// The `slug` field, which must already be a slug.
fn slug(fields: &Fields<'_>, problems: &mut Vec<Problem>) -> Option<Slug> {
    let (text, span) = fields.string("slug", problems)?;
    if let Some(slug) = Slug::parse(&text) {
        return Some(slug);
    }
    let help = match Slug::derive(&text) {
        Some(suggestion) => format!(
            "write it as {}: lowercase letters and digits joined by single hyphens",
            fields.example("slug", &format!("\"{suggestion}\""))
        ),
        None => "use lowercase letters and digits joined by single hyphens, e.g. \"my-first-post\", or remove it to use the file name".to_owned(),
    };
    problems.push(fields.problem(&span, format!("{text:?} is not a valid slug"), help));
    None
}

/// The `aliases` field: paths on the site, each checked where it is written.
fn aliases(fields: &Fields<'_>, problems: &mut Vec<Problem>) -> Vec<Alias> {
    let located = fields
        .located_strings("aliases", false, problems)
        .unwrap_or_default();
    let mut aliases: Vec<Alias> = Vec::new();
    for (text, span) in located {
        match alias_path(&text) {
            Ok(path) if aliases.iter().any(|alias| alias.path == path) => {
                let message = format!("{text:?} is in \"aliases\" twice");
                problems.push(fields.problem(&span, message, "remove one of the two"));
            }
            Ok(path) => {
                let (line, column) = fields.line_column(&span);
                aliases.push(Alias { path, line, column });
            }
            Err(help) => {
                let message = format!("{text:?} in \"aliases\" is not a path on this site");
                problems.push(fields.problem(&span, message, help));
            }
        }
    }
    aliases
}

/// The `image` field: the post's cover, a file of the site's own, written as the body's images
/// are: `cover.png` beside the post, `../../static/images/cover.png` in `static/`.
fn cover(fields: &Fields<'_>, problems: &mut Vec<Problem>) -> Option<Target> {
    let (text, span) = fields.string("image", problems)?;
    let written = text.trim();
    let elsewhere = scheme_of(written).is_some() || written.starts_with('/');
    if written.is_empty() || elsewhere || written.starts_with('#') {
        let message = format!("\"image\" = {text:?} is not an image of the site's own");
        let help = "name a PNG, JPEG, GIF or WebP file by its path from the post, as its images are: \"cover.png\" beside the post in its folder (posts/<name>/index.md), or one in static/, e.g. \"../static/images/cover.png\" from posts/<name>.md";
        problems.push(fields.problem(&span, message, help));
        return None;
    }
    let (line, column) = fields.line_column(&span);
    Some(Target {
        written: written.to_owned(),
        image: true,
        line,
        column,
    })
}

/// How many posts `related` may name: as many as a post shows.
pub const MOST_RELATED: usize = 4;

/// The `related` field: other posts by their source files, written as the body links to them
/// (`other-post.md`, `../other/index.md`), at most `MOST_RELATED`.
fn related(fields: &Fields<'_>, problems: &mut Vec<Problem>) -> Vec<Target> {
    let located = fields
        .located_strings("related", false, problems)
        .unwrap_or_default();
    if let (Some(node), true) = (fields.get("related"), located.len() > MOST_RELATED) {
        let message = format!(
            "\"related\" names {} posts; a post shows at most {MOST_RELATED}",
            located.len()
        );
        problems.push(fields.problem(&node.span, message, "keep the four that matter most"));
    }
    let mut related: Vec<Target> = Vec::new();
    for (text, span) in located {
        let written = text.trim();
        if scheme_of(written).is_some() || written.starts_with(['/', '#']) {
            let message = format!("{text:?} in \"related\" is not a post's source file");
            let help = "name another post by its file, as a link in the body does, e.g. \"earlier-post.md\"";
            problems.push(fields.problem(&span, message, help));
            continue;
        }
        if related.iter().any(|target| target.written == written) {
            let message = format!("{text:?} is in \"related\" twice");
            problems.push(fields.problem(&span, message, "remove one of the two"));
            continue;
        }
        let (line, column) = fields.line_column(&span);
        related.push(Target {
            written: written.to_owned(),
            image: false,
            line,
            column,
        });
    }
    related
}

#[cfg(test)]
mod tests;

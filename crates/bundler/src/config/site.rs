//! `site.toml`: the site's settings, its authors and its menu (`menu.rs`), read and checked.

use std::path::Path;

use folio_content::{Author, Site, Slug, FORMAT_VERSION};
use toml::de::DeTable;

use crate::{
    config::cards::{cards, CardSettings},
    config::menu::{menu, MenuEntry},
    front_matter::fields::{Fields, Source},
    front_matter::value::{self, Syntax},
    problem::{Locator, Problem},
};

/// The name of the settings file in the site folder.
pub use crate::names::SITE_FILE;

/// The keys `site.toml` accepts.
const ACCEPTED: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "posts_per_page",
    "contact",
    "trusted_html",
    "search",
    "offline",
    "authors",
    "menu",
    "cards",
];

/// The keys an `[[authors]]` entry accepts.
const AUTHOR_ACCEPTED: &[&str] = &["name", "role"];

/// Posts on each page of the home page when `site.toml` does not say.
pub const DEFAULT_POSTS_PER_PAGE: u32 = 10;

/// Everything `site.toml` says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteConfig {
    /// The settings the app reads, as written to `data/site.json`.
    pub site: Site,
    /// Posts on each page of a listing, at least 1 (also in `site`).
    pub posts_per_page: u32,
    /// The people who write posts, found by name from a post's `author`.
    pub authors: Vec<Author>,
    /// The header's navigation with where each target is written (also in `site`), checked
    /// against the page list once it is made.
    pub menu: Vec<MenuEntry>,
    /// The pictures of link previews (`[cards]`).
    pub cards: CardSettings,
}

/// Parses the text of `site.toml`, collecting every problem in it.
pub fn parse(text: &str) -> Result<SiteConfig, Vec<Problem>> {
    let at = Locator {
        file: Path::new(SITE_FILE),
        text,
        base: 0,
    };
    let document = DeTable::parse(text).map_err(|error| {
        vec![at.syntax(
            &error,
            "fix the TOML syntax in site.toml (strings need double quotes)",
        )]
    })?;
    let table = value::from_toml(document.get_ref(), 0);
    let source = Source {
        file: at.file,
        text,
        syntax: Syntax::Toml,
    };
    let mut problems = Vec::new();
    let fields = Fields::new(&table, source, None, "site.toml", ACCEPTED, &mut problems);

    let title = fields.required_string("title", &mut problems);
    let description = fields.required_string("description", &mut problems);
    let language = fields.required_string("language", &mut problems);
    let base_url = fields
        .required_string("base_url", &mut problems)
        .and_then(|url| {
            if let Some(url) = base_url(&url) {
                Some(url)
            } else {
                let span = fields
                    .get("base_url")
                    .map(|node| node.span.clone())
                    .unwrap_or_default();
                let message = format!("base_url {url:?} is not an http or https address");
                problems.push(fields.problem(
                    &span,
                    message,
                    "write it as base_url = \"https://blog.example.org/\"",
                ));
                None
            }
        });
    let contact = fields
        .string("contact", &mut problems)
        .map(|(text, span)| (text.trim().to_owned(), span))
        .filter(|(text, _)| !text.is_empty())
        .and_then(|(text, span)| {
            if is_email_address(&text) {
                return Some(text);
            }
            let message = format!("contact {text:?} is not an email address");
            let help = "write the address alone, as contact = \"comments@example.org\" (no \"mailto:\", no spaces)";
            problems.push(fields.problem(&span, message, help));
            None
        });
    let trusted_html = fields.bool("trusted_html", &mut problems).unwrap_or(false);
    let search = fields.bool("search", &mut problems).unwrap_or(true);
    let offline = fields.bool("offline", &mut problems).unwrap_or(true);
    let posts_per_page = match fields.integer("posts_per_page", &mut problems) {
        None => Some(DEFAULT_POSTS_PER_PAGE),
        Some((number, span)) => {
            let valid = u32::try_from(number).ok().filter(|&n| n >= 1);
            if valid.is_none() {
                let message = format!("posts_per_page must be at least 1, not {number}");
                problems.push(fields.problem(&span, message, "write it as posts_per_page = 10"));
            }
            valid
        }
    };
    let authors = authors(&fields, &mut problems);
    let menu = menu(&fields, &mut problems);
    let cards = cards(&fields, &mut problems);

    match (title, description, language, base_url, posts_per_page) {
        (Some(title), Some(description), Some(language), Some(base_url), Some(posts_per_page))
            if problems.is_empty() =>
        {
            let site = Site {
                format: FORMAT_VERSION,
                title,
                description,
                language,
                base_url,
                contact,
                trusted_html,
                posts_per_page,
                menu: menu.iter().map(|entry| entry.item.clone()).collect(),
                search,
                offline,
            };
            Ok(SiteConfig {
                site,
                posts_per_page,
                authors,
                menu,
                cards,
            })
        }
        _ => Err(problems),
    }
}

/// `text` as a base URL: an http or https address, ending in `/` because relative links are
/// resolved against it (so it must name a folder). `None` if it is not one.
pub fn base_url(text: &str) -> Option<String> {
    let text = text.trim();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() || text.contains(|c: char| c.is_whitespace() || "?#\"<>\\".contains(c)) {
        return None;
    }
    Some(if text.ends_with('/') {
        text.to_owned()
    } else {
        format!("{text}/")
    })
}

/// An address a `mailto:` link can carry as it is: one `@` with text on both sides, and none of
/// the characters that would end it or start a query (spaces, `?`, `#`, `&`, quotes, `<>`, `/`, `:`).
fn is_email_address(text: &str) -> bool {
    let forbidden = |c: char| c.is_whitespace() || c.is_control() || "?#&\"'<>/:\\,;".contains(c);
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !domain.contains('@')
                && !text.contains(forbidden)
        }
        None => false,
    }
}

/// The `[[authors]]` entries: each needs a unique name that gives a slug, and may have a role.
fn authors(fields: &Fields<'_>, problems: &mut Vec<Problem>) -> Vec<Author> {
    let example = "[[authors]] with name = \"...\" and role = \"...\"";
    let mut authors: Vec<Author> = Vec::new();
    for (table, span) in fields.tables("authors", example, problems) {
        let entry = Fields::new(
            table,
            fields.source(),
            Some(span.clone()),
            "the [[authors]] entry",
            AUTHOR_ACCEPTED,
            problems,
        );
        let role = entry
            .string("role", problems)
            .map(|(role, _)| role.trim().to_owned());
        let Some(name) = entry.required_string("name", problems) else {
            continue;
        };
        if authors.iter().any(|author| author.name == name) {
            let message = format!("the author \"{name}\" is listed twice");
            problems.push(fields.problem(&span, message, "remove one of the [[authors]] entries"));
            continue;
        }
        let Some(slug) = Slug::of_name(&name) else {
            let at = entry
                .get("name")
                .map(|node| node.span.clone())
                .unwrap_or(span);
            let message = format!("the author name {name:?} gives no slug for the author's page");
            problems.push(fields.problem(&at, message, "write the name with letters or digits"));
            continue;
        };
        if let Some(other) = authors.iter().find(|author| author.slug == slug) {
            let message = format!(
                "the authors \"{}\" and \"{name}\" have the same page address /authors/{slug}",
                other.name
            );
            problems.push(fields.problem(
                &span,
                message,
                "tell the names apart by more than case or punctuation",
            ));
            continue;
        }
        authors.push(Author {
            name,
            role: role.filter(|role| !role.is_empty()),
            slug,
        });
    }
    authors
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str =
        "title = \"T\"\ndescription = \"D\"\nbase_url = \"https://x.org\"\nlanguage = \"en\"\n";

    #[test]
    fn reads_the_repository_settings() {
        let text = include_str!("../../../../site.toml");
        let config = parse(text).unwrap();
        assert_eq!(config.site.title, "Solace blog");
        assert_eq!(config.site.base_url, "https://blog.example.org/");
        assert_eq!(config.site.language, "en-GB");
        assert_eq!(config.site.format, FORMAT_VERSION);
        assert_eq!(config.posts_per_page, 10);
        let joan = Author {
            name: "Joan Munro".into(),
            role: Some(
                "Director, Accelerating Innovation in Local Government Research Project".into(),
            ),
            slug: Slug::parse("joan-munro").unwrap(),
        };
        assert_eq!(config.authors, [joan]);
    }

    #[test]
    fn applies_defaults() {
        let config = parse(MINIMAL).unwrap();
        assert_eq!(config.posts_per_page, DEFAULT_POSTS_PER_PAGE);
        assert_eq!(config.site.posts_per_page, DEFAULT_POSTS_PER_PAGE);
        assert!(!config.site.trusted_html);
        assert_eq!(config.site.contact, None);
        assert_eq!(config.site.base_url, "https://x.org/");
        assert_eq!(config.authors, []);
    }

    #[test]
    fn reports_every_problem_with_its_position() {
        let text =
            format!("{MINIMAL}posts_per_page = 0\ncolour = \"red\"\n[[authors]]\nrole = \"x\"\n");
        let problems = parse(&text).unwrap_err();
        let shown: Vec<_> = problems
            .iter()
            .map(|p| format!("{}:{} {}", p.line, p.column, p.message))
            .collect();
        assert_eq!(
            shown,
            [
                "6:1 unknown field \"colour\" in site.toml",
                "5:18 posts_per_page must be at least 1, not 0",
                "7:1 missing required field \"name\" in the [[authors]] entry",
            ]
        );
    }

    #[test]
    fn reports_syntax_errors_where_they_are() {
        let problems = parse("title = \"T\"\ndescription = oops\n").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].column), (2, 15));
        assert!(problems[0].help.contains("TOML syntax"));
    }

    #[test]
    fn rejects_duplicate_authors_and_bad_urls() {
        let text = "title = \"T\"\ndescription = \"D\"\nbase_url = \"blog.org\"\nlanguage = \"en\"\n[[authors]]\nname = \"A\"\n[[authors]]\nname = \"A\"\n";
        let messages: Vec<_> = parse(text)
            .unwrap_err()
            .into_iter()
            .map(|p| p.message)
            .collect();
        assert_eq!(
            messages,
            [
                "base_url \"blog.org\" is not an http or https address",
                "the author \"A\" is listed twice"
            ]
        );
    }

    #[test]
    fn base_urls_name_a_folder_on_an_http_host() {
        assert_eq!(base_url("https://x.org").as_deref(), Some("https://x.org/"));
        assert_eq!(
            base_url(" http://127.0.0.1:4174/blog ").as_deref(),
            Some("http://127.0.0.1:4174/blog/")
        );
        assert_eq!(
            base_url("https://x.org/a/").as_deref(),
            Some("https://x.org/a/")
        );
        for bad in [
            "x.org",
            "ftp://x.org/",
            "https://",
            "https:///a",
            "https://x.org/?q",
            "https://x y/",
        ] {
            assert_eq!(base_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn contact_must_be_a_bare_email_address() {
        for good in ["comments@example.org", "a.b+blog@sub.example.co.uk"] {
            let config = parse(&format!("{MINIMAL}contact = \"{good}\"\n")).unwrap();
            assert_eq!(config.site.contact.as_deref(), Some(good));
        }
        for bad in [
            "mailto:a@b.org",
            "a b@c.org",
            "nobody",
            "a@b.org?subject=x",
            "@b.org",
            "a@",
        ] {
            let problems = parse(&format!("{MINIMAL}contact = \"{bad}\"\n")).unwrap_err();
            let shown: Vec<_> = problems
                .iter()
                .map(|p| format!("{}:{} {}", p.line, p.column, p.message))
                .collect();
            assert_eq!(
                shown,
                [format!("5:11 contact {bad:?} is not an email address")],
                "{bad}"
            );
            assert!(problems[0].help.contains("no \"mailto:\""), "{bad}");
        }
    }

    #[test]
    fn authors_need_names_that_give_distinct_slugs() {
        let text = format!("{MINIMAL}[[authors]]\nname = \"!!\"\n[[authors]]\nname = \"Ann Lee\"\n[[authors]]\nname = \"ann-lee\"\n");
        let shown: Vec<_> = parse(&text)
            .unwrap_err()
            .into_iter()
            .map(|p| format!("{}:{} {}", p.line, p.column, p.message))
            .collect();
        assert_eq!(
            shown,
            [
                "6:8 the author name \"!!\" gives no slug for the author's page",
                "9:1 the authors \"Ann Lee\" and \"ann-lee\" have the same page address /authors/ann-lee",
            ]
        );
    }
}

//! Per-route HTML shells: for every page of the site, a copy of the app's `index.html` (as trunk
//! wrote it) whose head carries that page's title, description, canonical link and link-preview
//! tags. A host serves `posts/hello.html` for `/posts/hello` ("clean URLs"), so deep links work
//! without an SPA fallback, and crawlers and link previews see each page's own head without
//! running the app. The app removes the tags marked `data-shell` when it starts and keeps the
//! head itself from then on.

use std::{fs, io, path::Path};

use folio_content::{pages, Site};
use quick_xml::escape::escape;

use crate::{post::Post, sitemap::absolute};

/// The page `index.html` is the shell of.
const HOME: &str = "/";

/// What one page's head says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shell {
    /// The page's path within the site, from `folio_content::pages`, e.g. `/posts/hello`.
    pub path: String,
    /// The document title, as the app gives it.
    pub title: String,
    pub description: String,
    /// The page's address on the deployed site: the canonical link.
    pub url: String,
    /// A post (`article`) or any other page (`website`), for link previews.
    pub article: bool,
    /// The site's title, for link previews.
    pub site_name: String,
    /// The site's language, for `<html lang>`.
    pub language: String,
}

/// The shells' pages are listed as the site's documents are made (`output.rs`).
#[derive(Debug, Default)]
pub struct Shells(pub Vec<Shell>);

impl Shells {
    /// Adds a page with the site's description.
    pub fn page(&mut self, site: &Site, path: String, title: Option<&str>) {
        self.0.push(Shell {
            url: absolute(&site.base_url, &path),
            path,
            title: pages::document_title(title, &site.title),
            description: site.description.clone(),
            article: false,
            site_name: site.title.clone(),
            language: site.language.clone(),
        });
    }

    /// Adds a post's page.
    pub fn post(&mut self, site: &Site, post: &Post) {
        let path = pages::post(&post.summary.slug);
        self.0.push(Shell {
            url: absolute(&site.base_url, &path),
            path,
            title: pages::document_title(Some(&post.summary.title), &site.title),
            description: post.description.clone(),
            article: true,
            site_name: site.title.clone(),
            language: site.language.clone(),
        });
    }
}

/// The file a page's shell is written to: `index.html` for `/`, `posts/hello.html` for
/// `/posts/hello`.
pub fn file_name(path: &str) -> String {
    match path.trim_matches('/') {
        "" => "index.html".to_owned(),
        path => format!("{path}.html"),
    }
}

/// Why the shells could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ShellError {
    #[error("cannot read {0}: {1} (the shells are made from the index.html trunk writes; run this after trunk, as Trunk.toml's post_build hook does)")]
    NoTemplate(String, io::Error),
    #[error("{0} has no <title>...</title> in its head: keep the <title> element in index.html")]
    NoTitle(String),
    #[error("cannot write {0}: {1}")]
    Write(String, io::Error),
}

/// `template` (the app's `index.html`) with `shell`'s head: its title in place of the template's,
/// followed by the description, the canonical link and the link-preview tags; and the site's
/// language in `<html lang>`.
pub fn render(template: &str, shell: &Shell) -> Option<String> {
    let template = with_language(template, &shell.language);
    let start = template.find("<title>")?;
    let end = template[start..].find("</title>")? + start + "</title>".len();
    let url = &shell.url;
    let kind = if shell.article { "article" } else { "website" };
    let head = [
        format!("<title>{}</title>", escape(shell.title.as_str())),
        meta("name", "description", &shell.description),
        format!(
            "<link rel=\"canonical\" href=\"{}\" data-shell />",
            escape(url.as_str())
        ),
        meta("property", "og:title", &shell.title),
        meta("property", "og:description", &shell.description),
        meta("property", "og:url", url),
        meta("property", "og:type", kind),
        meta("property", "og:site_name", &shell.site_name),
    ]
    .join("\n    ");
    Some(format!("{}{head}{}", &template[..start], &template[end..]))
}

/// `template` with `language` as the value of its `<html lang="...">`, if it has one.
fn with_language(template: &str, language: &str) -> String {
    const OPENING: &str = "<html lang=\"";
    let Some(start) = template.find(OPENING).map(|at| at + OPENING.len()) else {
        return template.to_owned();
    };
    let Some(length) = template[start..].find('"') else {
        return template.to_owned();
    };
    format!(
        "{}{}{}",
        &template[..start],
        escape(language),
        &template[start + length..]
    )
}

fn meta(attribute: &str, name: &str, content: &str) -> String {
    format!(
        "<meta {attribute}=\"{name}\" content=\"{}\" data-shell />",
        escape(content)
    )
}

/// Writes every shell into `out_dir`, from the `index.html` there (which becomes the home page's
/// shell). Each file is written whole, to a temporary name first.
pub fn write(out_dir: &Path, shells: &[Shell]) -> Result<usize, ShellError> {
    let index = out_dir.join("index.html");
    let shown = index.display().to_string();
    let template =
        fs::read_to_string(&index).map_err(|error| ShellError::NoTemplate(shown.clone(), error))?;
    // A second run (trunk serve rebuilds) starts from a shell: its head is put back the same way.
    let template = strip_shell_tags(&template);
    for shell in shells {
        let html = render(&template, shell).ok_or_else(|| ShellError::NoTitle(shown.clone()))?;
        let target = out_dir.join(file_name(&shell.path));
        let failed = |error| ShellError::Write(target.display().to_string(), error);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder).map_err(failed)?;
        }
        let temporary = target.with_extension("html.folio-tmp");
        fs::write(&temporary, html).map_err(failed)?;
        fs::rename(&temporary, &target).map_err(failed)?;
    }
    let home_written = shells.iter().any(|shell| shell.path == HOME);
    if !home_written {
        fs::write(&index, template).map_err(|error| ShellError::Write(shown, error))?;
    }
    Ok(shells.len())
}

/// `html` without the lines a previous run added (those marked `data-shell`).
fn strip_shell_tags(html: &str) -> String {
    html.lines()
        .filter(|line| !line.contains("data-shell"))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_content::FORMAT_VERSION;

    fn site() -> Site {
        Site {
            format: FORMAT_VERSION,
            title: "Tom & Jerry's".into(),
            description: "Cats <and> mice".into(),
            language: "en-GB".into(),
            base_url: "https://x.org/blog/".into(),
            contact: None,
            trusted_html: false,
            posts_per_page: 10,
        }
    }

    const TEMPLATE: &str =
        "<html lang=\"en\">\n  <head>\n    <title>Folio</title>\n    <base href=\"/blog/\" />\n  </head>\n</html>\n";

    #[test]
    fn file_names_are_clean_urls() {
        assert_eq!(file_name("/"), "index.html");
        assert_eq!(file_name("/posts/hello"), "posts/hello.html");
        assert_eq!(file_name("/tags/rust/page/2"), "tags/rust/page/2.html");
    }

    #[test]
    fn the_head_gets_the_page_title_description_canonical_and_previews_escaped() {
        let mut shells = Shells::default();
        shells.page(
            &site(),
            pages::tag(&folio_content::Slug::parse("a-b").unwrap(), 2),
            Some("Posts tagged “a&b”, page 2"),
        );
        let html = render(TEMPLATE, &shells.0[0]).unwrap();
        assert_eq!(
            html,
            "<html lang=\"en-GB\">\n  <head>\n    <title>Posts tagged “a&amp;b”, page 2 – Tom &amp; Jerry&apos;s</title>\n    \
             <meta name=\"description\" content=\"Cats &lt;and&gt; mice\" data-shell />\n    \
             <link rel=\"canonical\" href=\"https://x.org/blog/tags/a-b/page/2\" data-shell />\n    \
             <meta property=\"og:title\" content=\"Posts tagged “a&amp;b”, page 2 – Tom &amp; Jerry&apos;s\" data-shell />\n    \
             <meta property=\"og:description\" content=\"Cats &lt;and&gt; mice\" data-shell />\n    \
             <meta property=\"og:url\" content=\"https://x.org/blog/tags/a-b/page/2\" data-shell />\n    \
             <meta property=\"og:type\" content=\"website\" data-shell />\n    \
             <meta property=\"og:site_name\" content=\"Tom &amp; Jerry&apos;s\" data-shell />\n    \
             <base href=\"/blog/\" />\n  </head>\n</html>\n"
        );
        assert_eq!(render("<html></html>", &shells.0[0]), None);
    }

    #[test]
    fn writing_twice_gives_the_same_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("index.html"), TEMPLATE).unwrap();
        let mut shells = Shells::default();
        shells.page(&site(), pages::home(1), None);
        shells.page(
            &site(),
            pages::ARCHIVE.to_owned(),
            Some(pages::ARCHIVE_TITLE),
        );
        write(dir.path(), &shells.0).unwrap();
        let first = fs::read_to_string(dir.path().join("index.html")).unwrap();
        let archive = fs::read_to_string(dir.path().join("archive.html")).unwrap();
        assert!(
            first.contains("<title>Tom &amp; Jerry&apos;s</title>"),
            "{first}"
        );
        assert!(
            archive.contains("<title>Archive – Tom &amp; Jerry&apos;s</title>"),
            "{archive}"
        );
        assert_eq!(first.matches("data-shell").count(), 7);
        write(dir.path(), &shells.0).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("index.html")).unwrap(),
            first
        );
    }

    #[test]
    fn a_missing_template_says_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let error = write(dir.path(), &[]).unwrap_err().to_string();
        assert!(error.contains("post_build hook"), "{error}");
    }
}

//! The step after trunk: every page of the list (`site_pages.rs`, left by the step before) as
//! its own HTML file, made from the `index.html` trunk wrote: the page's head (`head.rs`) and
//! its body rendered natively by the app's own components (`folio::prerender`) from the data
//! files already written. Then the deploy files and the precompressed copies. The posts are not
//! read again.

use std::{
    fs, io,
    path::{Path, PathBuf},
    sync::atomic::{AtomicUsize, Ordering},
};

use folio::{pages::PageContent, prerender::render_body};
use folio_content::{pages::url_path, paths, Site};
use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::outputs::{
    compress::{compress_all, Compressed},
    deploy::{
        headers_file, meta_policy, nginx_redirects, redirects_file, HEADERS_FILE,
        NGINX_REDIRECTS_FILE, REDIRECTS_FILE,
    },
    head::head,
    redirect_page::redirect_page,
    scripts::separate,
    site_pages::{PageKind, SitePage, MANIFEST},
};

/// How the pages are built.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PageOptions {
    /// For `trunk serve`: no policy in the pages (trunk's live reload runs inline code) and no
    /// precompressed copies.
    pub dev: bool,
}

/// What the step did.
#[derive(Debug, Default)]
pub struct PagesWritten {
    pub pages: usize,
    pub compressed: Option<Compressed>,
}

/// Why the pages could not be built.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("cannot read {0}: {1} (the page list and the data are written by folio-bundler before trunk, and index.html by trunk; run this after both, as Trunk.toml's post_build hook does)")]
    Missing(String, io::Error),
    #[error(
        "cannot read {0}: {1} (it was written by another version of folio-bundler; build again)"
    )]
    Decode(String, serde_json::Error),
    #[error("{0} has no {1}: keep it in index.html")]
    Template(String, &'static str),
    #[error("cannot write {0}: {1}")]
    Write(String, io::Error),
}

/// Builds every page's file in `out_dir`, then `_headers`, `_redirects` and, unless `dev`, the
/// precompressed copies; removes the page list. `progress` hears of every thousandth page.
pub fn write_pages(
    out_dir: &Path,
    options: PageOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<PagesWritten, PageError> {
    let pages: Vec<SitePage> = read_json(out_dir, MANIFEST)?;
    let site: Site = read_json(out_dir, paths::SITE)?;
    let base_path = url_path(&site.base_url);
    let index = out_dir.join("index.html");
    let template = fs::read_to_string(&index).map_err(|error| missing(&index, error))?;
    let scripts = separate(&template, &base_path);
    for (name, body) in &scripts.files {
        write(&out_dir.join(name), body.as_bytes())?;
    }
    let policy = (!options.dev).then(|| meta_policy(&scripts.hashes));
    let template = Template::parse(&scripts.html, &site.language)
        .map_err(|part| PageError::Template(index.display().to_string(), part))?;

    let done = AtomicUsize::new(0);
    pages.par_iter().try_for_each(|page| {
        let html = match &page.kind {
            PageKind::Redirect { to } => redirect_page(&site, &base_path, page, to),
            _ => {
                let content = content(out_dir, page)?;
                let body = render_body(&site, &base_path, &page.path, content);
                template.page(&head(&site, &base_path, page, policy.as_deref()), &body)
            }
        };
        write(&out_dir.join(page.file()), html.as_bytes())?;
        let count = done.fetch_add(1, Ordering::Relaxed) + 1;
        if count.is_multiple_of(1000) {
            progress(count, pages.len());
        }
        Ok::<(), PageError>(())
    })?;

    let hashed = hashed_files(out_dir).map_err(|error| missing(out_dir, error))?;
    let headers = headers_file(&base_path, &scripts.hashes, &hashed);
    write(&out_dir.join(HEADERS_FILE), headers.as_bytes())?;
    let redirects = redirects_file(&base_path, paths::FEED, &pages);
    write(
        &out_dir.join(NGINX_REDIRECTS_FILE),
        nginx_redirects(&base_path, &pages).as_bytes(),
    )?;
    write(&out_dir.join(REDIRECTS_FILE), redirects.as_bytes())?;
    let manifest = out_dir.join(MANIFEST);
    fs::remove_file(&manifest).map_err(|error| PageError::Write(shown(&manifest), error))?;
    let compressed = match options.dev {
        true => None,
        false => {
            Some(compress_all(out_dir).map_err(|error| PageError::Write(shown(out_dir), error))?)
        }
    };
    Ok(PagesWritten {
        pages: pages.len(),
        compressed,
    })
}

/// trunk's `index.html`, cut where each page puts its own head and body.
struct Template {
    /// Up to the `<title>`, with the site's language in `<html lang>`.
    before_title: String,
    /// From after the `</title>` up to and including the `</noscript>` notice.
    before_body: String,
    /// The rest: the app's scripts and the end of the document.
    after_body: String,
}

impl Template {
    fn parse(html: &str, language: &str) -> Result<Template, &'static str> {
        let title = html.find("<title>").ok_or("<title> in its head")?;
        let title_end =
            html[title..].find("</title>").ok_or("</title>")? + title + "</title>".len();
        let notice = html
            .find("</noscript>")
            .ok_or("<noscript> notice in its body")?
            + "</noscript>".len();
        if notice < title_end {
            return Err("<noscript> notice in its body");
        }
        let before_title = match html.find("<html lang=\"") {
            Some(at) => {
                let start = at + "<html lang=\"".len();
                let end = html[start..].find('"').map_or(start, |end| start + end);
                let language = quick_xml::escape::escape(language);
                format!("{}{language}{}", &html[..start], &html[end..title])
            }
            None => html[..title].to_owned(),
        };
        Ok(Template {
            before_title,
            before_body: html[title_end..notice].to_owned(),
            after_body: html[notice..].to_owned(),
        })
    }

    fn page(&self, head: &str, body: &str) -> String {
        [
            self.before_title.as_str(),
            head,
            &self.before_body,
            body,
            &self.after_body,
        ]
        .concat()
    }
}

/// What `page` shows, read from the data files the step before trunk wrote.
fn content(out_dir: &Path, page: &SitePage) -> Result<PageContent, PageError> {
    let data = page.data();
    let data = data.as_deref().unwrap_or_default();
    Ok(match &page.kind {
        PageKind::Home { .. } => PageContent::Home(read_json(out_dir, data)?),
        PageKind::Post { .. } => PageContent::Post(Box::new(read_json(out_dir, data)?)),
        PageKind::Tags => PageContent::Tags(read_json(out_dir, data)?),
        PageKind::Tag { slug, .. } => PageContent::Tag(slug.clone(), read_json(out_dir, data)?),
        PageKind::Author { slug, .. } => {
            PageContent::Author(slug.clone(), read_json(out_dir, data)?)
        }
        PageKind::Archive => PageContent::Archive(read_json(out_dir, data)?),
        PageKind::Standalone { .. } => PageContent::Standalone(Box::new(read_json(out_dir, data)?)),
        PageKind::Search => PageContent::Search,
        // An old address has a page of its own (`redirect_page`), never this one.
        PageKind::NotFound | PageKind::Redirect { .. } => PageContent::NotFound,
    })
}

fn read_json<T: DeserializeOwned>(out_dir: &Path, file: &str) -> Result<T, PageError> {
    let path = out_dir.join(file);
    let bytes = fs::read(&path).map_err(|error| missing(&path, error))?;
    serde_json::from_slice(&bytes).map_err(|error| PageError::Decode(shown(&path), error))
}

/// The files at the root whose names carry their content's hash, as trunk names them
/// (`name-0123456789abcdef.js`, `name-0123456789abcdef_bg.wasm`; a hash that starts with zeros
/// is written shorter): the ones kept for a year.
fn hashed_files(out_dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(out_dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let stem = name.split('.').next().unwrap_or_default();
        let stem = stem.strip_suffix("_bg").unwrap_or(stem);
        let hashed = stem.rsplit_once('-').is_some_and(|(_, hash)| {
            (10..=16).contains(&hash.len()) && hash.bytes().all(|byte| byte.is_ascii_hexdigit())
        });
        if hashed && !name.ends_with(".br") && !name.ends_with(".gz") {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// Writes `path` whole: to a temporary name first, then renamed.
fn write(path: &Path, bytes: &[u8]) -> Result<(), PageError> {
    let failed = |error| PageError::Write(shown(path), error);
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(failed)?;
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".folio-tmp");
    let temporary = PathBuf::from(temporary);
    fs::write(&temporary, bytes).map_err(failed)?;
    fs::rename(&temporary, path).map_err(failed)
}

fn missing(path: &Path, error: io::Error) -> PageError {
    PageError::Missing(shown(path), error)
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_cut_around_title_and_notice() {
        let html = "<html lang=\"en\"><head><title>Folio</title><base href=\"/\" /></head>\
                    <body><noscript>Enable JS</noscript><script src=\"/a.js\"></script></body></html>";
        let template = Template::parse(html, "en-GB").unwrap();
        assert_eq!(
            template.page("<title>T</title>", "<div>page</div>"),
            "<html lang=\"en-GB\"><head><title>T</title><base href=\"/\" /></head>\
             <body><noscript>Enable JS</noscript><div>page</div><script src=\"/a.js\"></script></body></html>"
        );
        assert_eq!(
            Template::parse("<title>x</title>", "en").err(),
            Some("<noscript> notice in its body")
        );
        assert_eq!(
            Template::parse("<noscript></noscript>", "en").err(),
            Some("<title> in its head")
        );
    }

    #[test]
    fn hashed_files_are_trunks() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "folio-0123456789abcdef.js",
            "folio-0123456789abcdef_bg.wasm",
            "main-0123456789abcdef.css",
            "folio-0123456789abcdef.js.br",
            "feed.xml",
            "x-123.js",
        ] {
            fs::write(dir.path().join(name), "").unwrap();
        }
        assert_eq!(
            hashed_files(dir.path()).unwrap(),
            [
                "folio-0123456789abcdef.js",
                "folio-0123456789abcdef_bg.wasm",
                "main-0123456789abcdef.css"
            ]
        );
    }
}

//! Every page of the list (`site_pages.rs`) as its own HTML file, made from the `index.html`
//! trunk wrote for the app: the page's head (`head.rs`) and its body rendered natively by the
//! app's own components (`folio::prerender`) from the data the build made. With them, the app's
//! files, its scripts (`scripts.rs`) and the deploy files. Each page is planned with the
//! fingerprint of everything it is made from, so a page whose inputs did not change is not
//! rendered again (`publish`).

use std::{
    fs, io,
    path::{Path, PathBuf},
    sync::Arc,
};

use folio::{
    pages::{DataDocument, PageContent},
    prerender::render_body,
};
use folio_content::{pages::url_path, paths, Site, Versioned};
use serde::de::DeserializeOwned;

use crate::{
    names::{HEADERS_FILE, NGINX_CACHE_FILE, NGINX_REDIRECTS_FILE, REDIRECTS_FILE, SPLIT_LOADER},
    outputs::{
        deploy::{headers_file, meta_policy, nginx_immutable, nginx_redirects, redirects_file},
        document::Document,
        documents::{Files, Output},
        head::head,
        offline,
        redirect_page::redirect_page,
        scripts::separate,
        site_pages::{Kind, SitePage},
    },
    publish::{fingerprint, kept_copies, Planned, Source},
};

/// The template's name in trunk's output.
const TEMPLATE_FILE: &str = "index.html";

/// How the pages are built.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageOptions {
    /// For the dev server: this script (its address under the site's base path) loaded by
    /// every page, which reloads the page when the site changes.
    pub dev_script: Option<String>,
}

/// Why the pages could not be planned.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("cannot read {0}: {1} (the app is built by trunk: cargo xtask build does both)")]
    Missing(String, io::Error),
    #[error("{0} has no {1}: keep it in index.html")]
    Template(String, &'static str),
    #[error("cannot read the build's {0}: {1} (this is a bug in folio-bundler; please report it)")]
    Decode(String, String),
    #[error("{0}: {1} (or set offline = false in site.toml)")]
    Icon(String, String),
}

/// The app as trunk built it: the page template and the files beside it (the wasm, the JS, the
/// style sheet, the icon).
#[derive(Clone, Debug)]
pub struct App {
    dir: PathBuf,
    template: String,
    /// Every file but the template, relative to `dir`, `/`-separated.
    files: Vec<String>,
}

impl App {
    /// Reads the app trunk built into `dir`.
    pub fn read(dir: &Path) -> Result<App, PageError> {
        let index = dir.join(TEMPLATE_FILE);
        let template = fs::read_to_string(&index).map_err(|error| missing(&index, error))?;
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(dir).min_depth(1) {
            let entry = entry.map_err(|error| missing(dir, io::Error::other(error)))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            let parts: Vec<_> = relative.iter().map(|part| part.to_string_lossy()).collect();
            // Hidden entries are no part of the app: trunk's staging folder while it builds.
            let hidden = parts.iter().any(|part| part.starts_with('.'));
            let name = parts.join("/");
            if name != TEMPLATE_FILE && !hidden {
                files.push(name);
            }
        }
        files.sort();
        Ok(App {
            dir: dir.to_owned(),
            template,
            files,
        })
    }
}

impl App {
    /// Where the compressed copies of the app's files are kept (`publish::kept_copies`): beside
    /// its folder, `<folder>.compressed`, so that trunk's next build of the app leaves it.
    pub fn store(&self) -> PathBuf {
        let mut store = self.dir.as_os_str().to_owned();
        store.push(".compressed");
        PathBuf::from(store)
    }

    /// Forgets the kept copies of files that are no longer the app's.
    pub fn prune_store(&self) {
        kept_copies::prune(&self.store(), &self.files);
    }
}

/// The files of reading offline (`offline`): the app's files and scripts kept by the worker, and
/// its icons drawn from the app's SVG favicon.
fn offline_files_of(
    site: &Site,
    base_path: &str,
    app: &App,
    scripts: &[(String, String)],
) -> Result<offline::OfflineFiles, PageError> {
    let favicon = app
        .files
        .iter()
        .find(|file| file.starts_with("favicon") && file.ends_with(".svg"));
    let svg = match favicon {
        Some(name) => {
            let path = app.dir.join(name);
            Some(fs::read(&path).map_err(|error| missing(&path, error))?)
        }
        None => None,
    };
    let kept: Vec<&str> = app
        .files
        .iter()
        .chain(scripts.iter().map(|(name, _)| name))
        .map(String::as_str)
        .collect();
    let favicon = favicon.map(String::as_str).zip(svg.as_deref());
    offline::offline_files(site, base_path, &kept, favicon).map_err(|error| {
        PageError::Icon(
            favicon.map_or_else(String::new, |(name, _)| name.to_owned()),
            error,
        )
    })
}

/// What every page's file is made from, shared by the pages rendered in parallel.
struct Shared {
    site: Site,
    base_path: String,
    template: Template,
    policy: String,
}

/// Plans every page of `output`'s list, the app's files and scripts, and the deploy files.
pub fn page_files<'a>(
    output: &'a Output,
    app: &App,
    options: &PageOptions,
) -> Result<Vec<Planned<'a>>, PageError> {
    let site_json = match output.files.get(paths::SITE) {
        Some(document) => document
            .contents()
            .map_err(|error| PageError::Decode(paths::SITE.to_owned(), error))?,
        None => Default::default(),
    };
    let site: Site = decode(paths::SITE, &site_json)?;
    let base_path = url_path(&site.base_url);
    // The loader of the app's later modules, which its JS imports at once (xtask/src/wasm_split.rs).
    let split_loaders: Vec<&str> = app
        .files
        .iter()
        .map(String::as_str)
        .filter(|file| file.ends_with(&format!("/{SPLIT_LOADER}")))
        .collect();
    let scripts = separate(&app.template, &base_path, &split_loaders);
    let mut planned: Vec<Planned<'a>> = scripts
        .files
        .iter()
        .map(|(name, body)| Planned::bytes(name.clone(), body.as_bytes()))
        .collect();
    let store = app.store();
    planned.extend(app.files.iter().map(|name| Planned {
        path: name.clone(),
        source: Source::AppFile {
            file: app.dir.join(name),
            store: store.clone(),
        },
    }));
    let mut html = scripts.html.clone();
    // Not in the dev server: a worker would answer with what it kept, not with the edit.
    if site.offline && options.dev_script.is_none() {
        let offline = offline_files_of(&site, &base_path, app, &scripts.files)?;
        if let Some(end) = html.find("</head>") {
            html.insert_str(end, &offline.head);
        }
        planned.extend(
            offline
                .files
                .into_iter()
                .map(|(name, body)| Planned::bytes(name, body)),
        );
    }
    if let Some(script) = &options.dev_script {
        // In the head, so that it is fetched before the app's files and data: at the end of
        // the body, Chromium held it back behind them, now and then until the page closed
        // (the page then never loaded, nor reloaded after an edit; 1 load in 10 to 30).
        if let Some(end) = html.find("</head>") {
            html.insert_str(
                end,
                &format!("<script type=\"module\" src=\"{base_path}{script}\"></script>"),
            );
        }
    }
    // The dev server's script is a file of the site's own: the policy stays as deployed.
    let policy = meta_policy(&scripts.hashes);
    let index = app.dir.join(TEMPLATE_FILE);
    let template = Template::parse(&html, &site.language)
        .map_err(|part| PageError::Template(index.display().to_string(), part))?;
    let template_key = fingerprint::of_parts([
        fingerprint::of_this_program().as_bytes(),
        template.before_title.as_bytes(),
        template.before_body.as_bytes(),
        template.after_body.as_bytes(),
        &site_json,
        policy.as_bytes(),
    ]);
    let shared = Arc::new(Shared {
        site,
        base_path,
        template,
        policy,
    });
    for page in &output.pages {
        planned.push(page_file(&shared, &template_key, &output.files, page)?);
    }

    let base_path = &shared.base_path;
    let mut hashed: Vec<String> = app
        .files
        .iter()
        .chain(scripts.files.iter().map(|(name, _)| name))
        .filter(|name| is_hashed(name))
        // The link preview cards are named by their hash too (`outputs::cards`).
        .chain(
            output
                .copies
                .keys()
                .filter(|name| name.starts_with(&format!("{}/", crate::names::CARDS_DIR))),
        )
        .cloned()
        .collect();
    hashed.sort();
    let headers = headers_file(base_path, &scripts.hashes, &hashed);
    planned.push(Planned::bytes(
        HEADERS_FILE,
        authors_rules_first(output, HEADERS_FILE, headers)?,
    ));
    planned.push(Planned::bytes(
        NGINX_CACHE_FILE,
        nginx_immutable(base_path, &hashed),
    ));
    let redirects = redirects_file(base_path, paths::FEED, &output.pages);
    planned.push(Planned::bytes(
        REDIRECTS_FILE,
        authors_rules_first(output, REDIRECTS_FILE, redirects)?,
    ));
    planned.push(Planned::bytes(
        NGINX_REDIRECTS_FILE,
        nginx_redirects(base_path, &output.pages),
    ));
    Ok(planned)
}

/// The host file `name` with the rules of the author's own `static/<name>` (if any) ahead of
/// Folio's `rules`: Netlify and Cloudflare take the first redirect that matches, so the author's
/// win; their headers add up.
fn authors_rules_first(output: &Output, name: &str, rules: String) -> Result<String, PageError> {
    let Some(source) = output.copies.get(name) else {
        return Ok(rules);
    };
    let own = fs::read_to_string(source).map_err(|error| missing(source, error))?;
    let own = own.trim_end();
    Ok(format!(
        "# From {}:\n{own}\n\n# Folio's:\n{rules}",
        source
            .strip_prefix(&output.site_dir)
            .unwrap_or(source)
            .display()
    ))
}

/// The file of one page: an old address's page at once, any other rendered when needed.
fn page_file<'a>(
    shared: &Arc<Shared>,
    template_key: &str,
    files: &'a Files,
    page: &'a SitePage,
) -> Result<Planned<'a>, PageError> {
    if let Kind::Redirect { to, .. } = &page.kind {
        let html = redirect_page(&shared.site, &shared.base_path, page, to);
        return Ok(Planned::bytes(page.file(), html));
    }
    let data: Option<&Document> = match page.data() {
        Some(path) => Some(files.get(&path).ok_or_else(|| {
            PageError::Decode(path.clone(), "the page's data is missing".to_owned())
        })?),
        None => None,
    };
    // The page's key comes from its data's key: neither needs encoding to be compared.
    let described = fingerprint::of_value(page).to_le_bytes();
    let data_key = data.map(Document::key).unwrap_or_default().to_le_bytes();
    let key = fingerprint::of_parts_u128([template_key.as_bytes(), &described, &data_key]);
    let shared = Arc::clone(shared);
    let make = move || {
        let data = data.map(Document::contents).transpose()?;
        let content = content(page, data.as_deref().unwrap_or_default())
            .map_err(|error| error.to_string())?;
        let Shared {
            site,
            base_path,
            template,
            policy,
        } = shared.as_ref();
        let body = render_body(site, base_path, &page.path, content);
        let head = head(site, base_path, page, policy);
        Ok(template.page(&head, &body).into_bytes())
    };
    Ok(Planned {
        path: page.file(),
        source: Source::Made {
            key,
            make: Box::new(make),
        },
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

/// What `page` shows, decoded from its data document.
fn content(page: &SitePage, data: &[u8]) -> Result<PageContent, PageError> {
    match &page.kind {
        Kind::Routed(kind) => {
            let path = kind.data_path().unwrap_or_default();
            PageContent::read(kind.clone(), &Made(&path, data))
        }
        // An old address has a page of its own (`redirect_page`), never this one.
        Kind::NotFound | Kind::Redirect { .. } => Ok(PageContent::NotFound),
    }
}

/// A data document the build made, and its path.
struct Made<'a>(&'a str, &'a [u8]);

impl DataDocument for Made<'_> {
    type Error = PageError;

    fn read<T: DeserializeOwned + Versioned>(&self) -> Result<T, PageError> {
        decode(self.0, self.1)
    }
}

fn decode<T: DeserializeOwned>(path: &str, bytes: &[u8]) -> Result<T, PageError> {
    serde_json::from_slice(bytes)
        .map_err(|error| PageError::Decode(path.to_owned(), error.to_string()))
}

/// Whether `name` is a file at the root whose name carries its content's hash, as trunk names
/// them (`name-0123456789abcdef.js`, `name-0123456789abcdef_bg.wasm`; a hash that starts with
/// zeros is written shorter), or a file in a folder at the root so named (the app's later
/// modules, `folio-0123456789abcdef/split_page.wasm`): the ones kept for a year.
fn is_hashed(name: &str) -> bool {
    match name.split_once('/') {
        Some((folder, file)) => !file.contains('/') && has_hash(folder),
        None => has_hash(name),
    }
}

/// Whether a file or folder name ends in a hash, before its extensions.
fn has_hash(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (10..=16).contains(&hash.len()) && hash.bytes().all(|byte| byte.is_ascii_hexdigit())
    })
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
        let names = [
            "folio-0123456789abcdef.js",
            "folio-0123456789abcdef_bg.wasm",
            "main-0123456789abcdef.css",
            "feed.xml",
            "x-123.js",
            "snippets/a-0123456789abcdef/x.js",
            "folio-0123456789abcdef/split_page.wasm",
            "static/notes.js",
        ];
        let hashed: Vec<&str> = names.into_iter().filter(|name| is_hashed(name)).collect();
        assert_eq!(
            hashed,
            [
                "folio-0123456789abcdef.js",
                "folio-0123456789abcdef_bg.wasm",
                "main-0123456789abcdef.css",
                "folio-0123456789abcdef/split_page.wasm"
            ]
        );
    }
}

//! Helpers for the output tests: fixture sites, builds as of a fixed day, documents read back,
//! and the whole output as one readable text for snapshots.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use std::path::{Path, PathBuf};

use folio_bundler::{
    outputs::{
        page_files::{App, PageOptions},
        site_pages::SitePage,
    },
    publish::{ledger, PublishOptions, Published},
    BuildOptions, Output, Problem,
};
use folio_content::{
    paths,
    search::index::{SearchIndex, SearchPosts, TermShard},
    Archive, AuthorIndex, Date, PageBundle, PostBundle, PostPage, SeriesIndex, SeriesPage, Site,
    TagIndex,
};
use serde::{de::DeserializeOwned, Serialize};

/// The day the tests build as of: the full fixture has a post after it.
pub const NOW: &str = "2025-06-01";

/// The fixture site called `name`, under `tests/fixtures/sites/` at the workspace root.
pub fn site(name: &str) -> PathBuf {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/sites"
    ))
    .join(name)
}

pub fn day(text: &str) -> Date {
    text.parse().unwrap()
}

/// Options as of `NOW`.
pub fn options(drafts: bool) -> BuildOptions {
    BuildOptions {
        drafts,
        // Not in the fixture's folder: the tests leave the sources as they were.
        cache_dir: Some(std::env::temp_dir().join("folio-test-image-cache")),
        ..BuildOptions::new(day(NOW))
    }
}

/// Builds the site in `dir` as of `NOW`, failing the test on any problem.
pub fn build(dir: &Path, drafts: bool) -> Output {
    build_with(dir, &options(drafts))
}

/// Builds the site in `dir`, failing the test on any problem.
pub fn build_with(dir: &Path, options: &BuildOptions) -> Output {
    folio_bundler::build(dir, options).unwrap_or_else(|problems| {
        let shown: Vec<String> = problems.iter().map(Problem::to_string).collect();
        panic!("{} should build, but:\n{}", dir.display(), shown.join("\n"))
    })
}

/// trunk's `index.html` for a site under /blog/: the theme script inline, the loader inline.
const TEMPLATE: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <base href="/blog/" />
    <title>Folio</title>
    <script>document.documentElement.dataset.x = '1';</script>
    <link rel="stylesheet" href="/blog/main-0123456789abcdef.css" />
    <link rel="modulepreload" href="/blog/folio-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-js">
<link rel="preload" href="/blog/folio-0123456789abcdef_bg.wasm" crossorigin="anonymous" integrity="sha384-wasm" as="fetch" type="application/wasm">
<script type="module">
import init from '/blog/folio-0123456789abcdef.js';
await init({ module_or_path: '/blog/folio-0123456789abcdef_bg.wasm' });
</script>
  </head>
  <body>
    <noscript>Please enable JavaScript. This webapp requires JavaScript to work.</noscript>
  </body>
</html>
"#;

/// An app as trunk builds it, written into `dir`: `TEMPLATE` and the JS it names.
pub fn app(dir: &Path) -> App {
    std::fs::write(dir.join("index.html"), TEMPLATE).unwrap();
    std::fs::write(dir.join("folio-0123456789abcdef.js"), "export default 1;").unwrap();
    std::fs::write(
        dir.join("favicon-0123456789abcdef.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect width=\"32\" height=\"32\" fill=\"#0b57a4\"/></svg>",
    )
    .unwrap();
    std::fs::write(dir.join("search_engine.js"), "export default 2;").unwrap();
    App::read(dir).unwrap()
}

/// Publishes `output` into `out`, with the pages, the app's files and the deploy files when
/// `app` is given, and compressed copies when `compress`; the ledger goes into `cache`.
pub fn publish(
    output: &Output,
    app: Option<&App>,
    out: &Path,
    cache: &Path,
    compress: bool,
) -> Published {
    let plan = folio_bundler::plan(output, app, &PageOptions::default()).unwrap();
    let options = PublishOptions {
        compress,
        ledger: ledger::path_for(cache, out),
        trust_ledger: false,
        in_place: false,
    };
    folio_bundler::publish::publish(plan, out, &options, &indicatif::ProgressBar::hidden()).unwrap()
}

/// The document at `path`, decoded.
pub fn document<T: DeserializeOwned>(output: &Output, path: &str) -> T {
    let bytes = output
        .files
        .get(path)
        .unwrap_or_else(|| panic!("no {path} in {:?}", output.files.keys()));
    serde_json::from_slice(&bytes.contents().unwrap())
        .unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The text of the file at `path`.
pub fn text(output: &Output, path: &str) -> String {
    let bytes = output
        .files
        .get(path)
        .unwrap_or_else(|| panic!("no {path} in {:?}", output.files.keys()));
    String::from_utf8(bytes.contents().unwrap().into_owned()).unwrap()
}

/// The paths of every file of `output`, in order.
pub fn paths(output: &Output) -> Vec<&str> {
    output.files.keys().map(String::as_str).collect()
}

/// Every file of `output` under a `==> path <==` line: JSON decoded as its wire type (so that
/// the reader's types are checked too) and pretty-printed in field order, the rest as it is.
pub fn shown(output: &Output) -> String {
    let mut shown = String::new();
    for path in output.files.keys() {
        let body = if path.ends_with(".json") {
            pretty(output, path)
        } else {
            text(output, path)
        };
        shown.push_str(&format!("==> {path} <==\n{body}\n"));
    }
    for (path, source) in &output.copies {
        let bytes = std::fs::metadata(source).unwrap().len();
        let name = source.file_name().unwrap().to_string_lossy();
        shown.push_str(&format!(
            "==> {path} <==\n(a copy of {name}, {bytes} bytes)\n\n"
        ));
    }
    let pages = serde_json::to_string_pretty::<Vec<SitePage>>(&output.pages).unwrap();
    shown.push_str(&format!("==> (the list of pages) <==\n{pages}\n\n"));
    shown
}

fn pretty(output: &Output, path: &str) -> String {
    fn as_type<T: DeserializeOwned + Serialize>(output: &Output, path: &str) -> String {
        let document: T = document(output, path);
        serde_json::to_string_pretty(&document).unwrap() + "\n"
    }
    match path {
        paths::SITE => as_type::<Site>(output, path),
        paths::TAGS => as_type::<TagIndex>(output, path),
        paths::AUTHORS => as_type::<AuthorIndex>(output, path),
        paths::ARCHIVE => as_type::<Archive>(output, path),
        paths::SERIES_INDEX => as_type::<SeriesIndex>(output, path),
        _ if path.starts_with("data/series/") => as_type::<SeriesPage>(output, path),
        _ if path.starts_with("data/posts/") => as_type::<PostBundle>(output, path),
        _ if path.starts_with("data/pages/") => as_type::<PageBundle>(output, path),
        _ if path.contains("/page-") => as_type::<PostPage>(output, path),
        paths::SEARCH_INDEX => as_type::<SearchIndex>(output, path),
        _ if path.starts_with("data/search/posts-") => as_type::<SearchPosts>(output, path),
        // A term a line: what each post's impact is, and where.
        _ if path.starts_with("data/search/terms-") => {
            let shard: TermShard = document(output, path);
            let lines: Vec<String> = shard
                .terms
                .iter()
                .map(|postings| serde_json::to_string(postings).unwrap())
                .collect();
            format!("format {}\n{}\n", shard.format, lines.join("\n"))
        }
        // No wire type: the JSON Feed is shown as JSON, its keys sorted.
        paths::JSON_FEED => as_type::<serde_json::Value>(output, path),
        _ => panic!("which document is {path}?"),
    }
}

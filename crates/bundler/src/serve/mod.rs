//! The dev server (`folio-bundler --serve ADDRESS`): builds the site, serves it on this machine
//! (`http.rs`), and after each burst of changes to the content or the app (`watch.rs`) builds
//! it again, into the same folder, so that only what the change affects is made and written;
//! then every open page reloads (`live.rs`). No cargo and no trunk run for a change of content.
//! A build that fails leaves the last good site served, and the pages show its problems, each
//! located, until a build succeeds.

mod http;
mod live;
mod watch;

use std::{
    path::{Path, PathBuf},
    sync::{Arc, RwLock},
    time::Instant,
};

use anyhow::Context;
use folio_content::{pages::url_path, paths, Site};
use indicatif::ProgressBar;

use crate::{
    options::BuildOptions,
    outputs::page_files::{App, PageOptions},
    pipeline::{self, seconds, Failed, Job},
    Memo, Problem,
};

/// What to serve, and where.
pub struct ServeOptions {
    pub site_dir: PathBuf,
    /// Where trunk builds the app (`trunk watch` keeps it up to date).
    pub app_dir: PathBuf,
    pub out_dir: PathBuf,
    pub build: BuildOptions,
    /// Where to listen: an address of this machine and a port, `127.0.0.1:8080`.
    pub address: String,
}

/// Serves until the program is stopped.
pub fn serve(options: &ServeOptions) -> anyhow::Result<()> {
    let served = Arc::new(http::Served {
        out_dir: options.out_dir.clone(),
        base_path: RwLock::new("/".to_owned()),
        live: live::Live::default(),
        files: RwLock::new(()),
    });
    let memo = Memo::for_many_builds(&options.build.cache_dir(&options.site_dir));
    let mut watch = watch::Watch::start(&options.site_dir, &options.app_dir)
        .with_context(|| format!("cannot watch {}", options.site_dir.display()))?;
    build(options, &served, &memo, "the first build");
    http::start(&options.address, Arc::clone(&served))
        .with_context(|| format!("cannot listen on {}", options.address))?;
    let base = served
        .base_path
        .read()
        .map(|base| base.clone())
        .unwrap_or_default();
    eprintln!(
        "folio-bundler: serving http://{}{base} (Ctrl-C stops); watching {} and the app",
        options.address,
        options.site_dir.display()
    );
    while let Some(changed) = watch.next() {
        let first = changed
            .iter()
            .next()
            .map(|path| shown(&options.site_dir, path));
        let what = match (first, changed.len()) {
            (Some(first), 1) => first,
            (Some(first), count) => format!("{first} and {} more", count - 1),
            (None, _) => "a change".to_owned(),
        };
        build(options, &served, &memo, &what);
    }
    Ok(())
}

/// One build after `what` changed, with the posts of the builds before in `memo`: the outcome
/// printed and told to the pages.
fn build(options: &ServeOptions, served: &http::Served, memo: &Memo, what: &str) {
    let started = Instant::now();
    let building = served.files.write();
    let outcome = App::read(&options.app_dir)
        .map_err(Failed::from)
        .and_then(|app| {
            let job = Job {
                site_dir: &options.site_dir,
                app: Some(&app),
                out_dir: &options.out_dir,
                options: &options.build,
                pages: PageOptions {
                    dev_script: Some(http::SCRIPT.to_owned()),
                },
                compress: false,
                memo: Some(memo),
                in_place: true,
            };
            pipeline::run(&job, &ProgressBar::hidden())
        });
    match outcome {
        Ok(done) => {
            for warning in &done.warnings {
                eprintln!("{}", warning.as_warning());
            }
            if let Ok(mut base) = served.base_path.write() {
                *base = base_path(options);
            }
            eprintln!(
                "folio-bundler: {what}: built in {}: {done}",
                seconds(started.elapsed()),
            );
            served.live.built();
        }
        Err(failed) => {
            let text = match &failed {
                Failed::Problems(problems) => problems
                    .iter()
                    .map(Problem::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
                other => format!("error: {other}"),
            };
            eprintln!("{text}\nfolio-bundler: {what}: {failed}; the last good build is served");
            served.live.failed(text);
        }
    }
    // Only now: a page served after this has the number of the build it comes from.
    drop(building);
}

/// The site's base path, from the last build's `site.json` (which has the `base_url` the build
/// used); `/` before the first.
fn base_path(options: &ServeOptions) -> String {
    std::fs::read(options.out_dir.join(paths::SITE))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Site>(&bytes).ok())
        .map_or_else(|| "/".to_owned(), |site| url_path(&site.base_url))
}

/// `path` as the author knows it: inside the site folder, relative to it.
fn shown(site_dir: &Path, path: &Path) -> String {
    path.strip_prefix(site_dir)
        .unwrap_or(path)
        .display()
        .to_string()
}

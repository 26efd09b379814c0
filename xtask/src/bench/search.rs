//! `cargo xtask bench search [--sizes 1000,10000]`: Folio's search against Pagefind on the same
//! generated posts, in the same run. For each size: the posts generated, the site built as users
//! build it (`cargo xtask build`), Pagefind run over the same posts' built pages, both served by
//! nginx with the shipped configuration, and tests/bench/search.mjs measuring in headless
//! Chromium; and the bundler's data step (the program `cargo xtask build` runs) on
//! the same posts with the index and without (`search = false`). Writes the "Search" section
//! of BENCHMARKS.md.

mod report;

pub use report::percentile;

use super::CHROMIUM;
use std::{
    fs,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use super::{pages::server::Server, Timing};
use crate::{build, cmd, gen_posts};

/// Words of the generated posts: the first two are the first and the second query whose bytes
/// are counted; every one is timed. Sixty, so that the p95 is the fourth largest time, not the
/// second: one slow key does not decide it.
#[rustfmt::skip]
const QUERIES: &[&str] = &[
    "compiler", "latency", "webassembly", "rollback", "sitemap", "budget", "dashboard", "fonts",
    "incident", "lockfile", "throughput", "caching", "markdown", "allocation", "redirect",
    "contrast", "pipeline", "accessibility", "feedback", "profile", "browser", "request",
    "response", "release", "warning", "message", "question", "review", "author", "editor",
    "heading", "layout", "theme", "colour", "query", "index", "route", "bundle", "module",
    "package", "version", "runtime", "thread", "queue", "worker", "deploy", "outage", "alert",
    "trace", "flame", "memory", "network", "origin", "header", "status", "fallback", "renders",
    "measures", "surprising", "expensive",
];

/// What tests/bench/search.mjs writes.
#[derive(Deserialize)]
pub struct Results {
    pub browser: String,
    pub runs: Vec<Run>,
}

/// One engine under one condition.
#[derive(Deserialize)]
pub struct Run {
    pub engine: String,
    pub condition: String,
    pub first: Query,
    pub second: Query,
    pub latencies: Vec<Latency>,
}

/// One keystroke's times, in milliseconds: to the frame after its results are in the page, and
/// to the frame after its letter is in the box (the soonest its results can show).
#[derive(Deserialize)]
pub struct Latency {
    pub results: f64,
    pub letter: f64,
}

impl Run {
    /// The keystrokes' times to their results' frame.
    pub fn results(&self) -> Vec<f64> {
        self.latencies
            .iter()
            .map(|latency| latency.results)
            .collect()
    }

    /// The keystrokes' times to their letter's frame.
    pub fn letters(&self) -> Vec<f64> {
        self.latencies
            .iter()
            .map(|latency| latency.letter)
            .collect()
    }

    /// How many keystrokes' results were in the frame that showed their letter (a frame is
    /// 16.7 ms apart, so within a millisecond is the same one).
    pub fn in_letters_frame(&self) -> usize {
        self.latencies
            .iter()
            .filter(|latency| latency.results - latency.letter < 1.0)
            .count()
    }
}

/// What one query downloaded.
#[derive(Deserialize)]
pub struct Query {
    pub bytes: f64,
    pub requests: usize,
}

/// One size's measurements: the index sizes on disk and the browser's figures.
pub struct Measured {
    pub posts: usize,
    /// Folio's `data/search/`, as JSON and as the gzip copies the build wrote.
    pub folio_index: (u64, u64),
    /// Pagefind's index (already compressed by Pagefind), its UI bundles left out.
    pub pagefind_index: u64,
    pub results: Results,
    /// The bundler's data step with the index and without it.
    pub bundler: (Timing, Timing),
}

/// Timed runs of the bundler's data step, each way.
const BUNDLER_RUNS: usize = 3;

/// `args` starts with `search`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let started = Instant::now();
    let sizes = parse(args.get(1..).unwrap_or_default())?;
    if !Path::new(CHROMIUM).is_file() {
        bail!("no {CHROMIUM}: `cargo xtask setup` installs Debian's chromium");
    }
    let pagefind = root.join("node_modules/.bin/pagefind");
    if !pagefind.is_file() {
        bail!(
            "no {}: `cargo xtask setup` installs the npm packages of package-lock.json",
            pagefind.display()
        );
    }
    let bundler = crate::bundler::build(root)?;
    let bench = root.join("target/bench/search");
    build::remove_if_present(&bench)?;
    let mut environment = super::report::Environment::gather(root, String::new());
    let mut measured = Vec::new();
    for &posts in &sizes {
        measured.push(measure(root, &bench, &pagefind, &bundler, posts)?);
    }
    environment.load_after = super::report::load_average();
    let command = format!("cargo xtask bench {}", args.join(" "));
    let section = report::section(&command, &environment, &measured);
    let path = root.join("BENCHMARKS.md");
    let old = fs::read_to_string(&path).unwrap_or_else(|_| "# Benchmarks\n".to_owned());
    fs::write(&path, super::pages::replace_section(&old, &section))
        .with_context(|| format!("writing {}", path.display()))?;
    println!("\n{section}");
    println!(
        "bench: search at {} in {:.0} s; wrote the \"Search\" section of {}",
        sizes
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(" and ")
            + " posts",
        started.elapsed().as_secs_f64(),
        path.display()
    );
    Ok(())
}

fn parse(args: &[String]) -> Result<Vec<usize>> {
    let usage = "usage: cargo xtask bench search [--sizes 1000,10000]";
    match args {
        [] => Ok(vec![1_000, 10_000]),
        [flag, sizes] if flag == "--sizes" => sizes
            .split(',')
            .map(|size| {
                size.replace('_', "")
                    .parse()
                    .ok()
                    .filter(|&n: &usize| n > 1)
                    .with_context(|| format!("{size:?} is not a number of posts above 1\n{usage}"))
            })
            .collect(),
        _ => bail!("unknown arguments {args:?}\n{usage}"),
    }
}

fn measure(
    root: &Path,
    bench: &Path,
    pagefind: &Path,
    bundler: &Path,
    posts: usize,
) -> Result<Measured> {
    let dir = bench.join(posts.to_string());
    let source = dir.join("source");
    let site = dir.join("site");
    println!("\nbench: {posts} generated posts in {}", source.display());
    gen_posts::write(posts, &source, true)?;
    let bundler = time_bundler(root, bundler, &dir, &source, posts)?;
    println!("bench: building the site with cargo xtask build");
    build::run(
        root,
        &build::Options {
            site: source,
            base_url: None,
            dist: site.clone(),
        },
    )?;
    println!("bench: Pagefind over the same posts' pages");
    let indexing = Instant::now();
    cmd::run(cmd::command(root, pagefind).arg("--site").arg(&site).args([
        "--glob",
        "posts/**/index.html",
        "--output-subdir",
        "pagefind",
    ]))?;
    println!(
        "bench: Pagefind indexed in {:.1} s",
        indexing.elapsed().as_secs_f64()
    );
    let page = site.join("pagefind-bench");
    fs::create_dir_all(&page)?;
    for file in ["index.html", "search.js"] {
        fs::copy(
            root.join("tests/bench/pagefind").join(file),
            page.join(file),
        )
        .with_context(|| format!("copying tests/bench/pagefind/{file}"))?;
    }
    let folio_index = folio_index(&site.join("data/search"))?;
    let pagefind_index = pagefind_index(&site.join("pagefind"))?;
    let output = dir.join("results.json");
    {
        let script = "tests/e2e/serve-nginx.mjs";
        let server = Server::start(root, script, &site, &dir.join("server.log"))?;
        let origin = format!("http://127.0.0.1:{}", server.port);
        println!(
            "bench: {script} serves {} at {origin}/; {} queries per engine and condition",
            site.display(),
            QUERIES.len()
        );
        cmd::run(
            cmd::command(root, "node")
                .arg("tests/bench/search.mjs")
                .env("BENCH_FOLIO_URL", format!("{origin}/search/"))
                .env("BENCH_PAGEFIND_URL", format!("{origin}/pagefind-bench/"))
                .env("BENCH_QUERIES", serde_json::to_string(QUERIES)?)
                .env("BENCH_OUT", &output)
                .env("BENCH_CHROMIUM", CHROMIUM),
        )
        .context("the search measurement failed; what it said is above")?;
    }
    let text =
        fs::read_to_string(&output).with_context(|| format!("reading {}", output.display()))?;
    let results =
        serde_json::from_str(&text).with_context(|| format!("reading {}", output.display()))?;
    Ok(Measured {
        posts,
        folio_index,
        pagefind_index,
        results,
        bundler,
    })
}

/// The bundler's data step on the posts of `source`, as they are (with the index) and with
/// `search = false` (the same posts generated again beside them): a warm-up each, then
/// `BUNDLER_RUNS` timed runs of each, alternating, each into a fresh folder.
fn time_bundler(
    root: &Path,
    bundler: &Path,
    dir: &Path,
    source: &Path,
    posts: usize,
) -> Result<(Timing, Timing)> {
    let without = dir.join("source-without-search");
    gen_posts::write(posts, &without, true)?;
    let settings = without.join("site.toml");
    let text =
        fs::read_to_string(&settings).with_context(|| format!("reading {}", settings.display()))?;
    fs::write(&settings, format!("search = false\n{text}"))
        .with_context(|| format!("writing {}", settings.display()))?;
    let out = dir.join("bundler-out");
    let run = |site: &Path| -> Result<Duration> {
        let took = super::time_data_step(root, bundler, site, &out)?;
        let indexed = out.join("data/search/index.json").is_file();
        if indexed != (site == source) {
            bail!(
                "the bundler {} an index for {}",
                if indexed { "wrote" } else { "wrote no" },
                site.display()
            );
        }
        Ok(took)
    };
    println!(
        "bench: the bundler's data step on {posts} posts, with the index and without: a \
         warm-up and {BUNDLER_RUNS} runs of each, alternating"
    );
    run(source)?;
    run(&without)?;
    let (mut with, mut plain) = (Timing { runs: Vec::new() }, Timing { runs: Vec::new() });
    for _ in 0..BUNDLER_RUNS {
        with.runs.push(run(source)?);
        plain.runs.push(run(&without)?);
    }
    println!(
        "bench: {:.2} s with the index, {:.2} s without",
        with.median().as_secs_f64(),
        plain.median().as_secs_f64()
    );
    build::remove_if_present(&out)?;
    Ok((with, plain))
}

/// The JSON of `data/search/` and its gzip copies, in bytes.
fn folio_index(dir: &Path) -> Result<(u64, u64)> {
    let (mut json, mut gzip) = (0, 0);
    for path in files(dir)? {
        let size = fs::metadata(&path)?.len();
        match path.extension().and_then(|ext| ext.to_str()) {
            Some("json") => json += size,
            Some("gz") => gzip += size,
            _ => {}
        }
    }
    Ok((json, gzip))
}

/// Pagefind's index in bytes: everything it wrote but its ready-made interfaces, which a site
/// with a search page of its own does not load.
fn pagefind_index(dir: &Path) -> Result<u64> {
    let mut total = 0;
    for path in files(dir)? {
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default();
        if !(name.contains("-ui") || name.starts_with("pagefind-highlight")) {
            total += fs::metadata(&path)?.len();
        }
    }
    Ok(total)
}

/// Every file under `dir`.
fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in
            fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push(path);
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_in_its_letters_frame_when_its_results_paint_with_the_letter() {
        let run: Run = serde_json::from_str(
            r#"{"engine": "folio", "condition": "unthrottled",
                "first": {"bytes": 1, "requests": 1}, "second": {"bytes": 1, "requests": 1},
                "latencies": [{"results": 5.2, "letter": 5.1}, {"results": 22.0, "letter": 5.3},
                              {"results": 17.7, "letter": 17.6}]}"#,
        )
        .unwrap();
        assert_eq!(run.in_letters_frame(), 2);
        assert_eq!(run.results(), vec![5.2, 22.0, 17.7]);
        assert_eq!(run.letters(), vec![5.1, 5.3, 17.6]);
    }
}

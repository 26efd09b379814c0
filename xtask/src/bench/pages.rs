//! `cargo xtask bench pages [--runs N] [--dist DIR]`: cold deep links to the seed post in headless
//! Chromium, Folio's prerendered page against the same page without its app, served by the same
//! server in the same run (tests/bench/pages.mjs measures); writes the "Page loads" section of
//! BENCHMARKS.md and leaves the rest of the file as it is.

mod report;
pub mod server;
pub mod strip;

pub use report::{keep_section, median, replace_section};

use super::CHROMIUM;
use std::{
    fs,
    path::{Path, PathBuf},
    time::Instant,
};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use crate::{build, cmd};
use server::Server;

const SLUG: &str = "leading-for-innovation";
const HEADING: &str = "## Page loads";
/// The goal: Folio's largest contentful paint within this many times the static page's.
const LCP_GOAL: f64 = 1.15;

/// What tests/bench/pages.mjs writes: every load's numbers, in milliseconds and bytes.
#[derive(Deserialize)]
struct Results {
    browser: String,
    conditions: Vec<Condition>,
    #[serde(default)]
    warnings: Vec<String>,
}

#[derive(Deserialize)]
struct Condition {
    description: String,
    folio: Vec<Load>,
    #[serde(rename = "static")]
    baseline: Vec<Load>,
}

#[derive(Deserialize)]
struct Load {
    fcp: f64,
    lcp: f64,
    ready: Option<f64>,
    bytes: f64,
    requests: f64,
}

/// What to measure: `--runs N` (default 15) and `--dist DIR` (default dist/, built if needed).
#[derive(Debug, PartialEq)]
struct Options {
    runs: usize,
    dist: Option<PathBuf>,
}

impl Options {
    /// Reads the arguments after `pages`.
    fn parse(args: &[String]) -> Result<Options> {
        let usage = "usage: cargo xtask bench pages [--runs N] [--dist DIR]";
        let mut options = Options {
            runs: 15,
            dist: None,
        };
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let value = rest
                .next()
                .with_context(|| format!("{arg} needs a value\n{usage}"));
            match arg.as_str() {
                "--runs" => {
                    options.runs = value?
                        .parse()
                        .ok()
                        .filter(|&n: &usize| n > 0)
                        .with_context(|| format!("--runs needs a positive number\n{usage}"))?
                }
                "--dist" => options.dist = Some(std::env::current_dir()?.join(value?)),
                other => bail!("unknown option {other:?}\n{usage}"),
            }
        }
        Ok(options)
    }
}

/// `args` starts with `pages`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let started = Instant::now();
    let Options { runs, dist } = Options::parse(args.get(1..).unwrap_or_default())?;
    if !Path::new(CHROMIUM).is_file() {
        bail!("no {CHROMIUM}: `cargo xtask setup` installs Debian's chromium");
    }
    if !root.join("node_modules/@playwright/test").is_dir() {
        bail!("no node_modules/@playwright/test: `cargo xtask setup` installs the npm packages");
    }
    let dist = ensure_dist(root, dist)?;
    let bench = root.join("target/bench/pages");
    let site = bench.join("site");
    build::remove_if_present(&bench)?;
    super::copy_dir(&dist, &site)?;
    let stripped = write_baseline(root, &site)?;
    println!(
        "bench: {} with the baseline page ({stripped} script and preload elements removed)",
        site.display()
    );

    let script = "tests/e2e/serve-nginx.mjs";
    let mut environment = super::report::Environment::gather(root, String::new());
    let output = bench.join("results.json");
    {
        let server = Server::start(root, script, &site, &bench.join("server.log"))?;
        let origin = format!("http://127.0.0.1:{}", server.port);
        println!("bench: {script} serves {} at {origin}/", site.display());
        println!("bench: {runs} runs of a cold load of each page, unthrottled, then mobile-like");
        cmd::run(
            cmd::command(root, "node")
                .arg("tests/bench/pages.mjs")
                .env("BENCH_FOLIO_URL", format!("{origin}/posts/{SLUG}/"))
                .env("BENCH_STATIC_URL", format!("{origin}/baseline/{SLUG}/"))
                .env("BENCH_RUNS", runs.to_string())
                .env("BENCH_OUT", &output)
                .env("BENCH_CHROMIUM", CHROMIUM),
        )
        .context("the page-load measurement failed; what it said is above")?;
    }
    environment.load_after = super::report::load_average();
    let text =
        fs::read_to_string(&output).with_context(|| format!("reading {}", output.display()))?;
    let results: Results =
        serde_json::from_str(&text).with_context(|| format!("reading {}", output.display()))?;

    let server = "nginx with the shipped deploy/nginx.conf (`tests/e2e/serve-nginx.mjs`)";
    let env = &environment;
    let facts = [
        format!("Measured {} with\n\n```sh\ncargo xtask bench {}\n```\n", env.date, args.join(" ")),
        format!(
            "- machine: {} cores (`nproc`), {}, {}; load average {} before the runs\n  and {} after (other work shares the machine)",
            env.cores, env.cpu, env.os, env.load_before, env.load_after
        ),
        format!("- browser: {} (`{CHROMIUM}`, headless), driven by Playwright", results.browser),
        format!("- server: {server}, on 127.0.0.1"),
        format!(
            "- Folio: the site in `{}` as it was, the working tree at commit {}",
            dist.strip_prefix(root).unwrap_or(&dist).display(),
            env.commit
        ),
    ];
    let section = report::section(&results, &facts);
    let path = root.join("BENCHMARKS.md");
    let old = fs::read_to_string(&path).unwrap_or_else(|_| "# Benchmarks\n".to_owned());
    fs::write(&path, report::replace_section(&old, &section))
        .with_context(|| format!("writing {}", path.display()))?;
    println!("\n{section}");
    for warning in &results.warnings {
        println!("bench: warning: {warning}");
    }
    println!(
        "bench: {} cold loads ({runs} runs × 2 pages × {} conditions) in {:.0} s; wrote the \"Page loads\" section of {}",
        runs * 2 * results.conditions.len(),
        results.conditions.len(),
        started.elapsed().as_secs_f64(),
        path.display(),
    );
    Ok(())
}

/// The built site with the seed post's page in it; builds `dist/` when it is the default and lacks the page.
pub(super) fn ensure_dist(root: &Path, dist: Option<PathBuf>) -> Result<PathBuf> {
    let page = |dist: &Path| dist.join(format!("posts/{SLUG}/index.html"));
    if let Some(dist) = dist {
        if !page(&dist).is_file() {
            bail!("no {}: build the site there with `cargo xtask build --dist {}`, or leave out --dist to use dist/", page(&dist).display(), dist.display());
        }
        return Ok(dist);
    }
    let options = build::Options::parse(root, &[])?;
    if !page(&options.dist).is_file() {
        println!(
            "bench: no {}: building the site first",
            page(&options.dist).display()
        );
        build::run(root, &options)?;
        if !page(&options.dist).is_file() {
            bail!(
                "the build wrote no {}: this benchmark needs the prerendered page files",
                page(&options.dist).display()
            );
        }
    }
    Ok(options.dist)
}

/// Writes `baseline/SLUG/index.html` (at the same depth as the post, so relative links resolve
/// alike), with the precompressed copies the post's page has; returns how many elements went.
fn write_baseline(root: &Path, site: &Path) -> Result<usize> {
    let source = site.join(format!("posts/{SLUG}/index.html"));
    let html =
        fs::read_to_string(&source).with_context(|| format!("reading {}", source.display()))?;
    let (page, removed) =
        strip::strip_app(&html).with_context(|| format!("reading {}", source.display()))?;
    if removed == 0 {
        bail!("{} has no <script>: is it a Folio build?", source.display());
    }
    let folder = site.join(format!("baseline/{SLUG}"));
    fs::create_dir_all(&folder).with_context(|| format!("creating {}", folder.display()))?;
    let target = folder.join("index.html");
    fs::write(&target, &page).with_context(|| format!("writing {}", target.display()))?;
    if source.with_extension("html.br").is_file() {
        let mut compressed = Vec::new();
        std::io::Write::write_all(
            &mut brotli::CompressorWriter::new(&mut compressed, 4096, 11, 22),
            page.as_bytes(),
        )?;
        fs::write(target.with_extension("html.br"), compressed)?;
    }
    if source.with_extension("html.gz").is_file() {
        cmd::run(
            cmd::command(root, "gzip")
                .args(["-9", "-n", "-k", "-f"])
                .arg(&target),
        )?;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Options> {
        let args: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
        Options::parse(&args)
    }

    #[test]
    fn parses_runs_and_dist() {
        assert_eq!(
            parse("").unwrap(),
            Options {
                runs: 15,
                dist: None
            }
        );
        let options = parse("--runs 3 --dist /tmp/site").unwrap();
        assert_eq!(
            options,
            Options {
                runs: 3,
                dist: Some(PathBuf::from("/tmp/site"))
            }
        );
        for bad in ["--runs 0", "--runs x", "--runs", "--dist", "--sizes 100"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}

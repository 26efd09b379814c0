//! `cargo xtask bench nav [--runs N] [--sizes seed,1000]`: clicks between a site's built pages in
//! headless Chromium at 4× CPU, Folio's app showing the next page beside the same click between
//! the same pages without the app (a cross-document navigation), in the same run. For each site
//! (the seed site of dist/, a site of N generated posts built by `cargo xtask build`): the site
//! as built and a copy without its app (`nav/baseline.rs`), each served by nginx with the
//! shipped configuration; tests/bench/nav.mjs measures; writes the "Navigation" section of
//! BENCHMARKS.md (`nav/report.rs`) and leaves the rest of the file as it is.

mod baseline;
mod report;

use std::{
    fmt, fs,
    path::{Path, PathBuf},
    time::Instant,
};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use super::{pages::server::Server, CHROMIUM};
use crate::{build, cmd, gen_posts};

/// A site the clicks are made on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Size {
    /// The repository's own site, built into dist/.
    Seed,
    /// A site of this many generated posts (`cargo xtask gen-posts`).
    Posts(usize),
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Size::Seed => f.write_str("seed"),
            Size::Posts(posts) => write!(f, "{posts}"),
        }
    }
}

/// What to measure: `--runs N` (default 15) and `--sizes seed,1000` (the default).
#[derive(Debug, PartialEq)]
struct Options {
    runs: usize,
    sizes: Vec<Size>,
}

impl Options {
    /// Reads the arguments after `nav`.
    fn parse(args: &[String]) -> Result<Options> {
        let usage = "usage: cargo xtask bench nav [--runs N] [--sizes seed,1000]";
        let number = |text: &str| {
            text.replace('_', "")
                .parse()
                .ok()
                .filter(|&n: &usize| n > 0)
                .with_context(|| format!("{text:?} is not a positive number\n{usage}"))
        };
        let mut options = Options {
            runs: 15,
            sizes: vec![Size::Seed, Size::Posts(1000)],
        };
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let value = rest
                .next()
                .with_context(|| format!("{arg} needs a value\n{usage}"));
            match arg.as_str() {
                "--runs" => options.runs = number(value?)?,
                "--sizes" => {
                    options.sizes = value?
                        .split(',')
                        .map(|size| match size {
                            "seed" => Ok(Size::Seed),
                            posts => number(posts).map(Size::Posts),
                        })
                        .collect::<Result<_>>()?
                }
                other => bail!("unknown option {other:?}\n{usage}"),
            }
        }
        Ok(options)
    }
}

/// What tests/bench/nav.mjs writes for one site: every navigation's numbers, in milliseconds.
#[derive(Deserialize)]
struct Results {
    browser: String,
    transitions: Vec<Transition>,
    /// What the script found worth saying: transitions the site has no link for.
    #[serde(default)]
    notes: Vec<String>,
}

/// One kind of navigation ("home → post", "back: post → home"), every run of it.
#[derive(Deserialize)]
struct Transition {
    name: String,
    folio: Vec<FolioRun>,
    baseline: Vec<BaselineRun>,
}

/// One of Folio's navigations.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FolioRun {
    /// From the click to the paint of the frame that shows the next page.
    ms: f64,
    /// The longest main-thread task (`longtask`, only those over 50 ms) and animation frame
    /// (`long-animation-frame`, likewise) from the click to a while after the paint; 0 for none.
    longest_task: f64,
    longest_frame: f64,
    /// Whether a frame painted on the way showed "Loading…".
    loading: bool,
}

/// One of the baseline's navigations.
#[derive(Deserialize)]
struct BaselineRun {
    /// From the click (or `history.back()`) to the next document's first contentful paint, or
    /// to the first frame of a page restored from the back/forward cache.
    ms: f64,
    /// Whether the page came back from the back/forward cache.
    restored: bool,
}

/// One site's measurements, for the report.
struct Site {
    /// "Seed site", "1,000 generated posts".
    title: String,
    /// Where its pages came from.
    built: String,
    results: Results,
}

/// `args` starts with `nav`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let started = Instant::now();
    let options = Options::parse(args.get(1..).unwrap_or_default())?;
    if !Path::new(CHROMIUM).is_file() {
        bail!("no {CHROMIUM}: `cargo xtask setup` installs Debian's chromium");
    }
    if !root.join("node_modules/@playwright/test").is_dir() {
        bail!("no node_modules/@playwright/test: `cargo xtask setup` installs the npm packages");
    }
    let bench = root.join("target/bench/nav");
    build::remove_if_present(&bench)?;
    let mut environment = super::report::Environment::gather(root, String::new());
    let mut sites = Vec::new();
    for &size in &options.sizes {
        let dir = bench.join(size.to_string());
        let (title, built) = prepare(root, &dir, size)?;
        let stripped = baseline::write(root, &dir.join("folio"), &dir.join("baseline"))?;
        println!(
            "\nbench: {title}: the site as built in {}, and without its app in {} ({stripped} pages stripped)",
            dir.join("folio").display(),
            dir.join("baseline").display()
        );
        let results = measure(root, &dir, size, options.runs)?;
        sites.push(Site {
            title,
            built,
            results,
        });
    }
    environment.load_after = super::report::load_average();

    let env = &environment;
    let browser = sites
        .first()
        .map_or("Chromium", |site| site.results.browser.as_str());
    let built: Vec<String> = sites
        .iter()
        .map(|site| format!("{}: {}", site.title, site.built))
        .collect();
    let facts = [
        format!("Measured {} with\n\n```sh\ncargo xtask bench {}\n```\n", env.date, args.join(" ")),
        format!(
            "- machine: {} cores (`nproc`), {}, {}; load average {} before the runs\n  and {} after (other work shares the machine)",
            env.cores, env.cpu, env.os, env.load_before, env.load_after
        ),
        format!("- browser: {browser} (`{CHROMIUM}`, headless), driven by Playwright"),
        "- server: nginx with the shipped deploy/nginx.conf (`tests/e2e/serve-nginx.mjs`), one for the site and one for its baseline, on 127.0.0.1".to_owned(),
        format!("- Folio: the working tree at commit {}; {}", env.commit, built.join("; ")),
    ];
    let section = report::section(&sites, &facts);
    let path = root.join("BENCHMARKS.md");
    let old = fs::read_to_string(&path).unwrap_or_else(|_| "# Benchmarks\n".to_owned());
    fs::write(&path, super::pages::replace_section(&old, &section))
        .with_context(|| format!("writing {}", path.display()))?;
    println!("\n{section}");
    let navigations: usize = sites
        .iter()
        .flat_map(|site| &site.results.transitions)
        .map(|transition| transition.folio.len() + transition.baseline.len())
        .sum();
    println!(
        "bench: {navigations} navigations ({} runs of each kind, Folio and baseline, on {} sites) in {:.0} s; wrote the \"Navigation\" section of {}",
        options.runs,
        sites.len(),
        started.elapsed().as_secs_f64(),
        path.display(),
    );
    Ok(())
}

/// Puts the built site of `size` in `dir/folio`; its title in the report, and where it came from.
fn prepare(root: &Path, dir: &Path, size: Size) -> Result<(String, String)> {
    let folio = dir.join("folio");
    match size {
        Size::Seed => {
            let dist = super::pages::ensure_dist(root, None)?;
            super::copy_dir(&dist, &folio)?;
            let from = format!(
                "a copy of `{}` as it was",
                dist.strip_prefix(root).unwrap_or(&dist).display()
            );
            Ok(("Seed site".to_owned(), from))
        }
        Size::Posts(posts) => {
            let source = dir.join("source");
            println!("\nbench: {posts} generated posts in {}", source.display());
            gen_posts::write(posts, &source, true)?;
            println!("bench: building them with cargo xtask build");
            build::run(
                root,
                &build::Options {
                    site: source,
                    dist: folio,
                    base_url: None,
                },
            )?;
            let title = format!("{} generated posts", super::report::thousands(posts as u64));
            let from = format!("`cargo xtask gen-posts {posts}`, built by `cargo xtask build`");
            Ok((title, from))
        }
    }
}

/// Serves `dir/folio` and `dir/baseline` and runs tests/bench/nav.mjs over them.
fn measure(root: &Path, dir: &Path, size: Size, runs: usize) -> Result<Results> {
    let script = "tests/e2e/serve-nginx.mjs";
    let output = dir.join("results.json");
    {
        let start = |name: &str| {
            let site: PathBuf = dir.join(name);
            Server::start(root, script, &site, &dir.join(format!("{name}-server.log")))
        };
        let (folio, baseline) = (start("folio")?, start("baseline")?);
        let origin = |server: &Server| format!("http://127.0.0.1:{}", server.port);
        println!(
            "bench: {script} serves the site at {}/ and the baseline at {}/",
            origin(&folio),
            origin(&baseline)
        );
        println!("bench: {runs} runs of each navigation, Folio then baseline, at 4× CPU");
        cmd::run(
            cmd::command(root, "node")
                .arg("tests/bench/nav.mjs")
                .env("BENCH_SITE", size.to_string())
                .env("BENCH_FOLIO_ORIGIN", origin(&folio))
                .env("BENCH_BASELINE_ORIGIN", origin(&baseline))
                .env("BENCH_RUNS", runs.to_string())
                .env("BENCH_OUT", &output)
                .env("BENCH_CHROMIUM", CHROMIUM),
        )
        .context("the navigation measurement failed; what it said is above")?;
    }
    let text =
        fs::read_to_string(&output).with_context(|| format!("reading {}", output.display()))?;
    serde_json::from_str(&text).with_context(|| format!("reading {}", output.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Options> {
        let args: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
        Options::parse(&args)
    }

    #[test]
    fn parses_runs_and_sizes() {
        assert_eq!(
            parse("").unwrap(),
            Options {
                runs: 15,
                sizes: vec![Size::Seed, Size::Posts(1000)]
            }
        );
        assert_eq!(
            parse("--sizes 1_000,seed --runs 3").unwrap(),
            Options {
                runs: 3,
                sizes: vec![Size::Posts(1000), Size::Seed]
            }
        );
        assert_eq!(parse("--sizes seed").unwrap().sizes, [Size::Seed]);
        for bad in [
            "--runs 0",
            "--runs x",
            "--runs",
            "--sizes",
            "--sizes seed,0",
            "--sizes seed,,1000",
            "--sizes all",
            "--dist dist",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Size::Posts(1000).to_string(), "1000");
        assert_eq!(Size::Seed.to_string(), "seed");
    }
}

//! `cargo xtask bench bundler [--sizes 100,1000,10000] [--runs R]`: times Folio's bundler (release,
//! opt-level 3) against Hugo on the same generated posts, in the same run, and writes the table to
//! BENCHMARKS.md. Each run starts from a fresh output folder; a failed run is an error.
//! `cargo xtask bench pages` is in `pages`, `cargo xtask bench search` in `search`.

mod hugo;
mod pages;
mod report;
mod search;

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use anyhow::{bail, Context, Result};

use crate::{build::remove_if_present, cmd, gen_posts};

/// "Today" for the bundler, after every generated date, so that no post counts as future-dated.
const NOW: &str = "2026-01-01";

/// What to measure.
#[derive(Debug, PartialEq, Eq)]
pub struct Options {
    pub sizes: Vec<usize>,
    /// Timed runs per tool and size; by default 5 up to 1,000 posts, 3 above.
    pub runs: Option<usize>,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options> {
        let usage = "usage: cargo xtask bench bundler [--sizes 100,1000,10000] [--runs R]";
        let Some((what, rest)) = args.split_first() else {
            bail!("bench needs a subject\n{usage}");
        };
        if what != "bundler" {
            bail!("unknown benchmark {what:?}: they are `bundler`, `pages` and `search`\n{usage}");
        }
        let mut options = Options {
            sizes: vec![100, 1_000, 10_000],
            runs: None,
        };
        let number = |text: &str| -> Result<usize> {
            text.replace('_', "")
                .parse()
                .ok()
                .filter(|&n| n > 0)
                .with_context(|| format!("{text:?} is not a positive number\n{usage}"))
        };
        let mut rest = rest.iter();
        while let Some(arg) = rest.next() {
            let value = rest.next().with_context(|| format!("{arg} needs a value"));
            match arg.as_str() {
                "--sizes" => {
                    options.sizes = value?.split(',').map(number).collect::<Result<_>>()?
                }
                "--runs" => options.runs = Some(number(value?)?),
                other => bail!("unknown option {other:?}\n{usage}"),
            }
        }
        Ok(options)
    }

    fn runs(&self, posts: usize) -> usize {
        self.runs.unwrap_or(if posts <= 1_000 { 5 } else { 3 })
    }
}

/// The measurements of one tool at one size.
pub struct Timing {
    pub runs: Vec<Duration>,
}

impl Timing {
    pub fn median(&self) -> Duration {
        let mut sorted = self.runs.clone();
        sorted.sort();
        match sorted.len() {
            0 => Duration::ZERO,
            n if n % 2 == 1 => sorted[n / 2],
            n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
        }
    }
}

/// One row of the table.
pub struct Row {
    pub posts: usize,
    pub published: usize,
    pub megabytes: f64,
    pub folio: Timing,
    pub hugo: Timing,
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("pages") => return pages::run(root, args),
        Some("search") => return search::run(root, args),
        _ => {}
    }
    let options = Options::parse(args)?;
    let hugo_version = hugo::ensure(root)?;
    let bench = root.join("target/bench");
    let bundler = build_bundler(root, &bench)?;
    let mut environment = report::Environment::gather(root, hugo_version);
    let mut rows = Vec::new();
    for &posts in &options.sizes {
        rows.push(measure(root, &bench, &bundler, posts, options.runs(posts))?);
        println!("{}", report::table(&rows));
    }
    environment.load_after = report::load_average();
    let command = format!("cargo xtask bench {}", args.join(" "));
    let path = root.join("BENCHMARKS.md");
    let old = fs::read_to_string(&path).unwrap_or_default();
    let text = report::document(&command, &environment, &rows);
    let text = pages::keep_section(&old, &text, "## Page loads");
    let text = pages::keep_section(&old, &text, "## Search");
    fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
    println!("\n{text}\nbench: wrote {}", path.display());
    Ok(())
}

/// Builds folio-bundler for speed rather than size, in a target folder of its own so that the
/// size-tuned release artifacts in target/release stay as they are.
pub(super) fn build_bundler(root: &Path, bench: &Path) -> Result<PathBuf> {
    let target = bench.join("cargo");
    cmd::run(
        cmd::command(root, "cargo")
            .args(["build", "--release", "--package", "folio-bundler"])
            .args(["--config", "profile.release.opt-level=3", "--target-dir"])
            .arg(&target),
    )
    .context("the bundler does not build; the benchmark needs it")?;
    Ok(target.join("release/folio-bundler"))
}

fn measure(root: &Path, bench: &Path, bundler: &Path, posts: usize, runs: usize) -> Result<Row> {
    let dir = bench.join(format!("bundler-{posts}"));
    remove_if_present(&dir)?;
    let site = dir.join("site");
    let (written, counts) = gen_posts::write(posts, &site, false)?;
    let bytes: u64 = written
        .iter()
        .filter_map(|path| fs::metadata(path).ok())
        .map(|meta| meta.len())
        .sum();
    let published = posts - counts.drafts;
    println!(
        "bench: {posts} posts ({published} published, {:.1} MB) in {}",
        bytes as f64 / 1e6,
        site.display()
    );
    let hugo_site = dir.join("hugo");
    hugo::make_site(&hugo_site, &site.join("posts"))?;

    let (folio_out, hugo_out, hugo_cache) = (
        dir.join("folio-out"),
        dir.join("hugo-out"),
        dir.join("hugo-cache"),
    );
    let folio_run = || -> Result<Duration> {
        let took = time_data_step(root, bundler, &site, &folio_out)?;
        check_count(&folio_out.join("data/posts"), published, "json")?;
        Ok(took)
    };
    let hugo_run = || -> Result<Duration> {
        remove_if_present(&hugo_out)?;
        remove_if_present(&hugo_cache)?;
        let mut command = cmd::command(root, "hugo");
        command
            .args(["--quiet", "--source"])
            .arg(&hugo_site)
            .arg("--destination")
            .arg(&hugo_out)
            .arg("--cacheDir")
            .arg(&hugo_cache);
        let took = time(&mut command)?;
        check_count(&hugo_out.join("posts"), published, "")?;
        for file in [
            "index.html",
            "index.xml",
            "sitemap.xml",
            "robots.txt",
            "tags/index.html",
        ] {
            if !hugo_out.join(file).is_file() {
                bail!("hugo wrote no {}", hugo_out.join(file).display());
            }
        }
        Ok(took)
    };

    println!("bench: {posts} posts: 1 warm-up and {runs} timed runs of each, alternating");
    folio_run()?;
    hugo_run()?;
    let (mut folio, mut hugo) = (Timing { runs: Vec::new() }, Timing { runs: Vec::new() });
    for _ in 0..runs {
        folio.runs.push(folio_run()?);
        hugo.runs.push(hugo_run()?);
    }
    Ok(Row {
        posts,
        published,
        megabytes: bytes as f64 / 1e6,
        folio,
        hugo,
    })
}

/// The wall time of the bundler's data step on `site`, into `out`, made afresh.
pub(super) fn time_data_step(
    root: &Path,
    bundler: &Path,
    site: &Path,
    out: &Path,
) -> Result<Duration> {
    remove_if_present(out)?;
    let mut command = cmd::command(root, bundler);
    command
        .arg("--site")
        .arg(site)
        .arg("--out")
        .arg(out)
        .env("FOLIO_NOW", NOW);
    time(&mut command)
}

/// The wall time of one run; a failed run is an error that shows what the program said.
fn time(command: &mut Command) -> Result<Duration> {
    let started = Instant::now();
    let output = command
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("could not start {:?}", command.get_program()))?;
    let took = started.elapsed();
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        let said: Vec<&str> = said.lines().take(20).collect();
        bail!(
            "{:?} failed ({}):\n{}",
            command.get_program(),
            output.status,
            said.join("\n")
        );
    }
    Ok(took)
}

/// Checks that `folder` holds `expected` entries ending in `extension` (folders when empty).
fn check_count(folder: &Path, expected: usize, extension: &str) -> Result<()> {
    let entries = fs::read_dir(folder).with_context(|| format!("reading {}", folder.display()))?;
    let found = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            let path = entry.path();
            if extension.is_empty() {
                path.join("index.html").is_file()
            } else {
                path.extension().is_some_and(|e| e == extension)
            }
        })
        .count();
    if found != expected {
        bail!("{} holds {found} posts, not {expected}", folder.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn parses_sizes_and_runs() {
        let options = Options::parse(&args("bundler --sizes 100,1_000 --runs 2")).unwrap();
        assert_eq!(options.sizes, [100, 1000]);
        assert_eq!((options.runs(100), options.runs(10_000)), (2, 2));
        let defaults = Options::parse(&args("bundler")).unwrap();
        assert_eq!(defaults.sizes, [100, 1000, 10_000]);
        assert_eq!((defaults.runs(1000), defaults.runs(10_000)), (5, 3));
        for bad in [
            "",
            "site",
            "bundler --runs 0",
            "bundler --sizes 1,x",
            "bundler --runs",
        ] {
            assert!(Options::parse(&args(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        let ms = |runs: &[u64]| Timing {
            runs: runs.iter().map(|&n| Duration::from_millis(n)).collect(),
        };
        assert_eq!(ms(&[30, 10, 20]).median(), Duration::from_millis(20));
        assert_eq!(ms(&[40, 10, 20, 30]).median(), Duration::from_millis(25));
    }
}

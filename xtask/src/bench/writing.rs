//! `cargo xtask bench writing [--sizes 10000] [--runs R]`: the writing loop. The dev server that
//! `cargo xtask serve` runs (`folio-bundler --serve`, with the app built by trunk in the dev
//! profile) serves the seed site and a site of generated posts of each size; in headless
//! Chromium, tests/bench/writing.mjs saves edits to the site's files and times each from the save
//! to the load of the reloaded page that shows it. Writes the "Writing loop" section of
//! BENCHMARKS.md.

use super::CHROMIUM;
use std::{
    fs,
    io::{Read, Write},
    net::TcpStream,
    path::Path,
    process::{Child, Stdio},
    thread,
    time::{Duration, Instant},
};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use crate::{
    build::{self, remove_if_present},
    bundler, cmd, gen_posts, setup,
};

const HEADING: &str = "## Writing loop";
/// Where the dev server listens during the benchmark.
const ADDRESS: &str = "127.0.0.1:4190";

/// The times of each kind of edit, in milliseconds, as the script writes them.
#[derive(Debug, Deserialize)]
pub struct Edits {
    pub text: Vec<f64>,
    pub new: Vec<f64>,
    pub deleted: Vec<f64>,
    pub tags: Vec<f64>,
}

/// One site's measurements.
pub struct Measured {
    /// "the seed site" or "10,000 posts".
    pub site: String,
    pub edits: Edits,
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let (sizes, runs) = parse(args)?;
    setup::all(root, setup::Purpose::Test)?;
    let bundler = bundler::build(root)?;
    let app = build::app_dir(root, "dev", "/");
    build::build_app(root, &app, "/", false)?;
    let bench = root.join("target/bench/writing");
    remove_if_present(&bench)?;
    let environment = super::report::Environment::gather(root, String::new());
    let mut measured = Vec::new();
    let seed = bench.join("seed");
    // The seed site's optional folders may be missing.
    for folder in ["posts", "pages", "static"] {
        if root.join(folder).is_dir() {
            super::copy_dir(&root.join(folder), &seed.join(folder))?;
        }
    }
    fs::copy(root.join("site.toml"), seed.join("site.toml")).context("copying site.toml")?;
    let post = "posts/leading-for-innovation.md";
    measured.push(Measured {
        site: "the seed site".to_owned(),
        edits: measure(root, &bundler, &app, &seed, post, runs)?,
    });
    for &posts in &sizes {
        let site = bench.join(format!("posts-{posts}"));
        let (written, _) = gen_posts::write(posts, &site, false)?;
        let post = written
            .iter()
            .find(|path| fs::read_to_string(path).is_ok_and(|text| text.contains("\ntags = [")))
            .context("gen-posts wrote no post with TOML tags")?;
        let post = post
            .strip_prefix(&site)
            .unwrap_or(post)
            .to_string_lossy()
            .into_owned();
        measured.push(Measured {
            site: format!("{} posts", super::report::thousands(posts as u64)),
            edits: measure(root, &bundler, &app, &site, &post, runs)?,
        });
    }
    let command = format!("cargo xtask bench {}", args.join(" "));
    let section = section(&command, &environment.date, &measured);
    let path = root.join("BENCHMARKS.md");
    let old = fs::read_to_string(&path).unwrap_or_else(|_| "# Benchmarks\n".to_owned());
    fs::write(&path, super::pages::replace_section(&old, &section))
        .with_context(|| format!("writing {}", path.display()))?;
    println!(
        "\n{section}\nbench: wrote the \"Writing loop\" section of {}",
        path.display()
    );
    Ok(())
}

/// Serves `site` with the dev server and times `runs` edits of each kind, `post` being the post
/// edited (its path under the site's folder).
fn measure(
    root: &Path,
    bundler: &Path,
    app: &Path,
    site: &Path,
    post: &str,
    runs: usize,
) -> Result<Edits> {
    let out = site.with_extension("served");
    // What the dev server says goes to a file beside the site, to read when a run goes wrong.
    let log_path = site.with_extension("log");
    let log = fs::File::create(&log_path)
        .with_context(|| format!("cannot create {}", log_path.display()))?;
    let mut server = Server(
        cmd::command(root, bundler)
            .args(["--serve", ADDRESS, "--drafts", "--site"])
            .arg(site)
            .arg("--app")
            .arg(app)
            .arg("--out")
            .arg(&out)
            .env("FOLIO_BASE_URL", format!("http://{ADDRESS}/"))
            .env("FOLIO_CACHE_DIR", site.with_extension("cache"))
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .context("cannot start the dev server")?,
    );
    wait_for_server(&mut server.0)?;
    let stem = Path::new(post)
        .file_stem()
        .context("a post without a name")?
        .to_string_lossy();
    let results = site.with_extension("json");
    println!(
        "bench: the writing loop on {} ({runs} edits of each kind)",
        site.display()
    );
    cmd::run(
        cmd::command(root, "node")
            .arg(root.join("tests/bench/writing.mjs"))
            .env("BENCH_URL", format!("http://{ADDRESS}/"))
            .env("BENCH_SITE", site)
            .env("BENCH_POST", post)
            .env("BENCH_POST_PATH", format!("posts/{stem}/"))
            .env("BENCH_RUNS", runs.to_string())
            .env("BENCH_OUT", &results)
            .env("BENCH_CHROMIUM", CHROMIUM),
    )?;
    drop(server);
    let text =
        fs::read_to_string(&results).with_context(|| format!("reading {}", results.display()))?;
    serde_json::from_str(&text).with_context(|| format!("reading {}", results.display()))
}

/// The dev server, stopped when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits until the dev server answers (its first build done), or fails if it stops first.
fn wait_for_server(server: &mut Child) -> Result<()> {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(600) {
        if let Some(status) = server.try_wait()? {
            bail!("the dev server stopped ({status}) before it served the site");
        }
        if let Ok(mut stream) = TcpStream::connect(ADDRESS) {
            let mut answer = String::new();
            let asked = stream
                .write_all(b"GET / HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
                .and_then(|()| stream.read_to_string(&mut answer));
            if asked.is_ok() && answer.starts_with("HTTP/1.1 200") {
                return Ok(());
            }
        }
        thread::sleep(Duration::from_millis(200));
    }
    bail!("the dev server did not serve the site within 10 minutes")
}

/// Reads `[--sizes 10000] [--runs R]` after `writing`.
fn parse(args: &[String]) -> Result<(Vec<usize>, usize)> {
    let usage = "usage: cargo xtask bench writing [--sizes 10000] [--runs R]";
    let (mut sizes, mut runs) = (vec![10_000], 7);
    let number = |text: &str| -> Result<usize> {
        text.replace('_', "")
            .parse()
            .ok()
            .filter(|&n: &usize| n > 0)
            .with_context(|| format!("{text:?} is not a positive number\n{usage}"))
    };
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let value = rest
            .next()
            .with_context(|| format!("{arg} needs a value\n{usage}"))?;
        match arg.as_str() {
            "--sizes" => sizes = value.split(',').map(number).collect::<Result<_>>()?,
            "--runs" => runs = number(value)?,
            other => bail!("unknown option {other:?}\n{usage}"),
        }
    }
    Ok((sizes, runs))
}

/// The middle value (the lower of the middle two), and the smallest and largest.
fn spread(values: &[f64]) -> String {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => "–".to_owned(),
        n => format!(
            "**{:.0} ms** ({:.0}–{:.0})",
            sorted[(n - 1) / 2],
            sorted[0],
            sorted[n - 1]
        ),
    }
}

/// The "Writing loop" section of BENCHMARKS.md.
fn section(command: &str, date: &str, measured: &[Measured]) -> String {
    let mut rows = String::new();
    for site in measured {
        let edits = &site.edits;
        rows.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            site.site,
            spread(&edits.text),
            spread(&edits.new),
            spread(&edits.deleted),
            spread(&edits.tags)
        ));
    }
    format!(
        "{HEADING}\n\n\
         From saving a file to the load of the reloaded page that shows the edit, under the dev \
         server of `cargo xtask serve` (`folio-bundler --serve`, with the app built in the dev \
         profile), in headless Chromium: medians (smallest–largest) of {} edits of each kind. \
         The goals are 200 ms on the seed site and 1 s at 10,000 posts.\n\n\
         | Site | A post's text | A new post | A post deleted | A post's tags |\n\
         |---|---:|---:|---:|---:|\n{rows}\n\
         Measured {date} with\n\n```sh\n{command}\n```\n\n\
         - Each edit is saved by the script (tests/bench/writing.mjs) while the page it changes \
         is open: the post's page for its text and tags, the home page for a new post (dated \
         after every other, so it is first there) and for its deletion. The time ends at the \
         first `load` of the page whose text shows the edit.\n\
         - What it includes: the file system's notice of the change, the dev server's wait for \
         the burst of changes to end (40 ms), the build (only what changed is made and written; \
         posts whose files did not change are not read again), the message to the page, and the \
         page's reload.\n",
        measured.first().map_or(0, |site| site.edits.text.len()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_its_options_and_shows_medians() {
        let args = |text: &str| {
            text.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(parse(&args("writing")).unwrap(), (vec![10_000], 7));
        assert_eq!(
            parse(&args("writing --sizes 1000,10_000 --runs 3")).unwrap(),
            (vec![1000, 10_000], 3)
        );
        assert!(parse(&args("writing --runs 0")).is_err());
        assert_eq!(spread(&[30.0, 10.0, 20.0]), "**20 ms** (10–30)");
        assert_eq!(spread(&[]), "–");
    }
}

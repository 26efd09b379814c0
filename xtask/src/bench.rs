//! `cargo xtask bench build [--sizes 1000,10000] [--runs R]`: whole builds of the same
//! generated posts with `cargo xtask build` and with Hugo, side by side in one run: from
//! scratch, and again after one post is edited, each with its wall time, CPU time and peak
//! memory; the "Whole builds" section of BENCHMARKS.md. (`bench bundler` is the same.)
//! `cargo xtask bench pages` is in `pages`, `cargo xtask bench search` in `search`,
//! `cargo xtask bench writing` in `writing`, `cargo xtask bench nav` in `nav`,
//! `cargo xtask bench size` in `sizes`.

mod hugo;
mod nav;
mod pages;
mod report;
mod search;
mod sizes;
mod writing;

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use anyhow::{bail, Context, Result};

use crate::{build::remove_if_present, bundler, cmd, gen_posts};

/// The browser the benchmarks drive (Debian's, which `cargo xtask setup` installs).
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// "Today" for the bundler, after every generated date, so that no post counts as future-dated.
const NOW: &str = "2026-01-01";
/// Above this many posts Hugo is not run: it needed 4.1 GB at 10,000 posts, and this machine
/// has 24.
const HUGO_MAX_POSTS: usize = 10_000;
/// What is added to one post for the build after an edit.
const EDIT: &str = "\nOne more sentence, added for the benchmark's edit.\n";

/// What to measure.
#[derive(Debug, PartialEq, Eq)]
pub struct Options {
    pub sizes: Vec<usize>,
    /// Timed runs per tool, size and kind of build; by default 3 up to 10,000 posts, 1 above.
    pub runs: Option<usize>,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options> {
        let usage = "usage: cargo xtask bench build [--sizes 1000,10000] [--runs R]";
        let Some((what, rest)) = args.split_first() else {
            bail!("bench needs a subject\n{usage}");
        };
        if what != "build" && what != "bundler" {
            bail!("unknown benchmark {what:?}: they are `build`, `pages`, `search`, `writing`, `nav` and `size`\n{usage}");
        }
        let mut options = Options {
            sizes: vec![1_000, 10_000],
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
        self.runs.unwrap_or(if posts <= 10_000 { 3 } else { 1 })
    }
}

/// What one run of a build used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    pub wall: Duration,
    /// User and system time of the process and all it ran.
    pub cpu: Duration,
    /// The largest resident set of the process or any it ran, in bytes.
    pub peak: u64,
}

/// The timed runs of one tool, one size, one kind of build.
#[derive(Default)]
pub struct Runs(pub Vec<Usage>);

impl Runs {
    /// The median of each measure on its own.
    pub fn median(&self) -> Usage {
        let wall = median(self.0.iter().map(|usage| usage.wall).collect());
        let cpu = median(self.0.iter().map(|usage| usage.cpu).collect());
        let peak = median(self.0.iter().map(|usage| usage.peak).collect());
        Usage { wall, cpu, peak }
    }
}

/// The median of `values`: the middle one, or the lower of the middle two.
pub fn median<T: Ord + Copy + Default>(mut values: Vec<T>) -> T {
    values.sort();
    match values.len() {
        0 => T::default(),
        n => values[(n - 1) / 2],
    }
}

/// Wall times of the bundler's data step (`bench search` compares it with and without the
/// index).
pub struct Timing {
    pub runs: Vec<Duration>,
}

impl Timing {
    /// The middle run, or the mean of the middle two.
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

/// One row of the tables: one size, both tools, both kinds of build.
pub struct Row {
    pub posts: usize,
    pub published: usize,
    pub megabytes: f64,
    /// Files Folio's build wrote, and Hugo's.
    pub folio_files: usize,
    pub hugo_files: Option<usize>,
    pub folio_scratch: Runs,
    pub folio_edit: Runs,
    /// `None` above `HUGO_MAX_POSTS`.
    pub hugo_scratch: Option<Runs>,
    pub hugo_edit: Option<Runs>,
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("pages") => return pages::run(root, args),
        Some("nav") => return nav::run(root, args),
        Some("size") => return sizes::run(root, args),
        Some("search") => return search::run(root, args),
        Some("writing") => return writing::run(root, args),
        _ => {}
    }
    let options = Options::parse(args)?;
    let started = Instant::now();
    if fs::metadata(GNU_TIME).is_err() {
        bail!("{GNU_TIME} is missing: apt-get install time");
    }
    let hugo_version = hugo::ensure(root)?;
    let bench = root.join("target/bench");
    let mut environment = report::Environment::gather(root, hugo_version);
    let mut rows = Vec::new();
    for &posts in &options.sizes {
        rows.push(measure(root, &bench, posts, options.runs(posts))?);
        println!("{}", report::tables(&rows));
    }
    environment.load_after = report::load_average();
    let command = format!("cargo xtask bench {}", args.join(" "));
    let path = root.join("BENCHMARKS.md");
    let old = fs::read_to_string(&path).unwrap_or_default();
    let text = report::document(&command, &environment, &rows);
    let text = pages::keep_section(&old, &text, "## Page loads");
    let text = pages::keep_section(&old, &text, "## Search");
    let text = pages::keep_section(&old, &text, "## Writing loop");
    let text = pages::keep_section(&old, &text, "## Navigation");
    let text = pages::keep_section(&old, &text, sizes::HEADING);
    fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
    println!(
        "\n{text}\nbench: measured {} sizes in {:.0} s; wrote {}",
        rows.len(),
        started.elapsed().as_secs_f64(),
        path.display()
    );
    Ok(())
}

/// Measures both tools on `posts` generated posts: a warm-up of each, then `runs` timed runs of
/// each kind of build, alternating the tools.
fn measure(root: &Path, bench: &Path, posts: usize, runs: usize) -> Result<Row> {
    let dir = bench.join(format!("build-{posts}"));
    // Everything removed is moved here first, and removed after the runs (`Builder::scratch`).
    let aside = bench.join("set-aside");
    set_aside(&dir, &aside)?;
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
    let edited = written
        .iter()
        .find(|path| path.extension().is_some_and(|extension| extension == "md"))
        .and_then(|path| path.file_name())
        .context("gen-posts wrote no post")?
        .to_owned();
    let hugo_site = dir.join("hugo");
    let with_hugo = posts <= HUGO_MAX_POSTS;
    if with_hugo {
        hugo::make_site(&hugo_site, &site.join("posts"))?;
    }
    let folio = Folio {
        xtask: std::env::current_exe().context("cannot find the xtask program")?,
        site: site.clone(),
        dist: dir.join("folio-dist"),
        cache: site.join(".folio-cache"),
    };
    let hugo = Hugo {
        site: hugo_site.clone(),
        out: dir.join("hugo-out"),
        cache: dir.join("hugo-cache"),
    };
    let edit = |post: &Path| -> Result<()> {
        let mut text =
            fs::read_to_string(post).with_context(|| format!("reading {}", post.display()))?;
        text.push_str(EDIT);
        fs::write(post, text).with_context(|| format!("writing {}", post.display()))
    };
    // Built once first, so that the app is there: a content build runs no trunk.
    bundler::build(root)?;
    println!("bench: {posts} posts: a warm-up and {runs} timed runs of each, alternating");
    let (mut folio_scratch, mut folio_edit) = (Runs::default(), Runs::default());
    let (mut hugo_scratch, mut hugo_edit) = (Runs::default(), Runs::default());
    let started = Instant::now();
    for run in 0..=runs {
        let which = match run {
            0 => "warm-up".to_owned(),
            _ => format!("run {run} of {runs}"),
        };
        let said = |tool: &str, scratch: &Usage, edited: &Usage| {
            println!(
                "bench: {posts} posts, {which}: {tool} from scratch {:.1} s, after an edit {:.2} s ({:.0} s so far)",
                scratch.wall.as_secs_f64(),
                edited.wall.as_secs_f64(),
                started.elapsed().as_secs_f64()
            )
        };
        let scratch = folio.scratch(root, published, &aside)?;
        edit(&site.join("posts").join(&edited))?;
        let edited_build = folio.again(root, published)?;
        said("Folio", &scratch, &edited_build);
        if run > 0 {
            folio_scratch.0.push(scratch);
            folio_edit.0.push(edited_build);
        }
        if with_hugo {
            let scratch = hugo.scratch(root, published, &aside)?;
            edit(&hugo_site.join("content/posts").join(&edited))?;
            let edited_build = hugo.again(root, published)?;
            said("Hugo", &scratch, &edited_build);
            if run > 0 {
                hugo_scratch.0.push(scratch);
                hugo_edit.0.push(edited_build);
            }
        }
    }
    let row = Row {
        posts,
        published,
        megabytes: bytes as f64 / 1e6,
        folio_files: count_files(&folio.dist),
        hugo_files: with_hugo.then(|| count_files(&hugo.out)),
        folio_scratch,
        folio_edit,
        hugo_scratch: with_hugo.then_some(hugo_scratch),
        hugo_edit: with_hugo.then_some(hugo_edit),
    };
    remove_if_present(&aside)?;
    Ok(row)
}

/// A tool the benchmark builds the site with.
trait Builder {
    /// What a build from scratch starts without: the output and the cache.
    fn made(&self) -> [&Path; 2];
    /// The command of one build.
    fn command(&self, root: &Path) -> Command;
    /// Checks what a build wrote, for `published` posts.
    fn check(&self, published: usize) -> Result<()>;

    /// A build with no output folder and no cache: those of the build before are moved into
    /// `aside`, which is removed after all the runs. Removed here, they would cost the build
    /// that follows: ext4 without a journal, as on this machine, skips the inodes freed in the
    /// last minute or more when it makes a file, one by one, which once made a build of
    /// 10,000 posts without compression twice as long (11.6 s against 5.8 s).
    fn scratch(&self, root: &Path, published: usize, aside: &Path) -> Result<Usage> {
        for folder in self.made() {
            set_aside(folder, aside)?;
        }
        self.again(root, published)
    }

    /// A build into the output of the one before, with its cache.
    fn again(&self, root: &Path, published: usize) -> Result<Usage> {
        let usage = measured(&self.command(root))?;
        self.check(published)?;
        Ok(usage)
    }
}

/// Folio's whole build: `cargo xtask build` (this program, as `cargo xtask` runs it).
struct Folio {
    xtask: PathBuf,
    site: PathBuf,
    dist: PathBuf,
    /// The site's cache folder.
    cache: PathBuf,
}

impl Builder for Folio {
    fn made(&self) -> [&Path; 2] {
        [&self.dist, &self.cache]
    }

    fn command(&self, root: &Path) -> Command {
        let mut command = cmd::command(root, &self.xtask);
        command
            .arg("build")
            .arg("--site")
            .arg(&self.site)
            .arg("--dist")
            .arg(&self.dist)
            .env("FOLIO_NOW", NOW);
        command
    }

    fn check(&self, published: usize) -> Result<()> {
        check_count(&self.dist.join("posts"), published)
    }
}

/// Hugo's build of the same posts.
struct Hugo {
    site: PathBuf,
    out: PathBuf,
    cache: PathBuf,
}

impl Builder for Hugo {
    fn made(&self) -> [&Path; 2] {
        [&self.out, &self.cache]
    }

    fn command(&self, root: &Path) -> Command {
        let mut command = cmd::command(root, "hugo");
        command
            .args(["--quiet", "--source"])
            .arg(&self.site)
            .arg("--destination")
            .arg(&self.out)
            .arg("--cacheDir")
            .arg(&self.cache);
        command
    }

    fn check(&self, published: usize) -> Result<()> {
        check_count(&self.out.join("posts"), published)?;
        for file in [
            "index.html",
            "index.xml",
            "sitemap.xml",
            "robots.txt",
            "tags/index.html",
        ] {
            if !self.out.join(file).is_file() {
                bail!("hugo wrote no {}", self.out.join(file).display());
            }
        }
        Ok(())
    }
}

/// Moves `folder`, if it exists, into `aside` under a name of its own.
fn set_aside(folder: &Path, aside: &Path) -> Result<()> {
    if !folder.exists() {
        return Ok(());
    }
    fs::create_dir_all(aside).with_context(|| format!("making {}", aside.display()))?;
    let taken = fs::read_dir(aside)?.count();
    let name = folder.file_name().context("a folder without a name")?;
    let to = aside.join(format!("{taken}-{}", name.to_string_lossy()));
    fs::rename(folder, &to)
        .with_context(|| format!("moving {} to {}", folder.display(), to.display()))
}

/// GNU time, which gives a program's CPU time and peak memory with all it ran.
const GNU_TIME: &str = "/usr/bin/time";

/// Runs `command` to the end under GNU time; what it used. A failed run is an error that shows
/// what the program said.
fn measured(command: &Command) -> Result<Usage> {
    let report = tempfile_path()?;
    let mut timed = Command::new(GNU_TIME);
    timed
        .args(["--format", "%e %U %S %M", "--output"])
        .arg(&report)
        .arg(command.get_program())
        .args(command.get_args())
        .stdin(Stdio::null());
    if let Some(dir) = command.get_current_dir() {
        timed.current_dir(dir);
    }
    for (name, value) in command.get_envs() {
        match value {
            Some(value) => timed.env(name, value),
            None => timed.env_remove(name),
        };
    }
    let output = timed
        .output()
        .with_context(|| format!("could not start {:?}", command.get_program()))?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        let said: Vec<&str> = said
            .lines()
            .rev()
            .take(20)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        bail!(
            "{:?} failed ({}):\n{}",
            command.get_program(),
            output.status,
            said.join("\n")
        );
    }
    let text =
        fs::read_to_string(&report).with_context(|| format!("reading {}", report.display()))?;
    let _ = fs::remove_file(&report);
    parse_usage(&text).with_context(|| format!("GNU time wrote {text:?}"))
}

/// `%e %U %S %M` as GNU time writes it: seconds of wall, user and system time, and kilobytes.
fn parse_usage(text: &str) -> Option<Usage> {
    let line = text.lines().last()?;
    let fields: Vec<f64> = line
        .split_whitespace()
        .map(|field| field.parse().ok())
        .collect::<Option<_>>()?;
    let [wall, user, system, kilobytes] = fields[..] else {
        return None;
    };
    Some(Usage {
        wall: Duration::from_secs_f64(wall),
        cpu: Duration::from_secs_f64(user + system),
        peak: (kilobytes * 1024.0) as u64,
    })
}

/// A new file name in the temporary folder for GNU time's report.
fn tempfile_path() -> Result<PathBuf> {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let count = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Ok(std::env::temp_dir().join(format!("folio-bench-{}-{count}.time", std::process::id())))
}

/// Copies the folder `from`, with everything in it, to `to`.
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry.with_context(|| format!("reading {}", from.display()))?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .with_context(|| format!("copying to {}", target.display()))?;
        }
    }
    Ok(())
}

/// How many files are under `dir`.
fn count_files(dir: &Path) -> usize {
    let mut count = 0;
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                count += 1;
            }
        }
    }
    count
}

/// The wall time of the bundler's data step on `site`, into `out`, made afresh: no output, and
/// no cache (`out` with `.cache` added), so that every post is read and parsed.
pub(super) fn time_data_step(
    root: &Path,
    bundler: &Path,
    site: &Path,
    out: &Path,
) -> Result<Duration> {
    let cache = out.with_extension("cache");
    remove_if_present(out)?;
    remove_if_present(&cache)?;
    let mut command = cmd::command(root, bundler);
    command
        .arg("--site")
        .arg(site)
        .arg("--out")
        .arg(out)
        .env("FOLIO_CACHE_DIR", &cache)
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

/// Checks that `folder` holds a page (`NAME/index.html`) for each of `expected` posts.
fn check_count(folder: &Path, expected: usize) -> Result<()> {
    let entries = fs::read_dir(folder).with_context(|| format!("reading {}", folder.display()))?;
    let found = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("index.html").is_file())
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
        let options = Options::parse(&args("build --sizes 100,1_000 --runs 2")).unwrap();
        assert_eq!(options.sizes, [100, 1000]);
        assert_eq!((options.runs(100), options.runs(10_000)), (2, 2));
        let defaults = Options::parse(&args("bundler")).unwrap();
        assert_eq!(defaults.sizes, [1000, 10_000]);
        assert_eq!((defaults.runs(1000), defaults.runs(100_000)), (3, 1));
        for bad in [
            "",
            "site",
            "build --runs 0",
            "build --sizes 1,x",
            "build --runs",
        ] {
            assert!(Options::parse(&args(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn reads_what_gnu_time_wrote() {
        let usage = parse_usage("Command exited with non-zero status 1\n12.34 20.50 3.25 786432\n")
            .unwrap();
        assert_eq!(usage.wall, Duration::from_millis(12_340));
        assert_eq!(usage.cpu, Duration::from_millis(23_750));
        assert_eq!(usage.peak, 786_432 * 1024);
        assert_eq!(parse_usage("1 2 3"), None);
        let runs = Runs(vec![
            usage,
            Usage {
                wall: Duration::from_secs(1),
                ..usage
            },
        ]);
        assert_eq!(runs.median().wall, Duration::from_secs(1));
        assert_eq!(median(vec![3, 1, 2]), 2);
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

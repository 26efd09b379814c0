//! The benchmark's results as Markdown: the table, the machine and tool versions, the method.

use std::{fs, path::Path, time::Duration};

use super::Row;
use crate::cmd::first_line;

/// Where and with what the numbers were measured.
pub struct Environment {
    pub date: String,
    pub cores: String,
    pub cpu: String,
    pub os: String,
    pub rustc: String,
    pub hugo: String,
    pub folio: String,
    /// The 1, 5 and 15 minute load averages before and after the runs.
    pub load_before: String,
    pub load_after: String,
}

impl Environment {
    pub fn gather(root: &Path, hugo: String) -> Environment {
        let unknown = || "unknown".to_owned();
        let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find_map(|line| line.strip_prefix("model name")?.split_once(':'))
            .map_or_else(unknown, |(_, name)| name.trim().to_owned());
        let os = fs::read_to_string("/etc/os-release")
            .unwrap_or_default()
            .lines()
            .find_map(|line| line.strip_prefix("PRETTY_NAME="))
            .map_or_else(unknown, |name| name.trim_matches('"').to_owned());
        let commit = first_line(root, "git", &["rev-parse", "--short", "HEAD"]);
        let changed = first_line(root, "git", &["status", "--porcelain", "--", "crates"])
            .is_some_and(|line| !line.is_empty());
        let folio = match commit {
            Some(commit) if changed => {
                format!("commit {commit} with uncommitted changes in crates/")
            }
            Some(commit) => format!("commit {commit}"),
            None => unknown(),
        };
        Environment {
            date: first_line(root, "date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_else(unknown),
            cores: first_line(root, "nproc", &[]).unwrap_or_else(unknown),
            cpu,
            os,
            rustc: first_line(root, "rustc", &["--version"]).unwrap_or_else(unknown),
            hugo,
            folio,
            load_before: load_average(),
            load_after: String::new(),
        }
    }
}

/// The 1, 5 and 15 minute load averages of /proc/loadavg, e.g. "1.52, 2.64, 3.04".
pub fn load_average() -> String {
    let text = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let fields: Vec<&str> = text.split_whitespace().take(3).collect();
    if fields.is_empty() {
        "unknown".to_owned()
    } else {
        fields.join(", ")
    }
}

/// The results table, one row per size.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| Posts | Folio median (min–max) | Folio posts/s | Hugo median (min–max) | Hugo posts/s | Hugo ÷ Folio | Timed runs |\n\
         |------:|-----------------------:|--------------:|----------------------:|-------------:|-------------:|-----------:|\n",
    );
    for row in rows {
        let (folio, hugo) = (row.folio.median(), row.hugo.median());
        let ratio = hugo.as_secs_f64() / folio.as_secs_f64().max(1e-9);
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | **{ratio:.1}×** | {} |\n",
            thousands(row.posts as u64),
            spread(&row.folio),
            rate(row.posts, folio),
            spread(&row.hugo),
            rate(row.posts, hugo),
            row.folio.runs.len(),
        ));
    }
    out
}

/// BENCHMARKS.md, with `{name}` for what each run fills in.
const TEMPLATE: &str = r#"# Benchmarks

This file is written by `cargo xtask bench bundler` (xtask/src/bench.rs) and `cargo xtask bench
pages` (its "Page loads" section); run them again rather than editing it.

## Folio's bundler against Hugo

Wall time to build the same generated site from scratch, median of the timed runs; posts/s is
the generated posts (drafts included) divided by that median. **Hugo ÷ Folio** is how many times
faster Folio's bundler is. The machines are shared and noisy: read the ratios, which come from
runs made side by side, rather than the absolute times.

{table}
Measured {date} with

```sh
{command}
```

- machine: {cores} cores (`nproc`), {cpu}, {os}; load average {load_before} before the runs
  and {load_after} after (other work shares the machine)
- Folio: `folio-bundler` at {folio}, built by {rustc} with
  `cargo build --release -p folio-bundler --config 'profile.release.opt-level=3'` into
  `target/bench/cargo` (otherwise the workspace's release profile: LTO, one codegen unit, panic
  abort)
- Hugo: {hugo} (Debian's package)

## Method

- The sites come from `cargo xtask gen-posts N DIR`: a fixed seed, so the same N gives the same
  files on every machine. Posts are a few hundred to several thousand words with h2/h3
  headings, lists, fenced code, links, a blockquote and sometimes a table; about half have TOML
  front matter (`+++`) and half YAML (`---`); about 2% are drafts, which both tools leave out.
  {sites}.
- Folio runs as `folio-bundler --site SITE --out OUT` with `FOLIO_NOW={now}`: it reads
  `site.toml` and `posts/*.md` and writes `data/` (site settings, paged listings, tags, authors,
  archive, one JSON bundle per post), `feed.xml`, `sitemap.xml` and `robots.txt`. A run counts
  only if it exits with 0 and writes one bundle per published post.
- Hugo runs as `hugo --quiet --source HUGO --destination OUT --cacheDir CACHE` on a minimal site
  (`target/bench/bundler-N/hugo`) whose `content/posts/` is a copy of the same files: a base
  template, a single-post page (title, date, author, reading time, table of contents, content,
  previous/next), paged lists of 10 for the home page, sections and tags, and Hugo's defaults
  otherwise (tags and categories taxonomies, RSS feeds, sitemap), with robots.txt on. A run
  counts only if it exits with 0 and writes one page per published post plus the home page,
  feed, sitemap, robots.txt and tag list.
- Each size: one warm-up run of each tool, then the timed runs alternating Folio and Hugo, each
  into a fresh, empty output folder (and a fresh Hugo cache folder). Time is measured around the
  process with `std::time::Instant`, so it includes process start-up and writing every file.
  Both write about 1.4 files per post (13,600 for 10,000 posts), and creating a file on these
  shared virtual disks can cost close to a millisecond: much of Folio's wall time is the file
  system (system time) rather than its own work (user time), and it varies with the other load.
- The two do not do identical work: Hugo renders every post to a full HTML page through
  templates; Folio parses every post's Markdown (outline, word count, excerpt) but writes it as
  Markdown inside JSON for the WebAssembly app to render in the browser, rendering HTML only for
  the feed. The comparison is of what each needs to deploy a site from the same posts.
"#;

/// The whole of BENCHMARKS.md.
pub fn document(command: &str, env: &Environment, rows: &[Row]) -> String {
    let sites: Vec<String> = rows
        .iter()
        .map(|row| {
            format!(
                "{} posts: {:.1} MB of Markdown, {} published",
                thousands(row.posts as u64),
                row.megabytes,
                thousands(row.published as u64)
            )
        })
        .collect();
    TEMPLATE
        .replace("{table}", &table(rows))
        .replace("{date}", &env.date)
        .replace("{command}", command)
        .replace("{cores}", &env.cores)
        .replace("{cpu}", &env.cpu)
        .replace("{os}", &env.os)
        .replace("{load_before}", &env.load_before)
        .replace("{load_after}", &env.load_after)
        .replace("{folio}", &env.folio)
        .replace("{rustc}", &env.rustc)
        .replace("{hugo}", &env.hugo)
        .replace("{sites}", &sites.join("; "))
        .replace("{now}", super::NOW)
}

fn spread(timing: &super::Timing) -> String {
    let min = timing.runs.iter().min().copied().unwrap_or_default();
    let max = timing.runs.iter().max().copied().unwrap_or_default();
    format!(
        "{} ({}–{})",
        duration(timing.median()),
        duration(min),
        duration(max)
    )
}

fn duration(time: Duration) -> String {
    let ms = time.as_secs_f64() * 1000.0;
    if ms < 10_000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.1} s", ms / 1000.0)
    }
}

fn rate(posts: usize, time: Duration) -> String {
    thousands((posts as f64 / time.as_secs_f64().max(1e-9)).round() as u64)
}

/// 12345 as "12,345".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(12_345), "12,345");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(duration(Duration::from_millis(1234)), "1234 ms");
        assert_eq!(duration(Duration::from_millis(12_345)), "12.3 s");
        assert_eq!(rate(100, Duration::from_millis(50)), "2,000");
    }
}

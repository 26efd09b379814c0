//! The benchmark's results as Markdown: the table, the machine and tool versions, the method.

use std::{fs, path::Path, time::Duration};

use super::{Row, Runs, Usage};
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

/// The two tables, from scratch and after one edit, one row per size.
pub fn tables(rows: &[Row]) -> String {
    let scratch = table(rows, |row| (&row.folio_scratch, row.hugo_scratch.as_ref()));
    let edit = table(rows, |row| (&row.folio_edit, row.hugo_edit.as_ref()));
    format!("### From scratch\n\n{scratch}\n### After one edit\n\n{edit}")
}

/// One table: each size's medians for Folio and Hugo, and how many times faster Folio is.
fn table(rows: &[Row], runs: impl Fn(&Row) -> (&Runs, Option<&Runs>)) -> String {
    let mut out = String::from(
        "| Posts | Folio wall | Folio CPU | Folio peak memory | Hugo wall | Hugo CPU | Hugo peak memory | Hugo ÷ Folio, wall | Hugo ÷ Folio, CPU |\n\
         |------:|-----------:|----------:|------------------:|----------:|---------:|-----------------:|-------------------:|------------------:|\n",
    );
    for row in rows {
        let (folio, hugo) = runs(row);
        let folio = folio.median();
        let hugo = hugo.map(Runs::median);
        let [hugo_wall, hugo_cpu, hugo_peak] = match hugo {
            Some(hugo) => [duration(hugo.wall), duration(hugo.cpu), memory(hugo.peak)],
            None => ["not run".to_owned(), "–".to_owned(), "–".to_owned()],
        };
        let ratio = |of: fn(&Usage) -> Duration| match hugo {
            Some(hugo) => format!(
                "**{:.1}×**",
                of(&hugo).as_secs_f64() / of(&folio).as_secs_f64().max(1e-9)
            ),
            None => "–".to_owned(),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {hugo_wall} | {hugo_cpu} | {hugo_peak} | {} | {} |\n",
            thousands(row.posts as u64),
            duration(folio.wall),
            duration(folio.cpu),
            memory(folio.peak),
            ratio(|usage| usage.wall),
            ratio(|usage| usage.cpu),
        ));
    }
    out
}

/// BENCHMARKS.md, with `{name}` for what each run fills in.
const TEMPLATE: &str = r#"# Benchmarks

This file is written by `cargo xtask bench build` (xtask/src/bench.rs), `cargo xtask bench
pages` (its "Page loads" section) and `cargo xtask bench search` (its "Search" section); run
them again rather than editing it.

## Whole builds

The same generated posts built into a complete site by `cargo xtask build` and by Hugo, side by
side in one run: from scratch (no output folder, no cache), and again after one post's text
changed (the output and cache of the build before kept). Medians of the timed runs: wall time,
CPU time (user and system, of the program and all it ran) and peak memory (the largest resident
set of any of them). **Hugo ÷ Folio** is how many times faster Folio is. The machines are shared
and noisy: read the ratios, which come from runs made side by side, rather than the absolute
times.

{tables}
Measured {date} with

```sh
{command}
```

- machine: {cores} cores (`nproc`), {cpu}, {os}; load average {load_before} before the runs
  and {load_after} after (other work shares the machine)
- Folio: at {folio}, built by {rustc}; the bundler in the `bundler` profile of Cargo.toml
  (opt-level 3), as `cargo xtask build` builds and runs it
- Hugo: {hugo} (Debian's package)
- Files in each output folder: {files}

## Method

- The sites come from `cargo xtask gen-posts N DIR`: a fixed seed, so the same N gives the same
  files on every machine. Posts are a few hundred to several thousand words with h2/h3
  headings, lists, fenced code, links, a blockquote and sometimes a table; about half have TOML
  front matter (`+++`) and half YAML (`---`); about 2% are drafts, which both tools leave out.
  {sites}.
- Folio runs as `cargo xtask build --site SITE --dist DIST` with `FOLIO_NOW={now}` (the xtask
  program itself, as `cargo xtask` runs it after checking that it is up to date): the installs
  check, the bundler's build check, the app (already built by trunk for that address; a build of
  content runs no trunk), then the bundler, which writes every page's HTML file (rendered by the
  app's components), the JSON data, the feeds, the sitemap, robots.txt, the host files, the app's
  files, and a brotli and a gzip copy of every text file. A run counts only if it exits with 0
  and writes a page for every published post.
- Hugo runs as `hugo --quiet --source HUGO --destination OUT --cacheDir CACHE` on a minimal site
  (`target/bench/build-N/hugo`) whose `content/posts/` is a copy of the same files: a base
  template, a single-post page (title, date, author, reading time, table of contents, content,
  previous/next), paged lists of 10 for the home page, sections and tags, and Hugo's defaults
  otherwise (tags and categories taxonomies, RSS feeds, sitemap), with robots.txt on. A run
  counts only if it exits with 0 and writes one page per published post plus the home page,
  feed, sitemap, robots.txt and tag list. Hugo has no incremental build outside its server:
  after the edit it builds the whole site again, with its cache. It is not run above
  {hugo_max} posts (it needed 4.1 GB at 10,000).
- Each size: a warm-up and then the timed runs, each run being, for each tool in turn, a build
  from scratch followed by a build after appending a sentence to the same post. Time and memory
  come from GNU time (`/usr/bin/time`) around the process.
- The two do not do identical work: Hugo renders every post to a full HTML page through its
  templates and writes no compressed copies; Folio renders every page through the app's
  components, writes each post's data for the app as well, and compresses every text file twice
  (brotli quality 5 for pages and data, 11 for the app's files; gzip level 6). The comparison is
  of what each needs to deploy a site from the same posts.

### Precompression levels

The levels were chosen from these measurements (the built 10,000-post site, every 20th HTML,
JSON and XML file: 1,377 files, 20.1 MB; one thread; 2026-12-04):

| brotli quality | size of the original | time |  | gzip level | size of the original | time |
|---:|---:|---:|---|---:|---:|---:|
| 1 | 44.9% | 220 ms | | 1 | 41.9% | 135 ms |
| 3 | 34.6% | 666 ms | | 3 | 34.4% | 219 ms |
| 4 | 33.7% | 811 ms | | **6** | **33.8%** | **337 ms** |
| **5** | **31.6%** | **996 ms** | | 9 | 33.8% | 430 ms |
| 6 | 31.5% | 1,179 ms | | | | |
| 9 | 31.5% | 6,250 ms | | | | |
| 11 | 28.5% | 22,838 ms | | | | |

Quality 5 is where brotli stops gaining for its time: 9 is no smaller and six times slower (the
pages were compressed at 9 before), 11 is 10% smaller at 23 times the time. It is kept for the
app's own files, which are few, change only with the code, and are fetched by every reader. Level
6 is gzip's usual: 9 gains nothing. What it costs in bytes: the brotli copies of pages and data
are 11% larger than quality 11 would make them, and no larger than quality 9 made them.

These times were taken with brotli's default window and gzip through miniz_oxide. Since then the
brotli window is sized to each file (the same bytes: a page lies well inside either window; 1.6
times as fast at quality 5, because the encoder's tables for a small window are far cheaper to
set up) and gzip runs through zlib-rs (0.6 of the time, slightly smaller). Over 3,000 pages and
data files of the same site, quality 5 went from 2.37 s to 1.47 s and level 6 from 0.90 s to
0.55 s; in a build from scratch of 10,000 posts, compression went from 33.8 s to 19.8 s of
thread time. The app's files stay at quality 11, and their copies are kept beside the app
(`target/app/<profile>/<address>.compressed/`), so they are compressed once, not once a build.
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
    let files: Vec<String> = rows
        .iter()
        .map(|row| {
            let hugo = row
                .hugo_files
                .map_or_else(|| "not run".to_owned(), |files| thousands(files as u64));
            format!(
                "{} posts: Folio {}, Hugo {hugo}",
                thousands(row.posts as u64),
                thousands(row.folio_files as u64)
            )
        })
        .collect();
    TEMPLATE
        .replace("{tables}", &tables(rows))
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
        .replace("{files}", &files.join("; "))
        .replace("{sites}", &sites.join("; "))
        .replace("{now}", super::NOW)
        .replace("{hugo_max}", &thousands(super::HUGO_MAX_POSTS as u64))
}

fn duration(time: Duration) -> String {
    let ms = time.as_secs_f64() * 1000.0;
    if ms < 10_000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.1} s", ms / 1000.0)
    }
}

/// Bytes as megabytes or gigabytes.
fn memory(bytes: u64) -> String {
    let megabytes = bytes as f64 / 1e6;
    if megabytes < 1000.0 {
        format!("{megabytes:.0} MB")
    } else {
        format!("{:.2} GB", megabytes / 1000.0)
    }
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
        assert_eq!(memory(786_432_000), "786 MB");
        assert_eq!(memory(4_100_000_000), "4.10 GB");
    }
}

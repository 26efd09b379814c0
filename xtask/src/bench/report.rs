//! The benchmark's results as Markdown: the table, the machine and tool versions, the method.

use std::{fs, path::Path, time::Duration};

use super::{Row, Runs, Usage};
use crate::cmd::first_line;

/// Where and with what the numbers were measured.
pub struct Environment {
    pub date: String,
    /// The commit checked out, short.
    pub commit: String,
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
        let folio = match &commit {
            Some(commit) if changed => {
                format!("commit {commit} with uncommitted changes in crates/")
            }
            Some(commit) => format!("commit {commit}"),
            None => unknown(),
        };
        Environment {
            date: first_line(root, "date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_else(unknown),
            commit: commit.unwrap_or_else(unknown),
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
pages` (its "Page loads" section), `cargo xtask bench search` (its "Search" section), `cargo
xtask bench writing` (its "Writing loop" section), `cargo xtask bench nav` (its "Navigation"
section) and `cargo xtask bench size` (its "Download sizes" section); run them again rather
than editing it.

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
  program itself, as `cargo xtask` runs it after checking that it is up to date): the bundler's
  build check, the app's (already built by trunk for that address; a build of content runs no
  trunk, and looks for no installs), then the bundler, which writes every page's HTML file (rendered by the
  app's components), the JSON data, the feeds, the sitemap, robots.txt, the host files, the app's
  files, a gzip copy of every text file and a brotli copy of the app's files. A run counts only
  if it exits with 0 and writes a page for every published post.
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
  from scratch (no output, no cache) followed by a build after appending a sentence to the same
  post, with what the build before kept in the cache (for Folio: the posts as read, with their
  texts in a file apart, their terms for the search index, and the ledger of the output folder
  with the times of its folders). The edit's build starts as soon as the build from scratch
  ends, while the kernel may still be writing that build's files out. Time and memory
  come from GNU time (`/usr/bin/time`) around the process.
- Before a build from scratch, the output and cache folders of the build before are moved
  aside, and all of them are removed after the runs, for both tools. Removed just before, they
  would cost the next build: this machine's ext4 (no journal) passes over the inodes freed in
  the last minute or more, one by one, when it makes a file. A build of 10,000 posts without
  compression took twice as long into a folder just emptied (11.6 s against 5.8 s).
- The two do not do identical work: Hugo renders every post to a full HTML page through its
  templates and writes no compressed copies; Folio renders every page through the app's
  components, writes each post's data for the app as well, and writes a gzip copy (libdeflate,
  level 5; 12 for the app's files) of every text file and a brotli copy (quality 11) of the
  app's files. The comparison is of what each needs to deploy a site from the same posts.

### Precompression

Which copies a build writes, and at which level, was chosen from these measurements: the built
10,000-post site, every 20th HTML, JSON and XML file (1,806 files, 29.1 MB), one thread,
2026-12-04; brotli with its window sized to each file, gzip through libdeflate (and, for
comparison, zlib-rs, which the build used before: level 6 made 32.20% in 338 ms).

| brotli quality | size of the original | time |  | gzip level (libdeflate) | size of the original | time |
|---:|---:|---:|---|---:|---:|---:|
| 1 | 43.8% | 339 ms | | 1 | 33.18% | 134 ms |
| 3 | 33.0% | 374 ms | | 3 | 32.59% | 211 ms |
| 4 | 32.2% | 580 ms | | 4 | 32.42% | 221 ms |
| 5 | 30.1% | 838 ms | | **5** | **32.08%** | **263 ms** |
| 6 | 30.0% | 950 ms | | 6 | 31.97% | 291 ms |
| 9 | 29.9% | 8,979 ms | | 9 | 31.78% | 433 ms |
| 11 | 27.1% | 35,050 ms | | | | |

- Pages and data get a gzip copy at level 5 and no brotli copy. Level 5 is where gzip stops
  gaining for its time: 6 is 0.1 points smaller at 1.1 times the time, 9 is 0.3 points smaller
  at 1.6 times. Brotli's copy at its best level for the time, quality 5, would be 6% smaller
  (30.1% against 32.1% of the original) at 3.2 times the time, and a second copy of every
  file: the build of 10,000 posts wrote 82,598 files with both copies, 55,073 with gzip only,
  and took 20 s from scratch instead of 10. What it costs readers: a page or a post's data is
  7% more bytes than a brotli copy at quality 5 would be (a post's page of 19 KB, about 6 KB on
  the wire, is 0.4 KB more), and 18% more than brotli at quality 11.
- The app's files (the wasm, the scripts, the styles) get both, brotli at quality 11 and gzip
  at libdeflate's 12: few, large, fetched by every reader, and changing only with the code.
  Their copies are kept beside the app (`target/app/<profile>/<address>.compressed/`), so they
  are made once, not once a build.
- nginx with the shipped configuration sends the brotli copy where there is one and the
  browser accepts it, else the gzip copy. Hosts that compress on their own (Netlify,
  Cloudflare Pages, CloudFront) ignore the copies.
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

//! The "Search" section of BENCHMARKS.md: per size, the index on disk, the bytes of a first and
//! a second query, and the latencies' median and 95th percentile, Folio beside Pagefind, with
//! the ratios the issue's goals are stated in.

use super::Measured;
use crate::bench::report::{thousands, Environment};

/// The section's heading, which `replace_section` finds it by.
pub const HEADING: &str = "## Search";

/// The goal for the 95th percentile, unthrottled at the largest size: one frame.
const P95_GOAL_MS: f64 = 16.0;

/// The goal for the bundler's time with the index, against its time without.
const BUNDLER_GOAL: f64 = 1.30;

/// The section, from its heading to its end.
pub fn section(command: &str, env: &Environment, measured: &[Measured]) -> String {
    let browser = measured
        .first()
        .map_or("unknown", |m| m.results.browser.as_str());
    let mut out = format!(
        "{HEADING}\n\nMeasured {} with\n\n```sh\n{command}\n```\n\n\
         - machine: {} cores (`nproc`), {}, {}; load average {} before and {} after\n\
         - browser: {browser} (`/usr/bin/chromium`, headless), driven by Playwright\n\
         - server: nginx with the shipped deploy/nginx.conf, on 127.0.0.1\n\
         - Folio: `cargo xtask build` of the posts of `cargo xtask gen-posts N`; its search \
         page, typing into the header's box. Pagefind 1.6 (npm `pagefind`) over the same \
         posts' built pages (`--glob \"posts/**/index.html\"`), through its JavaScript API on \
         a plain page (`tests/bench/pagefind/`) that shows the best ten results, title and \
         excerpt.\n\
         - bytes: as transferred from nginx (brotli for the engine's own files, gzip for the \
         index: the copies the build writes), from the page being ready until the \
         query's results and their snippets (Pagefind: its excerpts) are shown; Pagefind's \
         script loads on the first keystroke, as Folio's search engine does.\n\
         - latency: from the keystroke that completes a word to the next animation frame \
         after its results are in the page, {} words each (`QUERIES` in \
         xtask/src/bench/search.rs); 4× CPU is Chromium's throttling of the page's thread, \
         where Folio's engine runs. \
         \"In the letter's frame\": of the words, unthrottled and at 4× CPU, how many had \
         their results in the frame that showed the keystroke's letter in the box, the \
         soonest they can paint.\n\
         - bundler: its data step (`folio-bundler --site S --out O`, the program `cargo xtask \
         build` runs, without the pages) on the same posts, with the index and \
         with `search = false`; medians of {} runs each, alternating.\n\n",
        env.date,
        env.cores,
        env.cpu,
        env.os,
        env.load_before,
        env.load_after,
        measured
            .first()
            .and_then(|m| m.results.runs.first())
            .map_or(0, |run| run.latencies.len()),
        super::BUNDLER_RUNS,
    );
    out.push_str("| Posts | Engine | Index on disk | First query | Second query | Latency p50 / p95, unthrottled | Latency p50 / p95, 4× CPU | In the letter's frame |\n");
    out.push_str("|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for size in measured {
        for engine in ["folio", "pagefind"] {
            let run = |condition: &str| {
                size.results
                    .runs
                    .iter()
                    .find(|run| run.engine == engine && run.condition == condition)
            };
            let (Some(fast), Some(slow)) = (run("unthrottled"), run("4x CPU")) else {
                continue;
            };
            let index = match engine {
                "folio" => format!(
                    "{} ({} gzip)",
                    kb(size.folio_index.0 as f64),
                    kb(size.folio_index.1 as f64)
                ),
                _ => format!("{} (gzip)", kb(size.pagefind_index as f64)),
            };
            out.push_str(&format!(
                "| {} | {} | {index} | {} in {} requests | {} in {} requests | {} | {} | {} and {} of {} |\n",
                thousands(size.posts as u64),
                if engine == "folio" {
                    "Folio"
                } else {
                    "Pagefind"
                },
                kb(fast.first.bytes),
                fast.first.requests,
                kb(fast.second.bytes),
                fast.second.requests,
                percentiles(&fast.results()),
                percentiles(&slow.results()),
                fast.in_letters_frame(),
                slow.in_letters_frame(),
                fast.latencies.len(),
            ));
        }
    }
    out.push('\n');
    for size in measured {
        out.push_str(&ratios(size));
    }
    out
}

/// "At 10,000 posts, Folio ÷ Pagefind: …", and whether the goals hold.
fn ratios(size: &Measured) -> String {
    let find = |engine: &str| {
        size.results
            .runs
            .iter()
            .find(|run| run.engine == engine && run.condition == "unthrottled")
    };
    let (Some(folio), Some(pagefind)) = (find("folio"), find("pagefind")) else {
        return String::new();
    };
    let p95 = percentile(&folio.results(), 0.95);
    let (with, without) = (
        size.bundler.0.median().as_secs_f64(),
        size.bundler.1.median().as_secs_f64(),
    );
    let bundler = with / without.max(f64::EPSILON);
    format!(
        "- At {} posts, Folio ÷ Pagefind: first query {:.2}× the bytes, second {:.2}×; p95 \
         latency {:.2}× unthrottled. Folio's p95 is {p95:.1} ms ({} the {P95_GOAL_MS:.0} ms of \
         one frame); the frame that showed each key's letter came at {}, p50 / p95. The \
         bundler takes {with:.2} s with the index and {without:.2} s without: \
         {bundler:.2}× ({} the goal of {BUNDLER_GOAL:.2}×).\n",
        thousands(size.posts as u64),
        folio.first.bytes / pagefind.first.bytes,
        folio.second.bytes / pagefind.second.bytes,
        p95 / percentile(&pagefind.results(), 0.95),
        if p95 < P95_GOAL_MS { "within" } else { "over" },
        percentiles(&folio.letters()),
        if bundler <= BUNDLER_GOAL {
            "within"
        } else {
            "over"
        },
    )
}

fn percentiles(values: &[f64]) -> String {
    format!(
        "{:.1} / {:.1} ms",
        percentile(values, 0.5),
        percentile(values, 0.95)
    )
}

/// The `q` quantile of `values` by the nearest rank.
pub fn percentile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn kb(bytes: f64) -> String {
    format!("{:.1} KB", bytes / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let values: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&values, 0.5), 10.0);
        assert_eq!(percentile(&values, 0.95), 19.0);
        assert_eq!(percentile(&[3.0], 0.95), 3.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }
}

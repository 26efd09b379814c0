//! The "Page loads" section of BENCHMARKS.md: medians, ratios and one table per condition, and
//! putting the section into the file without touching the rest.

use super::{Condition, Load, Results, HEADING, LCP_GOAL, SLUG};

/// The median; `None` for no values.
pub fn median(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let mut sorted: Vec<f64> = values.into_iter().collect();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// A median and how it reads in the table; `None` where the metric does not apply.
type Cell = Option<(f64, String)>;

/// One condition's table: metric | static page | Folio | Folio ÷ static | goal.
pub fn table(condition: &Condition) -> String {
    let time = |loads: &[Load], get: fn(&Load) -> Option<f64>| {
        let values: Vec<f64> = loads.iter().filter_map(get).collect();
        let (min, max) = values
            .iter()
            .fold((f64::INFINITY, 0.0_f64), |(lo, hi), &v| {
                (lo.min(v), hi.max(v))
            });
        median(values.iter().copied()).map(|m| (m, format!("{m:.0} ms ({min:.0}–{max:.0})")))
    };
    let count = |loads: &[Load], get: fn(&Load) -> Option<f64>, kilo: bool| {
        median(loads.iter().filter_map(get)).map(|m| {
            (
                m,
                if kilo {
                    format!("{:.1} KB", m / 1024.0)
                } else {
                    format!("{m:.0}")
                },
            )
        })
    };
    let rows: [(&str, Cell, Cell); 5] = [
        (
            "First contentful paint",
            time(&condition.baseline, |l| Some(l.fcp)),
            time(&condition.folio, |l| Some(l.fcp)),
        ),
        (
            "Largest contentful paint",
            time(&condition.baseline, |l| Some(l.lcp)),
            time(&condition.folio, |l| Some(l.lcp)),
        ),
        (
            "App taken over (`data-app=\"ready\"`)",
            None,
            time(&condition.folio, |l| l.ready),
        ),
        (
            "Bytes transferred",
            count(&condition.baseline, |l| Some(l.bytes), true),
            count(&condition.folio, |l| Some(l.bytes), true),
        ),
        (
            "Requests",
            count(&condition.baseline, |l| Some(l.requests), false),
            count(&condition.folio, |l| Some(l.requests), false),
        ),
    ];
    let mut out = String::from(
        "| Metric | Static page | Folio | Folio ÷ static | Goal |\n|:--|--:|--:|--:|:--|\n",
    );
    for (i, (metric, plain, folio)) in rows.into_iter().enumerate() {
        let ratio = match (&plain, &folio) {
            (Some((p, _)), Some((f, _))) if *p > 0.0 => Some(f / p),
            _ => None,
        };
        let goal = match ratio {
            Some(r) if i == 1 => format!(
                "within {LCP_GOAL}×: **{}**",
                if r <= LCP_GOAL { "pass" } else { "fail" }
            ),
            _ => String::new(),
        };
        let cell =
            |value: Option<(f64, String)>| value.map_or_else(|| "—".to_owned(), |(_, text)| text);
        let ratio = ratio.map_or_else(|| "—".to_owned(), |r| format!("**{r:.2}×**"));
        out.push_str(&format!(
            "| {metric} | {} | {} | {ratio} | {goal} |\n",
            cell(plain),
            cell(folio)
        ));
    }
    out
}

/// The start of the section, before the tables.
const INTRO: &str = r#"This section is written by `cargo xtask bench pages` (xtask/src/bench/pages.rs, measuring
with tests/bench/pages.mjs); run it again rather than editing it.

A cold deep link to the seed post, `/posts/{slug}/`, in headless Chromium,
against a baseline: the same page's HTML with every `<script>`, `<template>`,
`<link rel=modulepreload>` and `<link rel=preload>` removed (the same CSS and content, no app),
served by the same server in
the same run. Medians over the loads, the fastest and slowest in brackets. The machine is shared
and noisy: read the ratios, which come from loads made side by side, rather than the absolute
times. The goal is Folio's largest contentful paint within {goal}× of the static page's.
"#;

/// How the numbers are taken, after the tables.
const METHOD: &str = r#"### Method of the page loads

- Each load is a fresh browser context (empty cache) in one headless Chromium; the loads
  alternate Folio, static page, Folio, ... Mobile-like throttling goes through the DevTools
  protocol (`Emulation.setCPUThrottlingRate` 4, `Network.emulateNetworkConditions` 150 ms
  latency, 1.6 Mbps down and up).
- First contentful paint is `performance.getEntriesByName('first-contentful-paint')`; largest
  contentful paint is the last entry of a `PerformanceObserver` (`buffered: true`, added before
  the page's scripts), read once the network has been idle for 500 ms (for Folio, also after
  `<html>` got `data-app="ready"`) and 500 ms more, so a take-over that repaints the content
  shows.
- The app has taken over when a `MutationObserver` sees `data-app="ready"` on `<html>`
  (`performance.now()`, from the start of the navigation).
- Bytes are the sum of the DevTools protocol's `Network.loadingFinished` `encodedDataLength`
  over the load's requests: the bytes on the wire, compressed bodies and real headers (resource
  timing's `transferSize` counts a fixed 300 bytes of headers). Requests are the requests the
  page sent. Both leave out the favicon, which Chromium fetches for the browser rather than the
  page, and only on some loads.
"#;

/// The "Page loads" section of BENCHMARKS.md, with `facts` (date, command, machine) after the tables.
pub fn section(results: &Results, facts: &[String]) -> String {
    let intro = INTRO
        .replace("{slug}", SLUG)
        .replace("{goal}", &LCP_GOAL.to_string());
    let mut out = format!("{HEADING}\n\n{intro}\n");
    for condition in &results.conditions {
        out.push_str(&format!(
            "### {}\n\n{}\n",
            condition.description,
            table(condition)
        ));
    }
    out.push_str(&facts.join("\n"));
    out.push_str("\n\n");
    out.push_str(METHOD);
    if !results.warnings.is_empty() {
        out.push_str(&format!(
            "- Responses with errors during the loads: {}.\n",
            results.warnings.join("; ")
        ));
    }
    out
}

/// `doc` with the section of `section`'s heading (its first line: "## Page loads", "## Search")
/// replaced by `section`, or with `section` appended when it has none; the rest stays as it is.
pub fn replace_section(doc: &str, section: &str) -> String {
    let heading = section.lines().next().unwrap_or(HEADING).trim_end();
    let (mut out, mut inside, mut placed) = (String::new(), false, false);
    for line in doc.split_inclusive('\n') {
        if line.trim_end() == heading {
            (inside, placed) = (true, true);
            out.push_str(section);
            continue;
        }
        if inside && line.starts_with("## ") {
            inside = false;
            out.push('\n');
        }
        if !inside {
            out.push_str(line);
        }
    }
    if !placed {
        out = format!("{}\n\n{section}", out.trim_end());
    }
    out
}

/// `new` (BENCHMARKS.md as another benchmark rewrites it) with the section of `old` under
/// `heading` ("## Page loads", "## Search").
pub fn keep_section(old: &str, new: &str, heading: &str) -> String {
    let Some(start) = old
        .split_inclusive('\n')
        .position(|line| line.trim_end() == heading)
    else {
        return new.to_owned();
    };
    let lines: Vec<&str> = old.split_inclusive('\n').skip(start).collect();
    let end = lines
        .iter()
        .skip(1)
        .position(|line| line.starts_with("## "))
        .map_or(lines.len(), |n| n + 1);
    let section = lines[..end].concat();
    replace_section(new, &format!("{}\n", section.trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(fcp: f64, lcp: f64, ready: Option<f64>, bytes: f64, requests: f64) -> Load {
        Load {
            fcp,
            lcp,
            ready,
            bytes,
            requests,
        }
    }

    fn condition(folio_lcp: [f64; 3]) -> Condition {
        Condition {
            description: "Unthrottled".to_owned(),
            folio: folio_lcp
                .iter()
                .map(|&lcp| load(100.0, lcp, Some(400.0), 204_800.0, 5.0))
                .collect(),
            baseline: vec![
                load(90.0, 100.0, None, 10_240.0, 2.0),
                load(80.0, 100.0, None, 10_240.0, 2.0),
                load(120.0, 130.0, None, 10_240.0, 3.0),
            ],
        }
    }

    #[test]
    fn median_of_odd_even_and_no_values() {
        assert_eq!(median([3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median([4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median([]), None);
    }

    #[test]
    fn table_has_medians_spreads_ratios_and_the_goal() {
        let text = table(&condition([110.0, 105.0, 200.0]));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "| Metric | Static page | Folio | Folio ÷ static | Goal |"
        );
        assert_eq!(
            lines[2],
            "| First contentful paint | 90 ms (80–120) | 100 ms (100–100) | **1.11×** |  |"
        );
        assert_eq!(lines[3], "| Largest contentful paint | 100 ms (100–130) | 110 ms (105–200) | **1.10×** | within 1.15×: **pass** |");
        assert_eq!(
            lines[4],
            "| App taken over (`data-app=\"ready\"`) | — | 400 ms (400–400) | — |  |"
        );
        assert_eq!(
            lines[5],
            "| Bytes transferred | 10.0 KB | 200.0 KB | **20.00×** |  |"
        );
        assert_eq!(lines[6], "| Requests | 2 | 5 | **2.50×** |  |");
        assert!(table(&condition([120.0, 116.0, 90.0])).contains("within 1.15×: **fail**"));
    }

    const BUNDLER: &str =
        "# Benchmarks\n\n## Folio's bundler against Hugo\n\n| a |\n\n## Method\n\n- b\n";

    #[test]
    fn the_section_is_appended_then_replaced_in_place() {
        let first = replace_section(BUNDLER, "## Page loads\n\nold\n");
        assert_eq!(
            first,
            format!("{}\n\n## Page loads\n\nold\n", BUNDLER.trim_end())
        );
        let moved = first.replace("## Method\n\n- b\n", "") + "\n## Method\n\n- b\n";
        let second = replace_section(&moved, "## Page loads\n\nnew\n");
        assert!(
            second.ends_with("## Page loads\n\nnew\n\n## Method\n\n- b\n"),
            "{second}"
        );
        assert!(second.starts_with("# Benchmarks\n\n## Folio's bundler against Hugo\n\n| a |\n"));
        assert!(!second.contains("old"));
    }

    #[test]
    fn another_benchmark_keeps_the_section() {
        let old = replace_section(BUNDLER, "## Page loads\n\nkept\n\n### Unthrottled\n\nt\n");
        let rewritten = BUNDLER.replace("| a |", "| new |");
        let kept = keep_section(&old, &rewritten, HEADING);
        assert!(
            kept.contains("| new |") && !kept.contains("| a |"),
            "{kept}"
        );
        assert!(
            kept.ends_with("## Page loads\n\nkept\n\n### Unthrottled\n\nt\n"),
            "{kept}"
        );
        assert_eq!(keep_section(BUNDLER, &rewritten, HEADING), rewritten);
    }
}

//! The "Navigation" section of BENCHMARKS.md: one table per site, a row per navigation, Folio's
//! click-to-paint beside the baseline's, the longest task, and the goals.

use super::{Site, Transition};
use crate::bench::{pages::median, search::percentile};

/// The section's heading, which `replace_section` finds it by.
const HEADING: &str = "## Navigation";
/// The goals: Folio's median click-to-paint, and its longest task, at most this many ms.
const GOAL_MS: f64 = 50.0;

/// The start of the section, before the tables.
const INTRO: &str = r#"This section is written by `cargo xtask bench nav` (xtask/src/bench/nav.rs, measuring with
tests/bench/nav.mjs); run it again rather than editing it.

Clicks between a site's built pages in headless Chromium, the CPU throttled 4× and the network
not throttled (nginx on the same machine): Folio's app showing the next page in the same
document, beside a baseline, the same click between the same built pages with the app removed
(every `<script>`, `<template>`, `<link rel=modulepreload>` and `<link rel=preload>`), which is a
cross-document navigation, in the same run. **Folio** is the time from the click to the paint of
the frame that shows the next page; **baseline**, from the same click to the next document's
first contentful paint. Medians and 90th percentiles over the runs; the ratio is of the medians.
The goals: Folio's median at most 50 ms for every navigation, and no main-thread task over 50 ms
during one. The machine is shared and noisy: read the ratios, which come from runs made side by
side, rather than the absolute times.
"#;

/// How the numbers are taken, after the tables.
const METHOD: &str = r#"### Method of the navigations

- Each run is a fresh browser context (empty cache) in one headless Chromium; a run of Folio
  and one of the baseline alternate. The first page is opened unthrottled, and the run waits
  until the network has been quiet for 500 ms (for Folio, after `<html>` got
  `data-app="ready"`: the app loads its "page" module when the browser is idle, so a reader has
  it by the time they click). Then the CPU is throttled 4× (`Emulation.setCPUThrottlingRate`),
  the pointer goes onto the link (Playwright's `hover`, which starts Folio's prefetch of the next
  page's data), the run waits until the network has been quiet for 500 ms again, and clicks.
  These are the figures of a reader who rests the pointer on a link a moment before clicking;
  a click with no hover before it would also wait for the page's data.
- Folio: from the click event's `timeStamp` (a capture listener added before the page's
  scripts) to a `MessageChannel` message posted from the `requestAnimationFrame` after a
  `MutationObserver` saw `main h1` say the next page's heading at the next page's address: the
  frame that shows it has been painted. A click that loaded a new document fails the run.
- Baseline: from the click (its `timeStamp` plus the old document's `performance.timeOrigin`,
  kept in `sessionStorage`) to the new document's `performance.timeOrigin` plus its
  `first-contentful-paint` entry.
- "back": after each navigation, `history.back()` from the page it reached, timed from the call.
  The browser has its back/forward cache on, as a reader's Chrome has (Playwright turns it
  off): the baseline's page may come back from it, and is then timed to the frame painted after
  its `pageshow` event. Playwright turns Chromium's paint holding off, which changes what shows
  between two documents, not when the new one first paints.
- "Loading…" in the notes: Folio's placeholder (`main .loading`) was still in the page in a
  `requestAnimationFrame` callback on the way, so a frame showed it.
- Longest task and frame: the longest `longtask` and `long-animation-frame` entries
  (`PerformanceObserver`, added before the page's scripts) in Folio's document that end after
  the click and start before 500 ms after the paint; the browser reports only those over 50 ms
  ("none": there were none). The goal is on tasks.
- The links: home → the first post of the home page's listing (`main .post-list h2 a`); a post
  → its previous post (`main .post-nav a[rel=prev]`), its next post (`a[rel=next]`) and its
  first tag's page (`main .tags a`), from the first post of the listing that has all three,
  going back through previous posts from the first; a navigation the site has no link for is
  left out, and said.
"#;

/// The section, from its heading to its end, with `facts` (date, command, machine) after the
/// tables.
pub fn section(sites: &[Site], facts: &[String]) -> String {
    let mut out = format!("{HEADING}\n\n{INTRO}\n");
    for site in sites {
        out.push_str(&format!("### {}\n\n{}\n", site.title, table(site)));
    }
    out.push_str(&facts.join("\n"));
    out.push_str("\n\n");
    out.push_str(METHOD);
    out
}

/// One site's table, its goals and its notes.
fn table(site: &Site) -> String {
    let mut out = String::from(
        "| Navigation | Folio median | Folio p90 | Baseline median | Folio ÷ baseline | Longest task | Longest frame | Goal |\n\
         |:--|--:|--:|--:|--:|--:|--:|:--|\n",
    );
    let mut notes = site.results.notes.clone();
    let (mut slow, mut long) = (0, 0);
    for transition in &site.results.transitions {
        let row = Row::of(transition);
        slow += usize::from(row.folio > GOAL_MS);
        long += usize::from(row.task > GOAL_MS);
        out.push_str(&row.line(&transition.name));
        notes.extend(loading(transition));
    }
    let baseline = site.results.transitions.iter().flat_map(|t| &t.baseline);
    let restored = baseline.clone().filter(|run| run.restored).count();
    if restored > 0 {
        notes.push(format!(
            "The baseline's page came from the back/forward cache in {restored} of its {} navigations (on its way back, when it did).",
            baseline.count()
        ));
    }
    let rows = site.results.transitions.len();
    let verdict = |over: usize| match over {
        0 => "**pass**".to_owned(),
        n => format!("**fail** ({n} of {rows})"),
    };
    out.push_str(&format!(
        "\nGoals: median at most {GOAL_MS:.0} ms for every navigation: {}; no task over {GOAL_MS:.0} ms: {}.\n",
        verdict(slow),
        verdict(long)
    ));
    for note in notes {
        out.push_str(&format!("- {note}\n"));
    }
    out
}

/// The figures of one row.
struct Row {
    folio: f64,
    folio_p90: f64,
    baseline: f64,
    task: f64,
    frame: f64,
}

impl Row {
    fn of(transition: &Transition) -> Row {
        let folio: Vec<f64> = transition.folio.iter().map(|run| run.ms).collect();
        let longest =
            |get: fn(&super::FolioRun) -> f64| transition.folio.iter().map(get).fold(0.0, f64::max);
        Row {
            folio: median(folio.iter().copied()).unwrap_or(0.0),
            folio_p90: percentile(&folio, 0.9),
            baseline: median(transition.baseline.iter().map(|run| run.ms)).unwrap_or(0.0),
            task: longest(|run| run.longest_task),
            frame: longest(|run| run.longest_frame),
        }
    }

    /// The table's line.
    fn line(&self, name: &str) -> String {
        let over = |ms: f64| match ms {
            0.0 => "none".to_owned(),
            ms => format!("{ms:.0} ms"),
        };
        let ratio = match self.baseline {
            0.0 => "—".to_owned(),
            baseline => format!("**{:.2}×**", self.folio / baseline),
        };
        let goal = match (self.folio > GOAL_MS, self.task > GOAL_MS) {
            (false, false) => "pass",
            (true, false) => "**fail**: median",
            (false, true) => "**fail**: task",
            (true, true) => "**fail**: median, task",
        };
        format!(
            "| {name} | {:.0} ms | {:.0} ms | {:.0} ms | {ratio} | {} | {} | {goal} |\n",
            self.folio,
            self.folio_p90,
            self.baseline,
            over(self.task),
            over(self.frame),
        )
    }
}

/// A note on the runs of `transition` in which Folio painted "Loading…", if any did.
fn loading(transition: &Transition) -> Option<String> {
    let loading = transition.folio.iter().filter(|run| run.loading).count();
    (loading > 0).then(|| {
        format!(
            "{}: Folio painted \"Loading…\" on the way in {loading} of {} runs.",
            transition.name,
            transition.folio.len()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::nav::{BaselineRun, FolioRun, Results};

    fn transition(name: &str, folio: &[f64], task: f64, baseline: &[f64]) -> Transition {
        Transition {
            name: name.to_owned(),
            folio: folio
                .iter()
                .map(|&ms| FolioRun {
                    ms,
                    longest_task: task,
                    longest_frame: task.max(60.0),
                    loading: ms > 100.0,
                })
                .collect(),
            baseline: baseline
                .iter()
                .map(|&ms| BaselineRun {
                    ms,
                    restored: name.starts_with("back"),
                })
                .collect(),
        }
    }

    #[test]
    fn rows_have_medians_ratios_tasks_and_goals() {
        let site = Site {
            title: "Seed site".to_owned(),
            built: String::new(),
            results: Results {
                browser: "Chromium 1".to_owned(),
                transitions: vec![
                    transition(
                        "home → post",
                        &[30.0, 20.0, 40.0],
                        0.0,
                        &[90.0, 80.0, 100.0],
                    ),
                    transition("back: post → home", &[60.0, 120.0, 50.0], 75.0, &[10.0; 3]),
                ],
                notes: vec!["post → previous post: no link.".to_owned()],
            },
        };
        let text = table(&site);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[2],
            "| home → post | 30 ms | 40 ms | 90 ms | **0.33×** | none | 60 ms | pass |"
        );
        assert_eq!(
            lines[3],
            "| back: post → home | 60 ms | 120 ms | 10 ms | **6.00×** | 75 ms | 75 ms | **fail**: median, task |"
        );
        assert_eq!(
            lines[5],
            "Goals: median at most 50 ms for every navigation: **fail** (1 of 2); no task over 50 ms: **fail** (1 of 2)."
        );
        assert_eq!(lines[6], "- post → previous post: no link.");
        assert_eq!(
            lines[7],
            "- back: post → home: Folio painted \"Loading…\" on the way in 1 of 3 runs."
        );
        assert_eq!(
            lines[8],
            "- The baseline's page came from the back/forward cache in 3 of its 6 navigations (on its way back, when it did)."
        );
        let section = section(&[site], &["Measured today".to_owned()]);
        assert!(section.starts_with("## Navigation\n\nThis section is written by"));
        assert!(section.contains("### Seed site\n\n| Navigation |"));
        assert!(section.contains("Measured today\n\n### Method of the navigations\n"));
    }
}

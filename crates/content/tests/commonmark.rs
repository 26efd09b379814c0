//! Folio's renderer against the CommonMark 0.31.2 spec and GFM's tables, strikethrough and task
//! lists (the examples in `tests/conformance/`, whose README says where they come from). Every
//! example is rendered as a post page renders it, with raw HTML untrusted and trusted, and must
//! give the spec's HTML, compared in `canonical` form (parsed, with Folio's own markup undone),
//! or differ exactly as `PINNED` says, each pinned difference for a stated `Reason`. A
//! difference not pinned fails the test, and so does a pin that no longer differs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "conformance/canonical.rs"]
mod canonical;

use std::collections::{BTreeMap, BTreeSet};

use canonical::{canonical, Side, Undo};
use folio_content::{outline, render_html, Body, RenderOptions};
use serde::Deserialize;

use Mode::{Trusted, Untrusted};
use Reason::{Bug, RawHtmlAsText, UnsafeUrlDropped};
use Spec::{CommonMark, Gfm};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Spec {
    CommonMark,
    Gfm,
}

/// Whether the site trusts its authors' raw HTML (`RenderOptions::trusted_html`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Mode {
    Untrusted,
    Trusted,
}

/// Why an example's HTML differs from the spec's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Reason {
    /// Untrusted raw HTML is shown as text. Checked: each such example is as the spec says when
    /// trusted.
    RawHtmlAsText,
    /// A link whose scheme is not http, https or mailto is dropped; its text stays.
    UnsafeUrlDropped,
    /// Not a difference Folio means: see the pin's comment.
    Bug,
}

/// A pinned difference: these examples of `spec`, in these modes, for `reason`.
struct Pin {
    spec: Spec,
    modes: &'static [Mode],
    reason: Reason,
    examples: &'static [u32],
}

const fn pin(spec: Spec, modes: &'static [Mode], reason: Reason, examples: &'static [u32]) -> Pin {
    Pin {
        spec,
        modes,
        reason,
        examples,
    }
}

const UNTRUSTED: &[Mode] = &[Untrusted];
const BOTH: &[Mode] = &[Untrusted, Trusted];

/// Every example whose HTML differs from the spec's in canonical form.
#[rustfmt::skip]
const PINNED: &[Pin] = &[
    // Raw HTML in "Backslash escapes" and "Entity and numeric character references";
    pin(CommonMark, UNTRUSTED, RawHtmlAsText, &[21, 31]),
    // all of "HTML blocks";
    pin(CommonMark, UNTRUSTED, RawHtmlAsText, &[
        148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165,
        166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183,
        184, 185, 186, 187, 188, 189, 190, 191,
    ]),
    // in "Link reference definitions", "Lists", "Code spans", "Emphasis..." and "Links";
    pin(CommonMark, UNTRUSTED, RawHtmlAsText, &[
        201, 308, 309, 344, 475, 476, 477, 491, 494, 524, 536,
    ]),
    // in "Raw HTML" and "Hard line breaks".
    pin(CommonMark, UNTRUSTED, RawHtmlAsText, &[
        613, 614, 615, 616, 617, 623, 625, 626, 627, 628, 629, 630, 631, 642, 643,
    ]),
    // Autolinks with the schemes `irc:`, `a+b+c:`, `made-up-scheme:` and `localhost:`.
    pin(CommonMark, BOTH, UnsafeUrlDropped, &[596, 598, 599, 601]),
    // A table with no body rows has an empty `<tbody></tbody>`, where the spec says none is
    // written. Harmless (valid HTML that shows nothing); pulldown-cmark's writer does the same,
    // and `render/tables.rs` copies it, opening `<tbody>` at the end of the head rather than at
    // the first body row.
    pin(Gfm, BOTH, Bug, &[205]),
];

/// The pins, one per example and mode.
fn pinned() -> BTreeMap<(Spec, u32, Mode), Reason> {
    let mut pinned = BTreeMap::new();
    for pin in PINNED {
        for &example in pin.examples {
            for &mode in pin.modes {
                let earlier = pinned.insert((pin.spec, example, mode), pin.reason);
                assert!(
                    earlier.is_none(),
                    "{:?} {example} {mode:?} pinned twice",
                    pin.spec
                );
            }
        }
    }
    pinned
}

/// One example of a spec, as `tests/conformance/*.json` holds it.
#[derive(Deserialize)]
struct Example {
    example: u32,
    section: String,
    markdown: String,
    html: String,
}

fn load(file: &str) -> Vec<Example> {
    let path = format!("{}/tests/conformance/{file}", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `markdown` rendered as the post page renders a body the bundler made of it, without
/// highlighted code (plain code is the renderer's own fallback).
fn render(markdown: &str, mode: Mode) -> String {
    let body = Body {
        markdown: markdown.to_owned(),
        outline: outline(markdown),
        ..Body::default()
    };
    let options = RenderOptions {
        trusted_html: mode == Trusted,
        page_controls: true,
        ..RenderOptions::default()
    };
    render_html(&body, &options)
}

/// An example rendered in one mode and compared with the spec.
struct Comparison {
    same: bool,
    /// Folio's markup that was undone to compare.
    undone: BTreeSet<Undo>,
    /// What was compared, for a failure message.
    report: String,
}

fn compare(example: &Example, mode: Mode) -> Comparison {
    let mut undone = BTreeSet::new();
    let expected = canonical(&example.html, Side::Spec, &mut undone);
    let html = render(&example.markdown, mode);
    let actual = canonical(&html, Side::Folio, &mut undone);
    let report = format!(
        "section: {}\nmarkdown:\n{}\nexpected:\n{expected}\nactual:\n{actual}\n\
         Folio's HTML:\n{html}",
        example.section, example.markdown
    );
    Comparison {
        same: expected == actual,
        undone,
        report,
    }
}

#[test]
fn every_example_renders_as_the_spec_says_or_as_pinned() {
    let mut results = BTreeMap::new();
    for (spec, file) in [
        (CommonMark, "commonmark-0.31.2.json"),
        (Gfm, "gfm-extensions.json"),
    ] {
        for example in load(file) {
            for mode in [Untrusted, Trusted] {
                results.insert((spec, example.example, mode), compare(&example, mode));
            }
        }
    }
    let pinned = pinned();
    let mut failures = Vec::new();
    for (&(spec, number, mode), result) in &results {
        let name = format!("{spec:?} example {number}, {mode:?}");
        match (result.same, pinned.get(&(spec, number, mode))) {
            (true, None) | (false, Some(_)) => {}
            (false, None) => failures.push(format!(
                "{name} differs from the spec and is not pinned: mend the renderer, or pin it \
                 with its reason\n{}",
                result.report
            )),
            (true, Some(reason)) => failures.push(format!(
                "{name} is pinned as {reason:?} but renders as the spec says: unpin it"
            )),
        }
    }
    for (&(spec, number, mode), &reason) in &pinned {
        let name = format!("{spec:?} example {number}, {mode:?}");
        let trusted = results.get(&(spec, number, Trusted));
        match (trusted, reason, mode) {
            (None, ..) => failures.push(format!("{name} is pinned, but there is no such example")),
            (Some(trusted), RawHtmlAsText, Untrusted) if trusted.same => {}
            (_, RawHtmlAsText, _) => failures.push(format!(
                "{name} is pinned as {reason:?}, so it must be as the spec says when trusted"
            )),
            _ => {}
        }
    }
    print_summary(&results, &pinned);
    assert!(
        failures.is_empty(),
        "{} failures:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// How many examples and renders are as the spec says, with which of Folio's markup undone,
/// and how many differ, for which reason.
fn print_summary(
    results: &BTreeMap<(Spec, u32, Mode), Comparison>,
    pinned: &BTreeMap<(Spec, u32, Mode), Reason>,
) {
    let examples: BTreeSet<(Spec, u32)> = results.keys().map(|&(s, n, _)| (s, n)).collect();
    let same_in_both = examples
        .iter()
        .filter(|&&(s, n)| results[&(s, n, Untrusted)].same && results[&(s, n, Trusted)].same)
        .count();
    let same = results.values().filter(|result| result.same).count();
    let mut undone: BTreeMap<Undo, usize> = BTreeMap::new();
    for undo in results.values().filter(|r| r.same).flat_map(|r| &r.undone) {
        *undone.entry(*undo).or_default() += 1;
    }
    let mut reasons: BTreeMap<Reason, usize> = BTreeMap::new();
    for reason in pinned.values() {
        *reasons.entry(*reason).or_default() += 1;
    }
    println!(
        "{} examples ({same_in_both} as the spec says both untrusted and trusted); {} renders: \
         {same} as the spec says, {} differ as pinned",
        examples.len(),
        results.len(),
        pinned.len()
    );
    println!("  as the spec says once Folio's markup was undone (renders): {undone:?}");
    println!("  pinned differences (renders) by reason: {reasons:?}");
}

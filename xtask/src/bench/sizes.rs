//! `cargo xtask bench size [--dist DIR]`: what a reader downloads, read off the built site
//! (dist/, built first if it lacks the seed post's page): the app's first download against its budget, its
//! later modules and the search engine, and each file; the "Download sizes" section of
//! BENCHMARKS.md, the rest of the file left as it is. The figures are the ones
//! `cargo xtask build` prints (`size.rs`), so the section and the build agree.

use std::{fmt::Write as _, fs, path::Path};

use anyhow::{bail, Context, Result};

use super::pages::replace_section;
use crate::size::{self, FileSize, Part, BUDGET_BROTLI_BYTES};

pub const HEADING: &str = "## Download sizes";

/// `args` starts with `size`: `--dist DIR` measures another build.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let usage = "usage: cargo xtask bench size [--dist DIR]";
    let dist = match args.get(1..).unwrap_or_default() {
        [] => None,
        [flag, dir] if flag == "--dist" => Some(std::env::current_dir()?.join(dir)),
        other => bail!("unknown arguments {other:?}\n{usage}"),
    };
    let dist = super::pages::ensure_dist(root, dist)?;
    let sizes = size::measure(&dist)?;
    size::report(&sizes);
    let env = super::report::Environment::gather(root, String::new());
    let shown = dist
        .strip_prefix(root)
        .unwrap_or(&dist)
        .display()
        .to_string();
    let section = section(&sizes, &format!("Measured {} with\n\n```sh\ncargo xtask bench {}\n```\n\nfrom the site in `{shown}`, built from the working tree at commit {}.", env.date, args.join(" "), env.commit));
    let path = root.join("BENCHMARKS.md");
    let old = fs::read_to_string(&path).unwrap_or_else(|_| "# Benchmarks\n".to_owned());
    fs::write(&path, replace_section(&old, &section))
        .with_context(|| format!("writing {}", path.display()))?;
    println!(
        "\nbench: wrote the \"Download sizes\" section of {}",
        path.display()
    );
    Ok(())
}

/// The section: the totals by when they load, then every file.
fn section(sizes: &[FileSize], facts: &str) -> String {
    let mut out = format!("{HEADING}\n\n{facts}\n\n");
    out.push_str(
        "Bytes as a reader downloads them: brotli at quality 11 (the copies the bundler writes), \
         and raw. The first download is what every page loads once it has painted, for the app \
         to take it over; the rest loads only when it is needed.\n\n",
    );
    out.push_str("| What | When | Raw bytes | Brotli bytes |\n|---|---|---:|---:|\n");
    for (part, name, when) in [
        (
            Part::First,
            "First download: the app's wasm and JS, the inline scripts",
            "every page, after its first paint",
        ),
        (
            Part::Later,
            "Later modules of the app",
            "the first navigation, or when the browser is idle",
        ),
        (Part::Engine, "Search engine", "the first search"),
        (
            Part::Worker,
            "Service worker (reading offline)",
            "once the app has started",
        ),
    ] {
        let (raw, brotli) = size::totals(sizes, part);
        let _ = writeln!(out, "| {name} | {when} | {raw} | {brotli} |");
    }
    let (_, first) = size::totals(sizes, Part::First);
    let _ = writeln!(
        out,
        "\nThe first download's budget is {BUDGET_BROTLI_BYTES} bytes brotli (`xtask/src/size.rs`): \
         this build is {} under it. `cargo xtask test` fails a build over it.\n",
        BUDGET_BROTLI_BYTES.saturating_sub(first)
    );
    out.push_str("| File | Loads | Raw bytes | Brotli bytes |\n|---|---|---:|---:|\n");
    for file in sizes {
        let loads = match size::part(file) {
            Part::First => "first",
            Part::Later => "later",
            Part::Engine => "search",
            Part::Worker => "worker",
        };
        let _ = writeln!(
            out,
            "| `{}` | {loads} | {} | {} |",
            file.name, file.raw, file.brotli
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, raw: usize, brotli: usize) -> FileSize {
        FileSize {
            name: name.to_owned(),
            raw,
            brotli,
        }
    }

    #[test]
    fn the_section_totals_each_part_and_lists_each_file() {
        let sizes = [
            file("app.js", 100, 40),
            file("app_bg.wasm", 1000, 400),
            file("app/split_page.wasm", 500, 200),
            file("search_engine_bg.wasm", 800, 300),
        ];
        let text = section(&sizes, "Facts.");
        assert!(text.starts_with("## Download sizes\n\nFacts.\n"), "{text}");
        assert!(text.contains("| First download: the app's wasm and JS, the inline scripts | every page, after its first paint | 1100 | 440 |"), "{text}");
        assert!(text.contains("| Later modules of the app | the first navigation, or when the browser is idle | 500 | 200 |"), "{text}");
        assert!(
            text.contains("| Search engine | the first search | 800 | 300 |"),
            "{text}"
        );
        assert!(
            text.contains("| `app/split_page.wasm` | later | 500 | 200 |"),
            "{text}"
        );
    }
}

//! `cargo xtask <command>`: the chores around Folio. Each command installs what it needs first.

mod bench;
mod build;
mod bundler;
mod cmd;
mod gen_posts;
mod inputs;
mod minify_js;
mod serve;
mod setup;
mod size;
mod test;
mod wasm_opt;
mod wasm_split;

use std::{path::PathBuf, process::ExitCode};

use anyhow::{bail, Context, Result};

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  setup                 install what building and testing need (idempotent)
  serve                 install what is missing, then serve the site at http://127.0.0.1:8080
                        with live reload
  build [--site DIR] [--dist DIR] [--base-url URL]
                        build the deployable site into dist/ (the app in release, size-tuned;
                        trunk runs only when the app's sources changed), writing only what
                        changed; a failed build leaves the previous dist/ as it was; the site
                        works under the path of its base URL (site.toml's base_url, or URL)
  test                  install test dependencies, then run every check and test
  test --fuzz           only the fuzz targets (front matter, a post's bundle, the renderer),
                        optimised, with FOLIO_FUZZ_CASES cases per property (default 100000)
  gen-posts N DIR [--force]
                        write site.toml and N generated posts (TOML and YAML front matter)
                        into DIR/posts/; DIR must be empty unless --force
  bench build [--sizes 1000,10000] [--runs R]
                        whole builds of the same generated posts by cargo xtask build and by
                        Hugo (installed if missing), from scratch and after one edit: wall and
                        CPU time and peak memory, written to BENCHMARKS.md (`bench bundler` is
                        the same)
  bench pages [--runs N] [--dist DIR]
                        cold loads of the seed post's page in headless Chromium (N of each,
                        default 15, unthrottled and mobile-like) against the same page without
                        its app, served as deployed; builds dist/ if it lacks the page and writes
                        the \"Page loads\" section of BENCHMARKS.md
  bench nav [--runs N] [--sizes seed,1000]
                        clicks between built pages in headless Chromium at 4x CPU (home to
                        post, previous, next, tag page, and back; N runs of each, default 15):
                        Folio's app against the same pages without it, on the seed site and a
                        site of generated posts; writes the \"Navigation\" section of BENCHMARKS.md
  bench size [--dist DIR]
                        what a reader downloads (the app's first download against its budget,
                        its later modules, the search engine), read off dist/ (built if need
                        be); writes the \"Download sizes\" section of BENCHMARKS.md
  bench search [--sizes 1000,10000]
                        Folio's search against Pagefind on the same generated posts in headless
                        Chromium: index size, bytes of a first and a second query, latency
                        unthrottled and at 4x CPU; writes the \"Search\" section of BENCHMARKS.md
  wasm-opt ARGS         binaryen's wasm-opt, reusing its output when the input has not changed
                        (trunk calls it through the PATH that setup makes)
  wasm-bindgen ARGS     wasm-bindgen, splitting the app's wasm at its split points first
                        (trunk calls it through the PATH that setup makes)
  place-later-modules   copies the app's later modules into trunk's output (trunk's
                        post_build hook runs it)";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<()> {
    let root = workspace_root()?;
    let (command, rest) = args
        .split_first()
        .map(|(c, r)| (c.as_str(), r))
        .unwrap_or(("", &[]));
    match command {
        "setup" => setup::all(&root, setup::Purpose::Test),
        "serve" => serve::run(&root),
        "build" => build::run(&root, &build::Options::parse(&root, rest)?),
        "test" => match rest {
            [] => test::run(&root),
            [flag] if flag == "--fuzz" => test::fuzz(&root),
            _ => bail!("usage: cargo xtask test [--fuzz]"),
        },
        "gen-posts" => gen_posts::run(rest),
        "bench" => bench::run(&root, rest),
        "wasm-opt" => wasm_opt::run(&root, rest),
        "wasm-bindgen" => wasm_split::bindgen(&root, rest),
        "place-later-modules" => wasm_split::place_later_modules(&root),
        "" | "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command {other:?}\n\n{USAGE}"),
    }
}

/// The workspace root: the folder above xtask/.
fn workspace_root() -> Result<PathBuf> {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .context("xtask/ has no parent folder")
}

//! `cargo xtask test`: installs test dependencies, then runs every check and test in order:
//! formatting, lints (native and wasm), native tests, the app's tests in headless Chromium, the
//! release build with its size budget, and the end-to-end tests against that build.
//! The first failure stops the run with a non-zero exit.

use std::path::Path;

use anyhow::Result;

use crate::{build, cmd, setup, size};

const WASM: &str = "wasm32-unknown-unknown";
/// Where the end-to-end tests serve the build made for a sub-path.
const E2E_BASE_PORT: &str = "4174";
const E2E_BASE_PATH: &str = "/blog/";
/// Where the end-to-end tests serve the kitchen-sink fixture site, which uses every feature.
const E2E_FEATURES_PORT: &str = "4175";
const E2E_FEATURES_PATH: &str = "/kitchen/";
/// Where the end-to-end tests serve the search fixture site, whose posts each answer one query.
const E2E_SEARCH_PORT: &str = "4176";
const E2E_SEARCH_PATH: &str = "/find/";

pub fn run(root: &Path) -> Result<()> {
    setup::all(root, setup::Purpose::Test)?;
    let cargo = |args: &[&str]| cmd::run(cmd::command(root, "cargo").args(args));

    step("formatting");
    cargo(&["fmt", "--all", "--check"])?;

    step("lints");
    cargo(&[
        "clippy",
        "--workspace",
        "--exclude",
        "folio",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    cargo(&[
        "clippy",
        "--package",
        "folio",
        "--target",
        WASM,
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    // The app's code as the bundler builds it, to render each page natively.
    cargo(&[
        "clippy",
        "--package",
        "folio",
        "--no-default-features",
        "--features",
        "ssr",
        "--lib",
        "--",
        "-D",
        "warnings",
    ])?;

    step("native tests");
    cargo(&["test", "--workspace", "--exclude", "folio"])?;

    step("app tests in headless Chromium");
    cmd::run(
        cmd::command(root, "cargo")
            .args(["test", "--package", "folio", "--target", WASM])
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            ),
    )?;

    step("release build and size budget");
    let options = build::Options::parse(root, &[])?;
    build::run(root, &options)?;
    size::check_budget(&size::measure(&options.dist)?)?;

    step("release build under a base path, for the end-to-end tests");
    let under_base = build::Options {
        base_url: Some(format!("http://127.0.0.1:{E2E_BASE_PORT}{E2E_BASE_PATH}")),
        dist: root.join("target/e2e/dist-under-base"),
        ..build::Options::parse(root, &[])?
    };
    build::run(root, &under_base)?;

    step("release build of the kitchen-sink site, which uses every feature");
    let features = build::Options {
        site: root.join("tests/fixtures/sites/kitchen-sink"),
        base_url: Some(format!(
            "http://127.0.0.1:{E2E_FEATURES_PORT}{E2E_FEATURES_PATH}"
        )),
        dist: root.join("target/e2e/dist-kitchen-sink"),
    };
    build::run(root, &features)?;

    step("release build of the search fixture site");
    let search = build::Options {
        site: root.join("tests/fixtures/sites/search"),
        base_url: Some(format!(
            "http://127.0.0.1:{E2E_SEARCH_PORT}{E2E_SEARCH_PATH}"
        )),
        dist: root.join("target/e2e/dist-search"),
    };
    build::run(root, &search)?;

    step("end-to-end tests in headless Chromium");
    cmd::run(
        cmd::command(root, "npx")
            .args([
                "playwright",
                "test",
                "--config",
                "tests/e2e/playwright.config.mjs",
            ])
            .env("E2E_BASE_DIST", &under_base.dist)
            .env("E2E_BASE_PORT", E2E_BASE_PORT)
            .env("E2E_BASE_PATH", E2E_BASE_PATH)
            .env("E2E_FEATURES_DIST", &features.dist)
            .env("E2E_FEATURES_PORT", E2E_FEATURES_PORT)
            .env("E2E_FEATURES_PATH", E2E_FEATURES_PATH)
            .env("E2E_SEARCH_DIST", &search.dist)
            .env("E2E_SEARCH_PORT", E2E_SEARCH_PORT)
            .env("E2E_SEARCH_PATH", E2E_SEARCH_PATH),
    )?;

    println!("\ntest: every check passed");
    Ok(())
}

fn step(name: &str) {
    println!("\n== {name}");
}

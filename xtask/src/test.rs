//! `cargo xtask test`: installs test dependencies, then runs every check and test in order:
//! formatting, lints (native and wasm), native tests, the app's tests in headless Chromium, the
//! release build with its size budget, and the end-to-end tests against that build.
//! The first failure stops the run with a non-zero exit.

use std::path::Path;

use anyhow::Result;

use crate::{build, cmd, setup, size};

const WASM: &str = "wasm32-unknown-unknown";

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

    step("end-to-end tests in headless Chromium");
    cmd::run(cmd::command(root, "npx").args([
        "playwright",
        "test",
        "--config",
        "tests/e2e/playwright.config.mjs",
    ]))?;

    println!("\ntest: every check passed");
    Ok(())
}

fn step(name: &str) {
    println!("\n== {name}");
}

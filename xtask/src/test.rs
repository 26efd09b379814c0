//! `cargo xtask test`: installs test dependencies, then runs every check and test in order:
//! formatting, lints (native and wasm), the dependency graph (cargo-deny), native tests, the
//! app's tests in headless Chromium, the release build with its size budget, and the end-to-end
//! tests against that build. The first failure stops the run with a non-zero exit.
//! `cargo xtask test --fuzz` runs only the fuzz targets instead, with many cases each (`fuzz`).

use std::{path::Path, time::Instant};

use anyhow::{Context, Result};

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

    step("dependencies: licences, bans, sources");
    // Advisories are left out: the RustSec database is cloned from GitHub, which these
    // machines cannot reach (deny.toml says more). `--workspace`: the root manifest is the
    // app's package too, and alone it would check only the app's graph.
    cargo(&[
        "deny",
        "--workspace",
        "check",
        "--hide-inclusion-graph",
        "licenses",
        "bans",
        "sources",
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

/// Cases per fuzz property in `cargo xtask test --fuzz`, unless `FOLIO_FUZZ_CASES` is set.
const FUZZ_CASES: &str = "100000";

/// The fuzz targets: proptest properties over hostile inputs, each a test target of its crate.
const FUZZ_TARGETS: &[(&str, &str)] = &[
    ("folio-bundler", "fuzz_front_matter"),
    ("folio-bundler", "fuzz_post"),
    ("folio-content", "fuzz_render"),
];

/// The profile the fuzz targets run in for `--fuzz`: optimised like the `bundler` profile (many
/// times faster than the tests' unoptimised one), with debug assertions and overflow checks
/// kept, so that an overflow fails a case rather than wrapping. Defined on the command line so
/// that it is only these runs' (into target/fuzz/).
const FUZZ_PROFILE: &[&str] = &[
    "--profile",
    "fuzz",
    "--config",
    "profile.fuzz.inherits=\"bundler\"",
    "--config",
    "profile.fuzz.debug-assertions=true",
    "--config",
    "profile.fuzz.overflow-checks=true",
];

/// `cargo xtask test --fuzz`: only the fuzz targets, each property with `FOLIO_FUZZ_CASES`
/// cases (100,000 unless set; a dearer property, a whole build per case, runs a 16th of them),
/// in an optimised profile. The normal `cargo test` runs the same targets with 128 cases.
/// A failing case is shrunk, printed, and kept in `crates/<crate>/proptest-regressions/` for
/// every later run to try first.
pub fn fuzz(root: &Path) -> Result<()> {
    let cases = std::env::var("FOLIO_FUZZ_CASES")
        .ok()
        .filter(|cases| !cases.trim().is_empty())
        .unwrap_or_else(|| FUZZ_CASES.to_owned());
    let cargo_test = |package: &str, target: &str| {
        let mut command = cmd::command(root, "cargo");
        command
            .arg("test")
            .args(FUZZ_PROFILE)
            .args(["--package", package, "--test", target])
            .env("FOLIO_FUZZ_CASES", &cases);
        command
    };
    step("building the fuzz targets");
    for (package, target) in FUZZ_TARGETS {
        cmd::run(cargo_test(package, target).arg("--no-run"))?;
    }
    let mut times = Vec::new();
    for (package, target) in FUZZ_TARGETS {
        step(&format!("fuzzing {target}, {cases} cases per property"));
        let started = Instant::now();
        cmd::run(&mut cargo_test(package, target)).with_context(|| {
            format!(
                "{target} found a failing case: proptest printed it shrunk above, and kept it in \
                 crates/{}/proptest-regressions/, which every later run tries first",
                package.trim_start_matches("folio-")
            )
        })?;
        times.push((target, started.elapsed()));
    }
    println!();
    for (target, time) in times {
        println!(
            "fuzz: {target}: {cases} cases per property in {:.0} s",
            time.as_secs_f64()
        );
    }
    println!("\ntest --fuzz: no failing case");
    Ok(())
}

fn step(name: &str) {
    println!("\n== {name}");
}

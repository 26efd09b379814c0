//! How many cases a fuzz property runs, and where a failing case is kept: shared by the
//! bundler's fuzz targets and the renderer's (`crates/content/tests/fuzz_render.rs` includes
//! this file), each keeping its failures in its own crate.

use proptest::test_runner::{Config, FileFailurePersistence};

/// How many cases each fuzz property runs unless `FOLIO_FUZZ_CASES` says otherwise: few
/// enough that a plain `cargo test` stays quick.
pub const DEFAULT_CASES: u32 = 128;

/// The proptest configuration of a fuzz property: `FOLIO_FUZZ_CASES` cases (default
/// `DEFAULT_CASES`), divided by `cost` for a property whose cases are `cost` times dearer
/// (at least one case). `cargo xtask test --fuzz` sets the variable high.
///
/// A failing case is shrunk and printed, and its seed is appended to
/// `crates/<crate>/proptest-regressions/<target>.txt` (the crate whose test it is), whichever
/// run found it (a normal `cargo test` or a long fuzz run): commit that file and every later
/// run tries the case first, before any random one. (proptest's default place for it, beside a `lib.rs`, is not
/// found from `tests/`, so the file is named here.) `PROPTEST_RNG_SEED=N` replays a whole run.
pub fn fuzz_config(target: &str, cost: u32) -> Config {
    let cases = std::env::var("FOLIO_FUZZ_CASES")
        .ok()
        .and_then(|value| value.trim().replace('_', "").parse::<u32>().ok())
        .unwrap_or(DEFAULT_CASES);
    let regressions = format!(
        "{}/proptest-regressions/{target}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    Config {
        cases: (cases / cost.max(1)).max(1),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(Box::leak(
            regressions.into_boxed_str(),
        )))),
        // Hostile inputs are large: shrinking them stops after a minute at most.
        max_shrink_time: 60_000,
        ..Config::default()
    }
}

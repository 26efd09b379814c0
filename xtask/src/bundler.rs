//! The bundler as every command runs it: one program, built once for speed (the `bundler`
//! profile of Cargo.toml), by `cargo xtask build`, `serve` and `bench` alike.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::cmd;

/// The Cargo profile the bundler is built with.
pub const PROFILE: &str = "bundler";

/// Builds the bundler if its sources changed (a no-op takes a fraction of a second) and gives
/// the path of the program.
pub fn build(root: &Path) -> Result<PathBuf> {
    cmd::run(cmd::command(root, "cargo").args([
        "build",
        "--quiet",
        "--profile",
        PROFILE,
        "--package",
        "folio-bundler",
    ]))
    .context("the bundler does not build")?;
    Ok(program(root))
}

/// Where `build` leaves the program.
pub fn program(root: &Path) -> PathBuf {
    root.join("target").join(PROFILE).join("folio-bundler")
}

//! The bundler as every command runs it: one program, built once for speed (the `bundler`
//! profile of Cargo.toml), by `cargo xtask build`, `serve` and `bench` alike.

use std::{
    fs,
    path::{Path, PathBuf},
};

use anyhow::{Context, Result};

use crate::{cmd, inputs};

/// The Cargo profile the bundler is built with.
pub const PROFILE: &str = "bundler";

/// Builds the bundler if its sources changed and gives the path of the program. Cargo is not
/// started when the fingerprint of what the program is built from is the one it was last built
/// from: cargo takes a fifth of a second to find nothing to do, longer than the whole build of
/// a small site after an edit.
pub fn build(root: &Path) -> Result<PathBuf> {
    let program = program(root);
    let stamp = program.with_extension("inputs");
    // Taken before cargo runs: a source changed while it builds changes it again.
    let inputs = inputs::fingerprint(
        root,
        &["src", "crates/content", "crates/bundler"],
        &[
            "Cargo.toml",
            "Cargo.lock",
            "rust-toolchain.toml",
            ".cargo/config.toml",
        ],
        &[PROFILE],
    )?;
    if inputs::unchanged(&stamp, &inputs) && program.is_file() {
        println!(
            "build: the bundler's sources have not changed since {} was built",
            program.display()
        );
        return Ok(program);
    }
    cmd::run(cmd::command(root, "cargo").args([
        "build",
        "--quiet",
        "--profile",
        PROFILE,
        "--package",
        "folio-bundler",
    ]))
    .context("the bundler does not build")?;
    fs::write(&stamp, inputs).with_context(|| format!("writing {}", stamp.display()))?;
    Ok(program)
}

/// Where `build` leaves the program.
pub fn program(root: &Path) -> PathBuf {
    root.join("target").join(PROFILE).join("folio-bundler")
}

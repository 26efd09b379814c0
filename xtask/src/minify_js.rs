//! The JS that wasm-bindgen writes for a release build, minified with esbuild (an npm package of
//! package-lock.json) before trunk hashes it and writes its integrity: wasm-bindgen's glue is
//! written to be read (59 KB for the app, 8.1 KB brotli), and minified it is 6.3 KB brotli, all
//! of it in the first download. Only names inside the module change: its imports and exports,
//! and the import object's keys the wasm links against, are strings esbuild keeps.

use std::{path::Path, process::Command};

use anyhow::{bail, Context, Result};

/// Minifies the ES module at `file` in place.
pub fn minify(root: &Path, file: &Path) -> Result<()> {
    let esbuild = root.join("node_modules/.bin/esbuild");
    if !esbuild.exists() {
        bail!(
            "{} is not installed: run `cargo xtask setup`",
            esbuild.display()
        );
    }
    let status = Command::new(&esbuild)
        .arg(file)
        .args([
            "--minify",
            "--format=esm",
            "--log-level=error",
            "--allow-overwrite",
        ])
        .arg(format!("--outfile={}", file.display()))
        .status()
        .with_context(|| format!("could not start {}", esbuild.display()))?;
    if !status.success() {
        bail!("esbuild could not minify {} ({status})", file.display());
    }
    Ok(())
}

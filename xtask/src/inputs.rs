//! The fingerprint of what a program is built from, so that a build whose inputs did not change
//! is not started at all: trunk for the app (`build.rs`), cargo for the bundler (`bundler.rs`).
//! Starting either only to hear that nothing changed costs more than the build of a small site.

use std::{
    fs,
    path::{Path, PathBuf},
};

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};

use crate::cmd;

/// The SHA-256 of every file under `folders` (their `target/` folders left out) and of `files`,
/// by name and content, with the toolchain (`toolchain`), `RUSTFLAGS` and `parts`.
pub fn fingerprint(
    root: &Path,
    folders: &[&str],
    files: &[&str],
    parts: &[&str],
) -> Result<String> {
    let mut found = Vec::new();
    for folder in folders {
        collect_files(&root.join(folder), &mut found)?;
    }
    found.extend(files.iter().map(|file| root.join(file)));
    found.sort();
    let mut hasher = Sha256::new();
    let rustc = toolchain(root);
    let rustflags = std::env::var("RUSTFLAGS").unwrap_or_default();
    for part in [rustc, &rustflags].into_iter().chain(parts.iter().copied()) {
        hasher.update(part.len().to_le_bytes());
        hasher.update(part);
    }
    for file in found {
        let bytes = fs::read(&file).unwrap_or_default();
        let name = file.strip_prefix(root).unwrap_or(&file).to_string_lossy();
        for part in [name.as_bytes(), &bytes] {
            hasher.update(part.len().to_le_bytes());
            hasher.update(part);
        }
    }
    Ok(format!("{:x}", hasher.finalize()))
}

/// Every file under `folder`, but in `target/` folders.
fn collect_files(folder: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error).with_context(|| format!("reading {}", folder.display())),
    };
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name != "target") {
                collect_files(&path, found)?;
            }
        } else {
            found.push(path);
        }
    }
    Ok(())
}

/// Whether the stamp at `stamp` holds `fingerprint`.
pub fn unchanged(stamp: &Path, fingerprint: &str) -> bool {
    fs::read_to_string(stamp).is_ok_and(|kept| kept == fingerprint)
}

/// The toolchain: under `cargo xtask`, the compiler beside the cargo that runs this program
/// (`CARGO`), by its path, size and time, which a new toolchain changes; else what
/// `rustc --version` says (through rustup, 30 ms). Found once a run.
fn toolchain(root: &Path) -> &'static str {
    static TOOLCHAIN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TOOLCHAIN.get_or_init(|| {
        let beside_cargo = std::env::var_os("CARGO")
            .map(std::path::PathBuf::from)
            .and_then(|cargo| Some(cargo.parent()?.join("rustc")));
        let described = beside_cargo.and_then(|rustc| {
            let meta = fs::metadata(&rustc).ok()?;
            let modified = meta
                .modified()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?;
            Some(format!(
                "{} {} {}",
                rustc.display(),
                meta.len(),
                modified.as_nanos()
            ))
        });
        described
            .unwrap_or_else(|| cmd::first_line(root, "rustc", &["--version"]).unwrap_or_default())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_or_added_file_changes_the_fingerprint_and_target_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("src/target")).unwrap();
        fs::write(root.join("src/a.rs"), "one").unwrap();
        fs::write(root.join("Cargo.lock"), "lock").unwrap();
        let print = || fingerprint(root, &["src"], &["Cargo.lock"], &["release"]).unwrap();
        let first = print();
        fs::write(root.join("src/target/built"), "anything").unwrap();
        assert_eq!(print(), first, "target/ is left out");
        fs::write(root.join("src/a.rs"), "two").unwrap();
        let second = print();
        assert_ne!(second, first);
        fs::write(root.join("src/b.rs"), "").unwrap();
        assert_ne!(print(), second, "a new file counts");
        let other = fingerprint(root, &["src"], &["Cargo.lock"], &["dev"]).unwrap();
        assert_ne!(other, print());
    }
}

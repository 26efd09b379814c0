//! `cargo xtask wasm-opt ARGS`: binaryen's wasm-opt for trunk, with a cache of what it made.
//!
//! trunk runs wasm-opt on both wasm files of every release build, and that is most of a build's
//! time (about 45 of 60 seconds here). A build that changes only posts gives it the same wasm as
//! the build before, and so do the test run's four builds. So the output is kept in
//! `target/wasm-opt-cache/`, named by a hash of wasm-opt's version, its arguments and the
//! contents of every file they name; the same call again copies it instead of optimising again.
//! `cargo xtask setup` puts a `wasm-opt` first on the tools' PATH that calls this.

use std::{
    fs,
    path::{Path, PathBuf},
    time::SystemTime,
};

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

use crate::cmd;

/// Where the optimised files are kept.
const CACHE: &str = "target/wasm-opt-cache";
/// How many optimised files are kept: two wasm files for each of a few recent versions.
const KEEP: usize = 8;

/// Runs wasm-opt with `args`, or copies its output from the cache.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let wasm_opt = root.join("node_modules/.bin/wasm-opt");
    let (Some(output), rest) = split_output(args) else {
        // `--version` and the like: nothing to keep.
        return run_wasm_opt(&wasm_opt, args);
    };
    let version = cmd::first_line(root, &wasm_opt.to_string_lossy(), &["--version"])
        .context("wasm-opt is not installed: run `cargo xtask setup`")?;
    let cache = root.join(CACHE);
    let cached = cache.join(format!("{}.wasm", key(&version, &rest)?));
    if cached.is_file() {
        fs::copy(&cached, &output).with_context(|| format!("copying {}", cached.display()))?;
        // Marks it as recently used, so pruning keeps it.
        fs::File::options()
            .append(true)
            .open(&cached)
            .and_then(|file| file.set_modified(SystemTime::now()))
            .with_context(|| format!("touching {}", cached.display()))?;
        return Ok(());
    }
    run_wasm_opt(&wasm_opt, args)?;
    fs::create_dir_all(&cache).with_context(|| format!("creating {}", cache.display()))?;
    let partial = cached.with_extension("partial");
    fs::copy(&output, &partial).with_context(|| format!("writing {}", partial.display()))?;
    fs::rename(&partial, &cached).with_context(|| format!("writing {}", cached.display()))?;
    prune(&cache)
}

/// The file wasm-opt writes (`--output=FILE`, `--output FILE` or `-o FILE`), and the other
/// arguments.
fn split_output(args: &[String]) -> (Option<PathBuf>, Vec<&str>) {
    let (mut output, mut rest) = (None, Vec::new());
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if let Some(file) = arg.strip_prefix("--output=") {
            output = Some(file.into());
        } else if arg == "--output" || arg == "-o" {
            output = args.next().map(PathBuf::from);
        } else {
            rest.push(arg.as_str());
        }
    }
    (output, rest)
}

/// The hash of the version, the arguments but the output (`split_output`), and each named
/// file's contents in place of its name (trunk's input is in a fresh staging folder every build).
fn key(version: &str, args: &[&str]) -> Result<String> {
    let mut hash = Sha256::new();
    hash.update(version.as_bytes());
    for &arg in args {
        let path = Path::new(arg);
        if path.is_file() {
            let contents = fs::read(path).with_context(|| format!("reading {arg}"))?;
            hash.update(b"\0file\0");
            hash.update(Sha256::digest(&contents));
        } else {
            hash.update(b"\0arg\0");
            hash.update(arg.as_bytes());
        }
    }
    Ok(hash
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect())
}

fn run_wasm_opt(wasm_opt: &Path, args: &[String]) -> Result<()> {
    let status = std::process::Command::new(wasm_opt)
        .args(args)
        .status()
        .with_context(|| format!("could not start {}", wasm_opt.display()))?;
    if !status.success() {
        bail!("wasm-opt failed ({status})");
    }
    Ok(())
}

/// Removes all but the `KEEP` most recently used files.
fn prune(cache: &Path) -> Result<()> {
    let mut files: Vec<(SystemTime, PathBuf)> = fs::read_dir(cache)
        .with_context(|| format!("reading {}", cache.display()))?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            Some((entry.metadata().ok()?.modified().ok()?, entry.path()))
        })
        .collect();
    files.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    for (_, path) in files.into_iter().skip(KEEP) {
        fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|&arg| arg.to_owned()).collect()
    }

    #[test]
    fn finds_the_output_in_each_spelling() {
        for (args, others) in [
            (
                ["--output=out.wasm", "-Os", "in.wasm"].as_slice(),
                ["-Os", "in.wasm"].as_slice(),
            ),
            (
                &["-Os", "--output", "out.wasm", "in.wasm"],
                &["-Os", "in.wasm"],
            ),
            (&["in.wasm", "-o", "out.wasm"], &["in.wasm"]),
        ] {
            let args = strings(args);
            assert_eq!(
                split_output(&args),
                (Some("out.wasm".into()), others.to_vec())
            );
        }
        let version = strings(&["--version"]);
        assert_eq!(split_output(&version), (None, vec!["--version"]));
    }

    #[test]
    fn the_key_follows_the_input_s_contents_not_its_name_nor_the_output() {
        let temp = tempfile::tempdir().unwrap();
        let (first, second, other) = (
            temp.path().join("stage-1/app.wasm"),
            temp.path().join("stage-2/app.wasm"),
            temp.path().join("other.wasm"),
        );
        for (path, contents) in [(&first, "same"), (&second, "same"), (&other, "changed")] {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, contents).unwrap();
        }
        let call = |input: &Path, output: &str, level: &str| {
            let args = [
                format!("--output={output}"),
                level.to_owned(),
                input.display().to_string(),
            ];
            key("wasm-opt version 123", &split_output(&args).1).unwrap()
        };
        let original = call(&first, "a/out.wasm", "-Os");
        assert_eq!(call(&second, "b/out.wasm", "-Os"), original);
        assert_ne!(call(&other, "a/out.wasm", "-Os"), original);
        assert_ne!(call(&first, "a/out.wasm", "-Oz"), original);
        let args = [
            "--output=x".into(),
            "-Os".into(),
            first.display().to_string(),
        ];
        assert_ne!(
            key("wasm-opt version 124", &split_output(&args).1).unwrap(),
            original
        );
    }

    #[test]
    fn pruning_keeps_the_most_recently_used() {
        let temp = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        for age in 0..KEEP as u64 + 3 {
            let path = temp.path().join(format!("{age}.wasm"));
            fs::write(&path, "x").unwrap();
            let file = fs::File::options().append(true).open(&path).unwrap();
            file.set_modified(now - std::time::Duration::from_secs(age * 60))
                .unwrap();
        }
        prune(temp.path()).unwrap();
        let mut left: Vec<u64> = fs::read_dir(temp.path())
            .unwrap()
            .map(|entry| {
                let name = entry.unwrap().file_name().into_string().unwrap();
                name.trim_end_matches(".wasm").parse().unwrap()
            })
            .collect();
        left.sort_unstable();
        assert_eq!(left, (0..KEEP as u64).collect::<Vec<_>>());
    }
}

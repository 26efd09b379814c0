//! `cargo xtask wasm-bindgen ARGS` and `cargo xtask place-later-modules`: the app's wasm split
//! into the module every page loads and the modules it loads later, inside trunk's build.
//!
//! The app marks the functions whose code can wait (`src/main.rs`, with wasm_split_helpers);
//! cargo links the app's wasm with its relocations (`--emit-relocs`, `build.rs`), which the
//! split needs. trunk runs cargo, then wasm-bindgen, then wasm-opt, and knows nothing of
//! splitting, so `cargo xtask setup` puts a `wasm-bindgen` first on the tools' PATH that calls
//! `wasm-bindgen` here: it splits the linked wasm, hands the first module to the real
//! wasm-bindgen with trunk's arguments, and writes the later modules with their loader
//! (`__wasm_split.js`, which fetches each when the app first calls into it) to
//! `target/wasm-split/PROFILE/NAME-HASH/`, optimised as trunk optimises the first in release.
//! HASH is trunk's own name for the build (`folio-HASH.js`), so the folder's name changes with
//! its contents and every file in it may be cached for good. trunk's `post_build` hook
//! (`Trunk.toml`) then runs `place-later-modules`, which copies that folder into trunk's output
//! beside `NAME-HASH.js`; copying it in the hook, after every part of trunk's build, keeps it
//! out of the folders trunk's parallel parts read and write. A wasm linked without relocations,
//! or with no split points (the search engine), goes to wasm-bindgen as it is.

use std::{
    ffi::OsString,
    fs,
    hash::Hasher,
    path::{Path, PathBuf},
    process::Command,
};

use anyhow::{bail, Context, Result};

use crate::{cmd, minify_js, wasm_opt};

/// Where the later modules of each build wait for trunk's hook, by profile.
const LATER_MODULES: &str = "target/wasm-split";
/// The loader's file name in a build's folder (the bundler names it too: `names::SPLIT_LOADER`).
const LOADER: &str = "__wasm_split.js";
/// wasm-opt's arguments for the later modules: those index.html gives trunk for the first.
const OPTIMISE: [&str; 2] = ["-Os", "--converge"];

/// What trunk asks of wasm-bindgen.
#[derive(Debug, PartialEq, Eq)]
struct Request {
    out_dir: PathBuf,
    out_name: String,
    input: PathBuf,
}

impl Request {
    /// Reads `--out-dir=`, `--out-name=` and the input (the one argument that is not an option)
    /// from trunk's arguments; `None` for any other call, such as `--version`.
    fn read(args: &[String]) -> Option<Request> {
        let mut out_dir = None;
        let mut out_name = None;
        let mut inputs = Vec::new();
        for arg in args {
            if let Some(dir) = arg.strip_prefix("--out-dir=") {
                out_dir = Some(PathBuf::from(dir));
            } else if let Some(name) = arg.strip_prefix("--out-name=") {
                out_name = Some(name.to_owned());
            } else if !arg.starts_with('-') {
                inputs.push(PathBuf::from(arg));
            }
        }
        match inputs.as_slice() {
            [input] => Some(Request {
                out_dir: out_dir?,
                out_name: out_name?,
                input: input.clone(),
            }),
            _ => None,
        }
    }

    /// The profile folder cargo built the input in: `release`, or `debug` for the dev profile.
    fn profile(&self) -> String {
        self.input.parent().and_then(Path::file_name).map_or_else(
            || "debug".to_owned(),
            |name| name.to_string_lossy().into_owned(),
        )
    }
}

/// Runs wasm-bindgen for trunk, splitting the app first.
pub fn bindgen(root: &Path, args: &[String]) -> Result<()> {
    let real = real_wasm_bindgen(root)?;
    let Some(request) = Request::read(args) else {
        return run(Command::new(&real).args(args));
    };
    let wasm =
        fs::read(&request.input).with_context(|| format!("reading {}", request.input.display()))?;
    let build = format!("{}-{}", request.out_name, trunk_hash(&wasm));
    let work = root.join("target/wasm-split/work").join(&build);
    let release = request.profile() == "release";
    let split = split(&wasm, &work, &build)?;
    let Some(first) = split else {
        let _ = fs::remove_dir_all(&work);
        run(Command::new(&real).args(args))?;
        return minify_glue(root, &request, release);
    };
    // The first module keeps the exports the later ones link against.
    let mut bindgen_args: Vec<OsString> = args
        .iter()
        .filter(|arg| PathBuf::from(arg) != request.input)
        .map(OsString::from)
        .collect();
    bindgen_args.extend(["--keep-lld-exports".into(), "--no-demangle".into()]);
    bindgen_args.push(first.into());
    run(Command::new(&real).args(&bindgen_args))?;
    minify_glue(root, &request, release)?;
    if release {
        optimise_later_modules(root, &work, &build)?;
        minify_js::minify(root, &work.join("later").join(&build).join(LOADER))?;
    }
    publish_later_modules(root, &work, &request.profile(), &build)
}

/// Minifies the JS wasm-bindgen wrote for a release build (minify_js.rs); a dev build keeps it
/// as written, to be read.
fn minify_glue(root: &Path, request: &Request, release: bool) -> Result<()> {
    if !release {
        return Ok(());
    }
    minify_js::minify(
        root,
        &request.out_dir.join(format!("{}.js", request.out_name)),
    )
}

/// Splits `wasm` into `work`: the later modules and their loader, and the first module, whose
/// path it returns; `None` if the wasm has no split points.
fn split(wasm: &[u8], work: &Path, build: &str) -> Result<Option<PathBuf>> {
    let _ = fs::remove_dir_all(work);
    if !has_relocations(wasm) {
        return Ok(None);
    }
    let later = work.join("later");
    // The loader is written at `link_name` under `later`, and fetches the modules beside it.
    let folder = later.join(build);
    fs::create_dir_all(&folder).with_context(|| format!("creating {}", folder.display()))?;
    let first = work.join("first.wasm");
    // The paths the generated code uses to find each other: the app's JS (`NAME-HASH.js`, at
    // the site's root) imports the loader from the folder beside it, and the loader imports the
    // app's JS back from there.
    let link_name = format!("./{build}/{LOADER}");
    let main_module = format!("../{build}.js");
    let out = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(wasm);
        options.output_dir = &later;
        options.main_out_path = &first;
        options.link_name = &link_name;
        options.main_module = &main_module;
        options
    })
    .map_err(|error| anyhow::anyhow!("{error:#}"))
    .context("splitting the app's wasm at its split points (src/main.rs)")?;
    for module in files_with_extension(&later, "wasm")? {
        if let Some(name) = module.file_name() {
            fs::rename(&module, folder.join(name))
                .with_context(|| format!("moving {}", module.display()))?;
        }
    }
    Ok((!out.split_modules.is_empty()).then_some(first))
}

/// Whether cargo linked `wasm` with its relocations (`build.rs` asks it to for the app only).
fn has_relocations(wasm: &[u8]) -> bool {
    wasmparser::Parser::new(0).parse_all(wasm).any(|payload| {
        matches!(payload, Ok(wasmparser::Payload::CustomSection(section)) if section.name() == "linking")
    })
}

/// Runs wasm-opt on each later module, in place, through the cache of its results.
fn optimise_later_modules(root: &Path, work: &Path, build: &str) -> Result<()> {
    for module in files_with_extension(&work.join("later").join(build), "wasm")? {
        let optimised = module.with_extension("opt");
        let mut args: Vec<String> = vec![format!("--output={}", optimised.display())];
        args.extend(OPTIMISE.iter().map(|arg| (*arg).to_owned()));
        args.push(module.to_string_lossy().into_owned());
        wasm_opt::run(root, &args)?;
        fs::rename(&optimised, &module)
            .with_context(|| format!("replacing {}", module.display()))?;
    }
    Ok(())
}

/// Moves the later modules to where trunk's hook finds them, in one step (another build of the
/// same sources, for another public path, may be reading the folder), and drops what earlier
/// builds left there.
fn publish_later_modules(root: &Path, work: &Path, profile: &str, build: &str) -> Result<()> {
    let folder = root.join(LATER_MODULES).join(profile);
    fs::create_dir_all(&folder).with_context(|| format!("creating {}", folder.display()))?;
    let target = folder.join(build);
    if !target.is_dir() {
        fs::rename(work.join("later").join(build), &target)
            .with_context(|| format!("writing {}", target.display()))?;
    }
    let _ = fs::remove_dir_all(work);
    let name = build.rsplit_once('-').map_or(build, |(name, _)| name);
    for entry in fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))? {
        let path = entry?.path();
        let stale = path.file_name().is_some_and(|file| {
            let file = file.to_string_lossy();
            file != build
                && file
                    .rsplit_once('-')
                    .is_some_and(|(other, _)| other == name)
        });
        if stale {
            fs::remove_dir_all(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    Ok(())
}

/// trunk's `post_build` hook: copies the later modules of each app in trunk's output
/// (`TRUNK_STAGING_DIR`) into the folder beside its JS. An app whose wasm was split but whose
/// modules are missing is an error, not a site whose pages fail later.
pub fn place_later_modules(root: &Path) -> Result<()> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .context("TRUNK_STAGING_DIR is not set: trunk's post_build hook runs this")?;
    let profile = match std::env::var("TRUNK_PROFILE").as_deref() {
        Ok("release") => "release",
        _ => "debug",
    };
    let folder = root.join(LATER_MODULES).join(profile);
    for script in files_with_extension(&staging, "js")? {
        let Some(build) = script
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
        else {
            continue;
        };
        let source = folder.join(&build);
        let split = fs::read_to_string(&script)
            .with_context(|| format!("reading {}", script.display()))?
            .contains(&format!("./{build}/{LOADER}"));
        if !split {
            continue;
        }
        if !source.is_dir() {
            bail!(
                "{} loads modules from {}, which the build did not make: build again with `cargo xtask build`",
                script.display(),
                source.display()
            );
        }
        let target = staging.join(&build);
        fs::create_dir_all(&target).with_context(|| format!("creating {}", target.display()))?;
        for file in
            fs::read_dir(&source).with_context(|| format!("reading {}", source.display()))?
        {
            let file = file?.path();
            if let Some(name) = file.file_name() {
                fs::copy(&file, target.join(name))
                    .with_context(|| format!("copying {}", file.display()))?;
            }
        }
    }
    Ok(())
}

/// trunk's name for a build: the seahash of cargo's wasm, in hex (trunk 0.21's `hashed`).
fn trunk_hash(wasm: &[u8]) -> String {
    let mut hasher = seahash::SeaHasher::new();
    hasher.write(wasm);
    format!("{:x}", hasher.finish())
}

/// The real wasm-bindgen: the first on PATH that is not the one setup wrote.
fn real_wasm_bindgen(root: &Path) -> Result<PathBuf> {
    let own = fs::canonicalize(root.join(cmd::OWN_TOOLS)).ok();
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .chain(cmd::cargo_bin())
        .filter(|folder| fs::canonicalize(folder).ok() != own)
        .map(|folder| folder.join("wasm-bindgen"))
        .find(|path| path.is_file())
        .context("wasm-bindgen is not installed: run `cargo xtask setup`")
}

fn files_with_extension(folder: &Path, extension: &str) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(folder).with_context(|| format!("reading {}", folder.display()))? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|ext| ext == extension) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn run(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .with_context(|| format!("could not start {:?}", command.get_program()))?;
    if !status.success() {
        bail!("wasm-bindgen failed ({status})");
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
    fn reads_what_trunk_asks() {
        let request = Request::read(&strings(&[
            "--target=web",
            "--out-dir=/t/wasm-bindgen/release",
            "--out-name=folio",
            "/t/wasm32-unknown-unknown/release/folio.wasm",
            "--no-typescript",
        ]))
        .unwrap();
        assert_eq!(
            request,
            Request {
                out_dir: "/t/wasm-bindgen/release".into(),
                out_name: "folio".into(),
                input: "/t/wasm32-unknown-unknown/release/folio.wasm".into(),
            }
        );
        assert_eq!(request.profile(), "release");
    }

    #[test]
    fn other_calls_are_not_requests() {
        assert_eq!(Request::read(&strings(&["--version"])), None);
        assert_eq!(Request::read(&strings(&["--out-dir=x", "a.wasm"])), None);
    }
}

//! Installs what building, serving and testing need, each step idempotent: it says what it finds
//! and installs only what is missing.

use std::{fs, os::unix::fs::PermissionsExt, path::Path};

use anyhow::{bail, Context, Result};

use crate::cmd::{command, first_line, run};

/// The trunk release that builds with this machine's rustc (0.22 needs a newer one).
const TRUNK_VERSION: &str = "0.21.14";

/// The cargo-deny release `cargo xtask test` checks the dependency graph with (deny.toml): the
/// newest in December 2026, which needs rustc 1.88.
const CARGO_DENY_VERSION: &str = "0.20.2";

/// What the tools are for: serving needs fewer than testing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Serve,
    Test,
}

/// Installs everything `purpose` needs.
pub fn all(root: &Path, purpose: Purpose) -> Result<()> {
    wasm_target(root)?;
    trunk(root)?;
    wasm_bindgen(root)?;
    if purpose == Purpose::Test {
        cargo_deny(root)?;
        chromium(root)?;
        nginx(root)?;
    }
    npm_packages(root)?;
    cached_wasm_opt(root)?;
    splitting_wasm_bindgen(root)?;
    println!("setup: everything is in place");
    Ok(())
}

fn wasm_target(root: &Path) -> Result<()> {
    let installed = command(root, "rustup")
        .args(["target", "list", "--installed"])
        .output()
        .is_ok_and(|out| {
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .any(|l| l.trim() == "wasm32-unknown-unknown")
        });
    if installed {
        println!("setup: wasm32-unknown-unknown target: present");
        return Ok(());
    }
    println!("setup: installing the wasm32-unknown-unknown target");
    run(command(root, "rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn trunk(root: &Path) -> Result<()> {
    cargo_install(root, "trunk", TRUNK_VERSION, 6)
}

/// cargo-deny, for the licences, bans and sources of the dependency graph.
fn cargo_deny(root: &Path) -> Result<()> {
    cargo_install(root, "cargo-deny", CARGO_DENY_VERSION, 3)
}

/// `cargo install --locked` of `package` at `version` (which takes about `minutes`), unless its
/// program, of the same name, already says it is that version.
fn cargo_install(root: &Path, package: &str, version: &str, minutes: u32) -> Result<()> {
    let wanted = format!("{package} {version}");
    match first_line(root, package, &["--version"]) {
        Some(found) if found.trim() == wanted => {
            println!("setup: {wanted}: present");
            return Ok(());
        }
        Some(found) => {
            println!("setup: found {found}, installing {wanted} (about {minutes} minutes)")
        }
        None => println!("setup: installing {wanted} (about {minutes} minutes)"),
    }
    run(command(root, "cargo").args([
        "install",
        package,
        "--version",
        version,
        "--locked",
        "--force",
    ]))
}

/// The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
fn wasm_bindgen(root: &Path) -> Result<()> {
    let version = locked_version(root, "wasm-bindgen")?;
    let wanted = format!("wasm-bindgen {version}");
    match first_line(root, "wasm-bindgen", &["--version"]) {
        Some(found) if found.trim() == wanted => {
            println!("setup: {wanted} CLI: present");
            return Ok(());
        }
        Some(found) => {
            println!("setup: found {found}, installing the {wanted} CLI (about 3 minutes)")
        }
        None => println!("setup: installing the {wanted} CLI (about 3 minutes)"),
    }
    // Not --locked: its lockfile pins a webpki-roots release the registry here lacks.
    run(command(root, "cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &format!("={version}"),
        "--force",
    ]))
}

/// The version of `package` that Cargo.lock pins.
fn locked_version(root: &Path, package: &str) -> Result<String> {
    let path = root.join("Cargo.lock");
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let lock: toml::Table = text
        .parse()
        .with_context(|| format!("parsing {}", path.display()))?;
    let packages = lock
        .get("package")
        .and_then(|p| p.as_array())
        .into_iter()
        .flatten();
    packages
        .filter_map(|p| p.as_table())
        .find(|p| p.get("name").and_then(|n| n.as_str()) == Some(package))
        .and_then(|p| p.get("version")?.as_str().map(str::to_owned))
        .with_context(|| format!("{} does not list {package}", path.display()))
}

/// Debian's Chromium and ChromeDriver, for the browser tests.
fn chromium(root: &Path) -> Result<()> {
    let present = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        .iter()
        .all(|p| Path::new(p).exists());
    if present {
        println!("setup: chromium and chromedriver: present");
        return Ok(());
    }
    println!("setup: installing Debian's chromium and chromium-driver");
    apt_install(root, &["chromium", "chromium-driver"])
}

/// Debian's nginx and its brotli module: the end-to-end tests serve the build with the shipped
/// deploy/nginx.conf, as users deploy it.
fn nginx(root: &Path) -> Result<()> {
    let present = [
        "/usr/sbin/nginx",
        "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
    ]
    .iter()
    .all(|p| Path::new(p).exists());
    if present {
        println!("setup: nginx and its brotli module: present");
        return Ok(());
    }
    println!("setup: installing Debian's nginx and libnginx-mod-http-brotli-static");
    apt_install(root, &["nginx", "libnginx-mod-http-brotli-static"])
}

/// The npm packages of package-lock.json (wasm-opt from binaryen, esbuild, Playwright, Pagefind for
/// `bench search`), with `npm ci` whenever the lockfile is newer than the installed tree. npm
/// itself is looked for only then: starting it takes longer than a build of a small site.
fn npm_packages(root: &Path) -> Result<()> {
    let installed = root.join("node_modules/.package-lock.json");
    let lockfile = root.join("package-lock.json");
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    let fresh = matches!((modified(&installed), modified(&lockfile)), (Some(i), Some(l)) if i >= l)
        && root.join("node_modules/.bin/wasm-opt").exists()
        && root.join("node_modules/.bin/esbuild").exists();
    if fresh {
        println!("setup: npm packages (binaryen, esbuild, Playwright, Pagefind): present");
        return Ok(());
    }
    if first_line(root, "npm", &["--version"]).is_none() {
        println!("setup: installing Node.js and npm");
        apt_install(root, &["nodejs", "npm"])?;
    }
    println!("setup: installing npm packages from package-lock.json");
    // Browsers come from Debian, never from a download.
    run(command(root, "npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
}

/// A `wasm-opt` first on the tools' PATH that runs `cargo xtask wasm-opt`, so that trunk's
/// release builds reuse the optimised wasm when it has not changed (see wasm_opt.rs).
fn cached_wasm_opt(root: &Path) -> Result<()> {
    own_tool(
        root,
        "wasm-opt",
        "wasm-opt through Folio's cache of its results",
    )
}

/// A `wasm-bindgen` first on the tools' PATH that runs `cargo xtask wasm-bindgen`, which splits
/// the app's wasm into the module every page loads and those it loads later (wasm_split.rs).
fn splitting_wasm_bindgen(root: &Path) -> Result<()> {
    own_tool(
        root,
        "wasm-bindgen",
        "wasm-bindgen, splitting the app's wasm first",
    )
}

/// Writes `name` into the tools' folder, a script that runs `cargo xtask NAME`. It goes through
/// cargo rather than naming the xtask program, which `cargo test` may build anew.
fn own_tool(root: &Path, name: &str, what: &str) -> Result<()> {
    let manifest = root.join("Cargo.toml");
    let quoted = manifest.to_string_lossy().replace('\'', "'\\''");
    let script = format!(
        "#!/bin/sh\n# Written by `cargo xtask setup`: {what}.\nexec cargo run --quiet --manifest-path '{quoted}' --package xtask -- {name} \"$@\"\n"
    );
    let folder = root.join(crate::cmd::OWN_TOOLS);
    let path = folder.join(name);
    if fs::read_to_string(&path).is_ok_and(|found| found == script) {
        println!("setup: {what}: present");
        return Ok(());
    }
    fs::create_dir_all(&folder).with_context(|| format!("creating {}", folder.display()))?;
    fs::write(&path, script).with_context(|| format!("writing {}", path.display()))?;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755))
        .with_context(|| format!("making {} runnable", path.display()))?;
    println!("setup: {what} ({})", path.display());
    Ok(())
}

fn apt_install(root: &Path, packages: &[&str]) -> Result<()> {
    if first_line(root, "apt-get", &["--version"]).is_none() {
        bail!(
            "apt-get is missing: install {} with this system's package manager",
            packages.join(" ")
        );
    }
    let sudo = first_line(root, "id", &["-u"]).is_some_and(|uid| uid.trim() != "0");
    let apt = |args: &[&str]| {
        let mut cmd = if sudo {
            command(root, "sudo")
        } else {
            command(root, "apt-get")
        };
        if sudo {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    run(&mut apt(&["update"]))?;
    let mut install = apt(&["install", "-y"]);
    install.args(packages);
    run(&mut install)
}

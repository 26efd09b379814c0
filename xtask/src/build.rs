//! `cargo xtask build`: the deployable site in `dist/`, in two steps. trunk builds the app (the
//! page template, the wasm, the JS and the style sheet) into a folder of its own under
//! `target/app/`; then the bundler (`bundler.rs`) builds the site around it into `dist/`,
//! making and writing only what changed since the last build there. A failure in either step
//! leaves the previous `dist/` as it was. The site is built for the path of its base URL
//! (`site.toml`'s `base_url`, or `--base-url`): `https://example.org/blog/` gives a site that
//! works under `/blog/`.

use std::{
    fs,
    path::{Path, PathBuf},
};

use anyhow::{bail, Context, Result};

pub use folio_content::pages::url_path;

use crate::{bundler, cmd, inputs, setup, size};

/// What to build and where.
pub struct Options {
    /// The folder with site.toml and posts/.
    pub site: PathBuf,
    /// Where the finished site goes.
    pub dist: PathBuf,
    /// Where the site will be deployed, in place of `site.toml`'s `base_url`.
    pub base_url: Option<String>,
}

impl Options {
    /// Reads `[--site DIR] [--dist DIR] [--base-url URL]`; defaults are the workspace root,
    /// `dist/` in it and `site.toml`'s `base_url`.
    pub fn parse(root: &Path, args: &[String]) -> Result<Options> {
        let mut options = Options {
            site: root.to_path_buf(),
            dist: root.join("dist"),
            base_url: None,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = || {
                args.next()
                    .cloned()
                    .with_context(|| format!("{arg} needs a value"))
            };
            match arg.as_str() {
                "--site" => options.site = absolute(value()?.into())?,
                "--dist" => options.dist = absolute(value()?.into())?,
                "--base-url" => options.base_url = Some(value()?),
                other => bail!(
                    "unknown option {other:?} for build: use --site DIR, --dist DIR and --base-url URL"
                ),
            }
        }
        Ok(options)
    }
}

fn absolute(path: PathBuf) -> Result<PathBuf> {
    Ok(if path.is_absolute() {
        path
    } else {
        std::env::current_dir()?.join(path)
    })
}

/// Installs what is missing, builds the release site into `options.dist` and prints its size.
pub fn run(root: &Path, options: &Options) -> Result<()> {
    let bundler = bundler::build(root)?;
    let base_url = options
        .base_url
        .clone()
        .or_else(|| site_base_url(&options.site));
    let public_url = base_url.as_deref().map_or_else(|| "/".to_owned(), url_path);
    let app = app_dir(root, "release", &public_url);
    let kept = || {
        format!(
            "the build failed; {} was left as it was",
            options.dist.display()
        )
    };
    build_app(root, &app, &public_url, true).with_context(kept)?;
    let mut site = cmd::command(root, &bundler);
    site.arg("--site")
        .arg(&options.site)
        .arg("--app")
        .arg(&app)
        .arg("--out")
        .arg(&options.dist);
    if let Some(base_url) = &options.base_url {
        site.env("FOLIO_BASE_URL", base_url);
    }
    cmd::run(&mut site).with_context(kept)?;
    println!("build: the site is in {}", options.dist.display());
    size::report(&size::measure(&options.dist)?);
    Ok(())
}

/// Builds the app with trunk into `app` for `public_url` (`release`, or the dev profile), unless
/// it is there already, built from the same sources: a build of content alone runs no trunk and
/// no cargo for the app.
pub fn build_app(root: &Path, app: &Path, public_url: &str, release: bool) -> Result<()> {
    // One build of this app at a time (builds of several sites for one address run at once in
    // the tests): the others wait, then find it built.
    if let Some(folder) = app.parent() {
        fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
    }
    let lock_path = app.with_extension("lock");
    let lock = fs::File::create(&lock_path)
        .with_context(|| format!("creating {}", lock_path.display()))?;
    lock.lock()
        .with_context(|| format!("locking {}", lock_path.display()))?;
    let inputs = app_inputs(root, public_url, release)?;
    let stamp = app.with_extension("inputs");
    if inputs::unchanged(&stamp, &inputs) && app.join("index.html").is_file() {
        println!(
            "build: the app's sources have not changed since {} was built",
            app.display()
        );
        return Ok(());
    }
    // What trunk needs, looked for only when it runs: a build of content alone starts no
    // rustup, trunk or wasm-bindgen (0.15 s of each such build).
    setup::all(root, setup::Purpose::Serve)?;
    let mut trunk = cmd::command(root, "trunk");
    trunk.arg("build");
    if release {
        trunk.arg("--release");
    }
    trunk
        .args(["--offline", "--public-url", public_url, "--dist"])
        .arg(app);
    cmd::run(&mut trunk)?;
    fs::write(&stamp, inputs).with_context(|| format!("writing {}", stamp.display()))
}

/// The fingerprint of everything the app is built from: its sources and the content crate, the
/// style sheet, the page template and icon, the manifests, lockfile and trunk's settings, the
/// toolchain, RUSTFLAGS, the profile and the public path.
fn app_inputs(root: &Path, public_url: &str, release: bool) -> Result<String> {
    inputs::fingerprint(
        root,
        &["src", "crates/content", "style"],
        &[
            "index.html",
            "favicon.svg",
            "build.rs",
            "Cargo.toml",
            "Cargo.lock",
            "Trunk.toml",
            "rust-toolchain.toml",
        ],
        &[public_url, if release { "release" } else { "dev" }],
    )
}

/// Where trunk builds the app for `profile` and the site's public path: one folder each, so
/// that builds for other paths do not undo each other.
pub fn app_dir(root: &Path, profile: &str, public_url: &str) -> PathBuf {
    let path = public_url.trim_matches('/').replace('/', "+");
    let name = if path.is_empty() {
        "root".to_owned()
    } else {
        format!("at+{path}")
    };
    root.join("target/app").join(profile).join(name)
}

/// `base_url` from the site's `site.toml`, if the file says. The bundler checks the file and
/// reports what is wrong with it.
pub fn site_base_url(site: &Path) -> Option<String> {
    let text = fs::read_to_string(site.join("site.toml")).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    Some(table.get("base_url")?.as_str()?.to_owned())
}

/// Removes the folder `path` and all in it; a folder that is not there is fine.
pub fn remove_if_present(path: &Path) -> Result<()> {
    match fs::remove_dir_all(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(error).with_context(|| format!("removing {}", path.display()))
        }
        _ => Ok(()),
    }
}

//! `cargo xtask serve`: installs what is missing, then serves the site with live reload. trunk
//! builds the app once and then watches its sources (`src/`, `style/`, `index.html`, ...),
//! building it again after a change to them; the bundler's dev server (`folio-bundler --serve`)
//! watches the content and the app, builds the site again after each change, only what it
//! affects, and reloads the open pages. A change to the content never runs cargo or trunk.
//! Drafts are published here, marked as drafts, so authors can read them before they go out.

use std::path::Path;

use anyhow::{Context, Result};

use crate::{build, bundler, cmd, setup};

/// Where the dev server listens.
pub const ADDRESS: &str = "127.0.0.1:8080";

pub fn run(root: &Path) -> Result<()> {
    setup::all(root, setup::Purpose::Serve)?;
    let bundler = bundler::build(root)?;
    // Served under the path of site.toml's base_url, as it will be deployed.
    let public_url =
        build::site_base_url(root).map_or_else(|| "/".to_owned(), |url| build::url_path(&url));
    let app = build::app_dir(root, "dev", &public_url);
    build::build_app(root, &app, &public_url, false).context("the app does not build")?;
    let mut watching = cmd::command(root, "trunk")
        .args(["watch", "--offline", "--public-url", &public_url, "--dist"])
        .arg(&app)
        .spawn()
        .context("cannot start `trunk watch`")?;
    println!("serve: http://{ADDRESS}{public_url} (Ctrl-C stops)");
    let served = cmd::run(
        cmd::command(root, &bundler)
            .args(["--serve", ADDRESS, "--drafts", "--site"])
            .arg(root)
            .arg("--app")
            .arg(&app)
            .arg("--out")
            .arg(root.join("target/serve")),
    );
    let _ = watching.kill();
    let _ = watching.wait();
    served
}

//! `cargo xtask serve`: installs what is missing, then serves the site with live reload. trunk
//! watches the sources named in Trunk.toml; a change to a post, a style or site.toml rebuilds.
//! Drafts are published here, marked as drafts, so authors can read them before they go out.

use std::path::Path;

use anyhow::Result;

use crate::{build, cmd, setup};

pub fn run(root: &Path) -> Result<()> {
    setup::all(root, setup::Purpose::Serve)?;
    // Served under the path of site.toml's base_url, as it will be deployed.
    let public_url =
        build::site_base_url(root).map_or_else(|| "/".to_owned(), |url| build::url_path(&url));
    println!("serve: http://127.0.0.1:8080{public_url} (Ctrl-C stops)");
    cmd::run(
        cmd::command(root, "trunk")
            // A folder of its own: dist/ keeps the last release build, the one to deploy.
            .args(["serve", "--offline", "--public-url", &public_url, "--dist"])
            .arg(root.join("target/serve"))
            .env("FOLIO_SITE_DIR", root)
            .env("FOLIO_DRAFTS", "1"),
    )
}

//! `cargo xtask serve`: installs what is missing, then serves the site with live reload. trunk
//! watches the sources named in Trunk.toml; a change to a post, a style or site.toml rebuilds.
//! Drafts are published here, marked as drafts, so authors can read them before they go out.

use std::path::Path;

use anyhow::Result;

use crate::{cmd, setup};

pub fn run(root: &Path) -> Result<()> {
    setup::all(root, setup::Purpose::Serve)?;
    println!("serve: http://127.0.0.1:8080 (Ctrl-C stops)");
    cmd::run(
        cmd::command(root, "trunk")
            // A folder of its own: dist/ keeps the last release build, the one to deploy.
            .args(["serve", "--offline", "--dist"])
            .arg(root.join("target/serve"))
            .env("FOLIO_SITE_DIR", root)
            .env("FOLIO_DRAFTS", "1"),
    )
}

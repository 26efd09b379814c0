//! Reading offline: the service worker (`sw.js`, from `service_worker.js` with this build's
//! values), the web app manifest that makes the site installable, with icons drawn from the
//! app's SVG favicon, and the head tags that name them. Folio's loader registers the worker
//! once the app has started (`loader.js`). `site.toml`'s `offline = false` leaves all of it out.

use folio_content::{paths, Site, FORMAT_VERSION};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::{markdown::images::hex, outputs::cards::draw_icon};

/// The worker's file, at the site's root so that its scope is the whole site.
pub const WORKER: &str = "sw.js";
/// The manifest's file.
pub const MANIFEST: &str = "manifest.webmanifest";
/// The icons' sizes: what browsers ask of an installable app.
const ICON_SIZES: [u32; 2] = [192, 512];

const WORKER_SOURCE: &str = include_str!("service_worker.js");

/// The files of reading offline, by path from the site's root.
pub struct OfflineFiles {
    pub files: Vec<(String, Vec<u8>)>,
    /// What goes in every page's head: the manifest, with the worker's address for the loader,
    /// and the browser's colour for the app's window.
    pub head: String,
}

/// The worker, the manifest and its icons for `site` under `base_path`, keeping `app_files`
/// (the app's files, from the site's root, named by their hash) but the search engine, which
/// loads only when a reader searches, and renewing the home page with its data, the manifest
/// and the icons. `favicon` is the app's SVG favicon (its
/// name and text), drawn as the icons; an icon that cannot be drawn is an error.
pub fn offline_files(
    site: &Site,
    base_path: &str,
    app_files: &[&str],
    favicon: Option<(&str, &[u8])>,
) -> Result<OfflineFiles, String> {
    let mut files = Vec::new();
    let mut icons = Vec::new();
    if let Some((favicon, svg)) = favicon {
        icons.push(json!({ "src": favicon, "sizes": "any", "type": "image/svg+xml" }));
        for size in ICON_SIZES {
            let name = format!("icon-{size}.png");
            icons.push(
                json!({ "src": name, "sizes": format!("{size}x{size}"), "type": "image/png" }),
            );
            files.push((name, draw_icon(svg, size)?));
        }
    }
    // The app's files are named by their content's hash: the same name is the same file.
    let mut keep: Vec<&str> = app_files
        .iter()
        .copied()
        .filter(|file| !file.starts_with("search_engine"))
        .collect();
    keep.sort_unstable();
    // What changes under its name: the icons, the manifest, the home page and its data.
    let mut fresh: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    fresh.extend([
        "./".to_owned(),
        paths::SITE.to_owned(),
        paths::index_page(1),
        MANIFEST.to_owned(),
    ]);
    let keep_json = serde_json::to_string(&keep).unwrap_or_default();
    let fresh_json = serde_json::to_string(&fresh).unwrap_or_default();
    let mut build = Sha256::new();
    build.update(WORKER_SOURCE.as_bytes());
    build.update(keep_json.as_bytes());
    build.update(fresh_json.as_bytes());
    let build = hex(&build.finalize()[..8]);
    let worker = WORKER_SOURCE
        .replacen("'__FOLIO_BUILD__'", &format!("'{build}'"), 1)
        .replacen("'__FOLIO_FORMAT__'", &format!("'{FORMAT_VERSION}'"), 1)
        .replacen("__FOLIO_KEEP__", &keep_json, 1)
        .replacen("__FOLIO_FRESH__", &fresh_json, 1);
    files.push((WORKER.to_owned(), worker.into_bytes()));
    let manifest = json!({
        "name": site.title,
        "short_name": site.title,
        "description": site.description,
        "lang": site.language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#fdfdfc",
        "theme_color": "#0b57a4",
        "icons": icons,
    });
    files.push((MANIFEST.to_owned(), manifest.to_string().into_bytes()));
    let head = format!(
        "<link rel=\"manifest\" href=\"{base_path}{MANIFEST}\" data-worker=\"{base_path}{WORKER}\" /><meta name=\"theme-color\" content=\"#0b57a4\" />"
    );
    Ok(OfflineFiles { files, head })
}

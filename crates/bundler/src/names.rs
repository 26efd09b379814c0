//! The fixed names of files that more than one stage of the build needs.

/// The site's settings, at the top of the site folder.
pub const SITE_FILE: &str = "site.toml";
/// The host file of headers (Netlify, Cloudflare Pages).
pub const HEADERS_FILE: &str = "_headers";
/// The host file of redirects (Netlify, Cloudflare Pages).
pub const REDIRECTS_FILE: &str = "_redirects";
/// The same redirects as entries of nginx's `map $uri $folio_redirect` (deploy/nginx.conf
/// includes the file).
pub const NGINX_REDIRECTS_FILE: &str = "_redirects.map";

/// The files of Folio's own whose names carry their content's hash, with a year's
/// `Cache-Control`, as entries of nginx's `map $uri $folio_cache_control` (deploy/nginx.conf
/// includes the file): exactly those `_headers` lists, never an author's file.
pub const NGINX_CACHE_FILE: &str = "_immutable.map";
/// The folder of the link preview cards (`outputs::cards`), named by their hash.
pub const CARDS_DIR: &str = "data/cards";
/// The loader of the app's later modules, in the folder beside its JS that holds them (as
/// `cargo xtask wasm-bindgen` names it, after wasm_split_cli_support).
pub const SPLIT_LOADER: &str = "__wasm_split.js";

/// The host files an author may write in `static/` too: their rules go ahead of Folio's in
/// the one file the build writes.
pub const MERGED_HOST_FILES: [&str; 2] = [HEADERS_FILE, REDIRECTS_FILE];

/// The files a host reads and never serves, which need no compressed copies.
pub const HOST_FILES: [&str; 4] = [
    HEADERS_FILE,
    REDIRECTS_FILE,
    NGINX_REDIRECTS_FILE,
    NGINX_CACHE_FILE,
];

/// The feed addresses other engines use (Hugo's `index.xml`, Zola's `atom.xml`, WordPress's
/// `feed/`), which `_redirects` sends to Folio's feed: no alias may take one.
pub const OLD_FEED_ADDRESSES: [&str; 6] =
    ["atom.xml", "rss.xml", "index.xml", "feed", "feed/", "rss"];

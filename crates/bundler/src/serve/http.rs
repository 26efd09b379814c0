//! The dev server's HTTP side, on this machine only: the output folder's files under the site's
//! base path as a static host serves them (a folder's `index.html`, `404.html` for what is not
//! there), nothing cached; and, under `_folio/`, the reload script and the stream of build
//! outcomes (`live.rs`), each request on a thread of its own.

use std::{
    fs,
    io::{self, Write},
    path::{Component, Path, PathBuf},
    sync::{Arc, RwLock},
    thread,
};

use tiny_http::{Header, Request, Response, Server};

use crate::serve::live::Live;

/// The reload script every served page loads.
pub const SCRIPT: &str = "_folio/live.js";
const EVENTS: &str = "_folio/events";
const SCRIPT_SOURCE: &str = include_str!("live.js");

/// What the server serves.
pub struct Served {
    pub out_dir: PathBuf,
    /// The site's base path (`/` or `/blog/`), from the latest good build.
    pub base_path: RwLock<String>,
    pub live: Live,
    /// Held for writing while a build runs, which writes changed files over the old ones, and
    /// for reading while a file is read: a request made during a build waits for it, and gets
    /// what it made, never half a file.
    pub files: RwLock<()>,
}

/// Listens on `address` and answers each request on a thread of its own until the program
/// ends: a response the browser stops reading (a page it left mid-download) holds only its own
/// thread. With four threads for all, the browser's cancelled downloads of the app now and then
/// held every one, and pages waited for ever.
pub fn start(address: &str, served: Arc<Served>) -> io::Result<()> {
    let server = Server::http(address).map_err(io::Error::other)?;
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let served = Arc::clone(&served);
            thread::spawn(move || answer(request, &served));
        }
    });
    Ok(())
}

fn answer(request: Request, served: &Arc<Served>) {
    let base = served
        .base_path
        .read()
        .map(|base| base.clone())
        .unwrap_or_else(|_| "/".to_owned());
    let url = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_owned();
    let Some(inside) = url.strip_prefix(&base) else {
        let _ = request.respond(redirect(&base));
        return;
    };
    if inside == EVENTS {
        stream(request, &served.live);
        return;
    }
    let files = served.files.read();
    // The number of the build on disk: no build runs while the file is read.
    let build = served.live.last_built();
    let mut response = if inside == SCRIPT {
        body(
            SCRIPT_SOURCE.as_bytes().to_vec(),
            200,
            "text/javascript; charset=utf-8",
        )
    } else {
        file(&served.out_dir, inside, &url)
    };
    drop(files);
    if let Ok(header) = Header::from_bytes("Server-Timing", build_timing(build)) {
        response.add_header(header);
    }
    let _ = request.respond(response);
}

/// The `Server-Timing` entry that tells a page which build it was served from; the reload
/// script reads it (`PerformanceNavigationTiming.serverTiming`).
fn build_timing(build: u64) -> String {
    format!("folio-build;desc=\"{build}\"")
}

/// The events of `live` on the request's connection, written as they come.
fn stream(request: Request, live: &Live) {
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_ok()
    {
        let _ = live.stream(&mut out);
    }
}

/// The file at `inside` (the address under the base path, `url` whole) in `out_dir`.
fn file(out_dir: &Path, inside: &str, url: &str) -> Response<io::Cursor<Vec<u8>>> {
    let Some(relative) = safe_path(inside) else {
        return body(b"Bad address".to_vec(), 400, "text/plain; charset=utf-8");
    };
    let mut path = out_dir.join(relative);
    if path.is_dir() {
        if !url.ends_with('/') {
            return redirect(&format!("{url}/"));
        }
        path.push("index.html");
    }
    match fs::read(&path) {
        Ok(bytes) => body(bytes, 200, content_type(&path)),
        Err(_) => {
            let page = fs::read(out_dir.join("404.html")).unwrap_or_else(|_| not_built(url));
            body(page, 404, "text/html; charset=utf-8")
        }
    }
}

/// The path under the output folder that `inside` names, percent-decoded; `None` if it would
/// leave the folder.
fn safe_path(inside: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(inside)
        .decode_utf8()
        .ok()?;
    let path = PathBuf::from(decoded.as_ref());
    path.components()
        .all(|part| matches!(part, Component::Normal(_)))
        .then_some(path)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|extension| extension.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("wasm") => "application/wasm",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("webmanifest") => "application/manifest+json",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The page for any address before the first good build: the reload script shows the problems
/// that stop it, and reloads the page once it succeeds.
fn not_built(url: &str) -> Vec<u8> {
    let depth = url.matches('/').count().saturating_sub(1);
    let script = format!("{}{SCRIPT}", "../".repeat(depth));
    format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not built yet</title>\
         <p>The site has not been built yet.</p><script type=\"module\" src=\"{script}\"></script></html>"
    )
    .into_bytes()
}

fn body(bytes: Vec<u8>, status: u16, content_type: &str) -> Response<io::Cursor<Vec<u8>>> {
    let mut response = Response::from_data(bytes).with_status_code(status);
    for (name, value) in [
        ("Content-Type", content_type),
        ("Cache-Control", "no-store"),
    ] {
        if let Ok(header) = Header::from_bytes(name, value) {
            response.add_header(header);
        }
    }
    response
}

fn redirect(to: &str) -> Response<io::Cursor<Vec<u8>>> {
    let mut response = body(Vec::new(), 302, "text/plain; charset=utf-8");
    if let Ok(header) = Header::from_bytes("Location", to) {
        response.add_header(header);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_stay_inside_the_output_folder() {
        assert_eq!(safe_path("posts/a/"), Some(PathBuf::from("posts/a")));
        assert_eq!(
            safe_path("posts/caf%C3%A9/"),
            Some(PathBuf::from("posts/café"))
        );
        assert_eq!(safe_path(""), Some(PathBuf::new()));
        assert_eq!(safe_path("../secret"), None);
        assert_eq!(safe_path("posts/%2e%2e/%2e%2e/x"), None);
        assert_eq!(safe_path("/etc/passwd"), None);
    }

    #[test]
    fn files_get_their_type() {
        assert_eq!(
            content_type(Path::new("a/index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("x_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("README")),
            "application/octet-stream"
        );
    }
}

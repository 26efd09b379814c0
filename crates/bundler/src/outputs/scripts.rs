//! The scripts of the page template trunk writes. Its loader (an inline module script naming the
//! hashed wasm and JS) changes with every build, so it moves into a file of its own named after
//! its content hash, `start-<hash>.js`. The pages do not run it at once: they load Folio's own
//! loader (`loader.js`, written as `loader-<hash>.js`), which starts trunk's loader after the
//! page's first contentful paint, and trunk's preloads of the app's JS and wasm wait with it in
//! `<template id="folio-app">`, so that nothing of the app competes with the page's first paint.
//! The page's controls script (index.html: the theme, the copy buttons, `/`) must work from the
//! first paint, so it stays inline, without its comments and indents, and the policy allows it
//! by its hash. No page then needs `'unsafe-inline'`.

use std::fmt::Write as _;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::markdown::images::hex;

/// Folio's loader: waits for the page's first paint, then starts trunk's loader.
const LOADER_SOURCE: &str = include_str!("loader.js");
/// The id of the template that holds what starts the app (the loader looks it up).
const APP_TEMPLATE_ID: &str = "folio-app";

/// A template with its module scripts moved out.
#[derive(Debug, PartialEq, Eq)]
pub struct Scripts {
    /// The template: each inline module script replaced by the app's template and Folio's
    /// loader, trunk's preloads of the app moved into that template.
    pub html: String,
    /// The files to write: name (relative to the site's root) and content.
    pub files: Vec<(String, String)>,
    /// `'sha256-…'` of each inline script that stays, for the policy's `script-src`.
    pub hashes: Vec<String>,
}

/// Moves the inline module scripts of `html` into files under `base_path` (the site's public
/// path, ending in `/`), holds trunk's preloads of the app's JS and wasm back until the loader
/// wants them, with one of each of `modules` (the app's other scripts that its JS imports at
/// once, relative to the root: the loader of its later modules), and hashes the other inline
/// scripts. A script with a `src`, or a data block (`type="application/ld+json"`), is left as
/// it is.
pub fn separate(html: &str, base_path: &str, modules: &[&str]) -> Scripts {
    let (html, mut preloads) = match html.contains("<script type=\"module\">") {
        true => take_app_preloads(html),
        false => (html.to_owned(), String::new()),
    };
    if !preloads.is_empty() {
        for module in modules {
            let _ = write!(
                preloads,
                "<link rel=\"modulepreload\" href=\"{base_path}{module}\" crossorigin=\"anonymous\">"
            );
        }
    }
    let loader_text = loader_script();
    let loader = format!("loader-{}.js", content_hash(&loader_text));
    let mut out = String::with_capacity(html.len());
    let mut files = Vec::new();
    let mut hashes = Vec::new();
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<script") {
        let Some(open_end) = rest[start..].find('>').map(|end| start + end + 1) else {
            break;
        };
        let Some(close) = rest[open_end..].find("</script>").map(|end| open_end + end) else {
            break;
        };
        let open = &rest[start..open_end];
        let body = &rest[open_end..close];
        out.push_str(&rest[..start]);
        let after = close + "</script>".len();
        let executable = !open.contains(" src=") && !open.contains("application/ld+json");
        if executable && open.contains("type=\"module\"") {
            let name = format!("start-{}.js", content_hash(body));
            if files.is_empty() {
                let _ = write!(
                    out,
                    "<template id=\"{APP_TEMPLATE_ID}\" data-start=\"{base_path}{name}\">{preloads}</template>\
                     <script type=\"module\" src=\"{base_path}{loader}\"></script>"
                );
                files.push((loader.clone(), loader_text.clone()));
            } else {
                // trunk writes one loader; any other module script runs as it would have.
                let _ = write!(
                    out,
                    "<script type=\"module\" src=\"{base_path}{name}\"></script>"
                );
            }
            files.push((name, body.to_owned()));
        } else if executable {
            let body = compact(body);
            hashes.push(policy_hash(&body));
            let _ = write!(out, "{open}{body}</script>");
        } else {
            out.push_str(&rest[start..after]);
        }
        rest = &rest[after..];
    }
    out.push_str(rest);
    Scripts {
        html: out,
        files,
        hashes,
    }
}

/// The loader as the pages get it.
fn loader_script() -> String {
    compact(LOADER_SOURCE)
}

/// A script as the pages get it: its lines without their indent and without the comments,
/// which every visit would download (Folio's scripts have no comment after code on a line, and
/// no string or template that runs over lines).
fn compact(source: &str) -> String {
    source
        .lines()
        .map(str::trim_start)
        .filter(|line| !(line.is_empty() || line.starts_with("//") || line.starts_with("/**")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Takes trunk's preloads of the app out of `html`: each `<link rel="modulepreload">`, and the
/// `<link rel="preload">` of the wasm. Returns the rest and the tags taken, one after another.
fn take_app_preloads(html: &str) -> (String, String) {
    let mut out = String::with_capacity(html.len());
    let mut taken = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<link ") {
        let Some(end) = rest[start..].find('>').map(|end| start + end + 1) else {
            break;
        };
        let tag = &rest[start..end];
        let app = tag.contains("rel=\"modulepreload\"")
            || (tag.contains("rel=\"preload\"") && tag.contains("type=\"application/wasm\""));
        out.push_str(&rest[..start]);
        if app {
            taken.push_str(tag);
            rest = rest[end..].strip_prefix('\n').unwrap_or(&rest[end..]);
        } else {
            out.push_str(tag);
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    (out, taken)
}

/// The first 16 hex digits of the SHA-256 of `text`: the same length as trunk's hashes.
fn content_hash(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes())[..8])
}

/// `'sha256-…'`: how a Content-Security-Policy names an inline script.
fn policy_hash(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_waits_in_a_template_and_classic_scripts_are_hashed() {
        let html = "<head><script>theme()</script>\n\
                    <script type=\"application/ld+json\">{}</script>\n\
                    <link rel=\"stylesheet\" href=\"/blog/main.css\">\n\
                    <link rel=\"modulepreload\" href=\"/blog/app.js\" integrity=\"sha384-a\">\n\
                    <link rel=\"preload\" href=\"/blog/app_bg.wasm\" as=\"fetch\" type=\"application/wasm\">\n\
                    <link rel=\"preload\" href=\"/blog/data/site.json\" as=\"fetch\">\n\
                    </head><body><script type=\"module\">import init from '/blog/app.js';</script>\
                    <script src=\"/blog/x.js\"></script></body>";
        let scripts = separate(html, "/blog/", &["app-0123/__wasm_split.js"]);
        let [(loader, loader_text), (start, start_text)] = &scripts.files[..] else {
            panic!("{:?}", scripts.files);
        };
        assert_eq!(loader_text, &loader_script());
        assert!(!loader_text.contains("//") && loader_text.contains("first-contentful-paint"));
        assert_eq!(start_text, "import init from '/blog/app.js';");
        for (name, prefix) in [(loader, "loader-"), (start, "start-")] {
            assert!(
                name.starts_with(prefix) && name.len() == prefix.len() + 16 + ".js".len(),
                "{name}"
            );
        }
        assert_eq!(
            scripts.html,
            format!(
                "<head><script>theme()</script>\n<script type=\"application/ld+json\">{{}}</script>\n\
                 <link rel=\"stylesheet\" href=\"/blog/main.css\">\n\
                 <link rel=\"preload\" href=\"/blog/data/site.json\" as=\"fetch\">\n\
                 </head><body><template id=\"folio-app\" data-start=\"/blog/{start}\">\
                 <link rel=\"modulepreload\" href=\"/blog/app.js\" integrity=\"sha384-a\">\
                 <link rel=\"preload\" href=\"/blog/app_bg.wasm\" as=\"fetch\" type=\"application/wasm\">\
                 <link rel=\"modulepreload\" href=\"/blog/app-0123/__wasm_split.js\" crossorigin=\"anonymous\">\
                 </template><script type=\"module\" src=\"/blog/{loader}\"></script>\
                 <script src=\"/blog/x.js\"></script></body>"
            )
        );
        // As a browser computes it: sha256 of the script's text, in base64.
        assert_eq!(
            scripts.hashes,
            ["'sha256-Rfr3GgHZFiXm+TmNr+li+0sZ4J9FGllo8jsXcJF5XZ8='"]
        );
    }

    #[test]
    fn inline_scripts_lose_their_comments_and_indents_and_are_hashed_as_sent() {
        let html = "<head><script>\n  // Why.\n  a();\n\n    b();\n</script></head>";
        let scripts = separate(html, "/", &[]);
        assert_eq!(scripts.html, "<head><script>a();\nb();</script></head>");
        assert_eq!(scripts.hashes, [policy_hash("a();\nb();")]);
    }

    #[test]
    fn without_a_module_script_the_preloads_stay() {
        let html = "<head><link rel=\"modulepreload\" href=\"/a.js\"></head>";
        let scripts = separate(html, "/", &["app-0123/__wasm_split.js"]);
        assert_eq!(scripts.html, html);
        assert!(scripts.files.is_empty());
    }
}

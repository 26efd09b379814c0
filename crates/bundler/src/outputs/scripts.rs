//! The inline scripts of the page template trunk writes. Its loader (a module script naming the
//! hashed wasm and JS) changes with every build, so it moves into a file of its own named after
//! its content hash; the theme script must run before the first paint, so it stays inline and
//! the policy allows it by its hash. No page then needs `'unsafe-inline'`.

use std::fmt::Write as _;

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// A template with its module scripts moved out.
#[derive(Debug, PartialEq, Eq)]
pub struct Scripts {
    /// The template, each inline module script replaced by a `<script type="module" src>`.
    pub html: String,
    /// The files to write: name (relative to the site's root) and content.
    pub files: Vec<(String, String)>,
    /// `'sha256-…'` of each inline script that stays, for the policy's `script-src`.
    pub hashes: Vec<String>,
}

/// Moves the inline module scripts of `html` into files under `base_path` (the site's public
/// path, ending in `/`) and hashes the other inline scripts. A script with a `src`, or a data
/// block (`type="application/ld+json"`), is left as it is.
pub fn separate(html: &str, base_path: &str) -> Scripts {
    let mut out = String::with_capacity(html.len());
    let mut files = Vec::new();
    let mut hashes = Vec::new();
    let mut rest = html;
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
            let name = format!("loader-{}.js", content_hash(body));
            let _ = write!(
                out,
                "<script type=\"module\" src=\"{base_path}{name}\"></script>"
            );
            files.push((name, body.to_owned()));
        } else {
            if executable {
                hashes.push(policy_hash(body));
            }
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

/// The first 16 hex digits of the SHA-256 of `text`: the same length as trunk's hashes.
fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())[..8]
        .iter()
        .fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
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
    fn module_scripts_move_out_and_classic_ones_are_hashed() {
        let html = "<head><script>theme()</script>\n\
                    <script type=\"application/ld+json\">{}</script></head>\
                    <body><script type=\"module\">import init from '/app.js';</script>\
                    <script src=\"/x.js\"></script></body>";
        let scripts = separate(html, "/blog/");
        assert_eq!(scripts.files.len(), 1);
        let (name, body) = &scripts.files[0];
        assert_eq!(body, "import init from '/app.js';");
        assert!(
            name.starts_with("loader-") && name.len() == "loader-.js".len() + 16,
            "{name}"
        );
        assert_eq!(
            scripts.html,
            format!(
                "<head><script>theme()</script>\n<script type=\"application/ld+json\">{{}}</script></head>\
                 <body><script type=\"module\" src=\"/blog/{name}\"></script><script src=\"/x.js\"></script></body>"
            )
        );
        // As a browser computes it: sha256 of the script's text, in base64.
        assert_eq!(
            scripts.hashes,
            ["'sha256-Rfr3GgHZFiXm+TmNr+li+0sZ4J9FGllo8jsXcJF5XZ8='"]
        );
    }
}

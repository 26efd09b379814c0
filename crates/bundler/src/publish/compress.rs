//! Precompressed copies: `name.br` and `name.gz` beside every text file of the built site, for
//! hosts that serve them as they are (nginx's `brotli_static` and `gzip_static`), so no server
//! compresses on each request and every reader gets the smallest copy at once. The levels are
//! chosen from measurements of bytes against time (BENCHMARKS.md, "Whole builds").

use std::io::{self, Write as _};

/// The kinds of file that compress well.
const TEXT: [&str; 11] = [
    "html",
    "css",
    "js",
    "mjs",
    "json",
    "xml",
    "txt",
    "svg",
    "wasm",
    "map",
    "webmanifest",
];

/// The app's files: few, large, kept by browsers for a year, and fetched by every reader.
const ASSETS: [&str; 3] = ["wasm", "js", "css"];

/// Brotli's best, for the app's files.
const BROTLI_ASSETS: i32 = 11;
/// For the pages and the data of a site, which are many and change with every post.
pub const BROTLI_PAGES: i32 = 5;
/// gzip's level for every file: the copy for the few clients without brotli.
pub const GZIP: u32 = 6;

/// Whether the file at `path` gets compressed copies.
pub fn is_text(path: &str) -> bool {
    extension(path).is_some_and(|extension| TEXT.contains(&extension))
}

/// A file's brotli and gzip copies.
pub type Copies = (Vec<u8>, Vec<u8>);

/// The brotli and the gzip copy of `bytes`, the file at `path`.
pub fn compress(path: &str, bytes: &[u8]) -> io::Result<Copies> {
    let asset = extension(path).is_some_and(|extension| ASSETS.contains(&extension));
    let quality = if asset { BROTLI_ASSETS } else { BROTLI_PAGES };
    Ok((brotli(bytes, quality)?, gzip(bytes, GZIP)?))
}

/// `bytes` compressed with brotli at `quality` (0 to 11).
pub fn brotli(bytes: &[u8], quality: i32) -> io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

/// `bytes` compressed with gzip at `level` (0 to 9).
pub fn gzip(bytes: &[u8], level: u32) -> io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::new(level),
    );
    encoder.write_all(bytes)?;
    encoder.finish()
}

fn extension(path: &str) -> Option<&str> {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map(|(_, extension)| extension)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[test]
    fn copies_decompress_to_the_original() {
        let html = "<p>hello</p>".repeat(200);
        let (br, gz) = compress("posts/a/index.html", html.as_bytes()).unwrap();
        assert!(br.len() < html.len() / 10, "{}", br.len());
        let mut unbrotli = String::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_string(&mut unbrotli)
            .unwrap();
        assert_eq!(unbrotli, html);
        let mut ungzip = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut ungzip)
            .unwrap();
        assert_eq!(ungzip, html);
    }

    #[test]
    fn only_text_is_compressed() {
        assert!(is_text("posts/a/index.html"));
        assert!(is_text("folio-0123_bg.wasm"));
        assert!(!is_text("posts/a/photo.png"));
        assert!(!is_text("html"));
        assert!(!is_text("posts/a.b/README"));
    }
}

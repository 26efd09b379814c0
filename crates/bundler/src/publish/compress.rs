//! Precompressed copies: `name.br` and `name.gz` beside every text file of the built site, for
//! hosts that serve them as they are (nginx's `brotli_static` and `gzip_static`), so no server
//! compresses on each request and every reader gets the smallest copy at once. The levels are
//! chosen from measurements of bytes against time (BENCHMARKS.md, "Whole builds").

use std::io::{self, Write as _};

use crate::names::HOST_FILES;

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

/// Whether the file at `path` gets compressed copies: text that a host serves.
pub fn is_text(path: &str) -> bool {
    extension(path).is_some_and(|extension| TEXT.contains(&extension))
        && !HOST_FILES.contains(&path)
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
        lgwin: window_bits(bytes.len()),
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

/// The smallest brotli window (as a power of two) that holds `len` bytes, from 2^18 up to
/// brotli's largest, 2^24. A file inside its window compresses to the same size whatever the
/// window; a smaller one saves setting up the encoder's tables, which for the typical page of
/// a few kilobytes is most of the work: at the default window (2^22) quality 5 took 1.6 times
/// as long over 3,000 pages of a generated site, for the same number of bytes. (At 2^16 the
/// encoder turned pathologically slow.)
fn window_bits(len: usize) -> i32 {
    let bits = usize::BITS - len.saturating_sub(1).leading_zeros();
    bits.clamp(18, 24) as i32
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
    fn the_window_holds_the_file() {
        assert_eq!(window_bits(0), 18);
        assert_eq!(window_bits(1 << 18), 18);
        assert_eq!(window_bits((1 << 18) + 1), 19);
        assert_eq!(window_bits(3 << 20), 22);
        assert_eq!(window_bits(1 << 30), 24);
        let big = (0..400_000u32)
            .map(|n| (n % 251) as u8)
            .collect::<Vec<u8>>();
        let mut back = Vec::new();
        brotli::Decompressor::new(&brotli(&big, 5).unwrap()[..], 4096)
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, big);
    }

    #[test]
    fn only_text_is_compressed() {
        assert!(is_text("posts/a/index.html"));
        assert!(is_text("folio-0123_bg.wasm"));
        assert!(!is_text("posts/a/photo.png"));
        assert!(!is_text("html"));
        assert!(!is_text("posts/a.b/README"));
        assert!(!is_text("_redirects.map"), "read by nginx, never served");
        assert!(is_text("posts/a/app.js.map"));
    }
}

//! Precompressed copies beside the text files of the built site, for hosts that serve them as
//! they are (nginx's `brotli_static` and `gzip_static`), so no server compresses on each
//! request. The app's files, few, large and fetched by every reader, get a brotli and a gzip
//! copy, each at its best; the pages and the data, many and changing with every post, get a
//! gzip copy only. The choice and the levels come from measurements of bytes against time
//! (BENCHMARKS.md, "Precompression"): for pages and data, brotli's copy would be 6% smaller
//! than gzip's, at 3.2 times the time and with twice the files a build writes.

use std::{cell::RefCell, io};

use libdeflater::{CompressionLvl, Compressor};

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
/// libdeflate's gzip level for pages and data: where it stops gaining for its time.
pub const GZIP_PAGES: i32 = 5;
/// Its best, for the app's files.
const GZIP_ASSETS: i32 = 12;

/// The copies of an app's file, by the extension each adds to its name, best first.
const ASSET_COPIES: [&str; 2] = ["br", "gz"];
/// The copies of a page or a data file.
const PAGE_COPIES: [&str; 1] = ["gz"];

/// Whether the file at `path` gets compressed copies: text that a host serves.
pub fn is_text(path: &str) -> bool {
    extension(path).is_some_and(|extension| TEXT.contains(&extension))
        && !HOST_FILES.contains(&path)
}

/// The copies the file at `path` gets, by the extension each adds to its name (`br`, `gz`):
/// none if it is not text.
pub fn extensions(path: &str) -> &'static [&'static str] {
    match extension(path) {
        _ if !is_text(path) => &[],
        Some(extension) if ASSETS.contains(&extension) => &ASSET_COPIES,
        _ => &PAGE_COPIES,
    }
}

/// The copies of `bytes`, the file at `path`, in the order of `extensions(path)`.
pub fn compress(path: &str, bytes: &[u8]) -> io::Result<Vec<Vec<u8>>> {
    let wanted = extensions(path);
    let gzip_level = match wanted == ASSET_COPIES {
        true => GZIP_ASSETS,
        false => GZIP_PAGES,
    };
    wanted
        .iter()
        .map(|&extension| match extension {
            "br" => brotli(bytes, BROTLI_ASSETS),
            _ => gzip(bytes, gzip_level),
        })
        .collect()
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

/// `bytes` compressed with gzip at libdeflate's `level` (0 to 12). Each thread keeps its
/// compressor, whose tables are set up once rather than for every file.
pub fn gzip(bytes: &[u8], level: i32) -> io::Result<Vec<u8>> {
    thread_local! {
        static COMPRESSOR: RefCell<Option<(i32, Compressor)>> = const { RefCell::new(None) };
    }
    let level_error = || io::Error::other(format!("no gzip level {level}"));
    COMPRESSOR.with_borrow_mut(|kept| {
        if kept.as_ref().is_none_or(|(kept, _)| *kept != level) {
            let chosen = CompressionLvl::new(level).map_err(|_| level_error())?;
            *kept = Some((level, Compressor::new(chosen)));
        }
        let (_, compressor) = kept.as_mut().ok_or_else(level_error)?;
        let mut out = vec![0; compressor.gzip_compress_bound(bytes.len())];
        let written = compressor
            .gzip_compress(bytes, &mut out)
            .map_err(|error| io::Error::other(format!("gzip: {error:?}")))?;
        out.truncate(written);
        Ok(out)
    })
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
        let js = "function hello() { return '<p>hello</p>'; }\n".repeat(200);
        let copies = compress("folio-0123.js", js.as_bytes()).unwrap();
        let [br, gz] = &copies[..] else {
            panic!("{} copies of a script", copies.len())
        };
        assert!(br.len() < js.len() / 10, "{}", br.len());
        let mut unbrotli = String::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_string(&mut unbrotli)
            .unwrap();
        assert_eq!(unbrotli, js);
        let mut ungzip = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut ungzip)
            .unwrap();
        assert_eq!(ungzip, js);
        let html = "<p>hello</p>".repeat(200);
        let copies = compress("posts/a/index.html", html.as_bytes()).unwrap();
        let [gz] = &copies[..] else {
            panic!("{} copies of a page", copies.len())
        };
        let mut ungzip = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut ungzip)
            .unwrap();
        assert_eq!(ungzip, html);
    }

    #[test]
    fn a_gzip_level_out_of_range_is_an_error() {
        assert!(gzip(b"text", 13).is_err());
        assert!(gzip(b"text", 12).is_ok());
    }

    #[test]
    fn the_app_gets_brotli_and_gzip_the_pages_gzip_and_the_rest_nothing() {
        assert_eq!(extensions("folio-0123_bg.wasm"), ["br", "gz"]);
        assert_eq!(extensions("main-0123.css"), ["br", "gz"]);
        assert_eq!(extensions("posts/a/index.html"), ["gz"]);
        assert_eq!(extensions("data/posts/a.json"), ["gz"]);
        assert_eq!(extensions("posts/a/photo.png"), [] as [&str; 0]);
        assert_eq!(extensions("_redirects.map"), [] as [&str; 0]);
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

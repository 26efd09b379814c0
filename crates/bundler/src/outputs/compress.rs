//! Precompressed copies: `name.br` and `name.gz` beside every text file of the built site, for
//! hosts that serve them as they are (nginx's `brotli_static` and `gzip_static`), so no server
//! compresses on each request and every reader gets the smallest copy at once.

use std::{
    fs,
    io::{self, Write as _},
    path::{Path, PathBuf},
};

use rayon::prelude::*;

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

/// Brotli's best, for the app's files, which are few, large and kept for a year.
const BROTLI_ASSETS: u32 = 11;
/// Nearly as small, many times faster, for the pages and data of a large site.
const BROTLI_PAGES: u32 = 9;

/// What compressing did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Compressed {
    pub files: usize,
    /// Bytes before, and of the brotli copies.
    pub original: u64,
    pub brotli: u64,
}

/// Writes `.br` and `.gz` beside every text file under `dir`, in parallel.
pub fn compress_all(dir: &Path) -> io::Result<Compressed> {
    let mut files = Vec::new();
    text_files(dir, &mut files)?;
    let sizes = files
        .par_iter()
        .map(|file| compress(file))
        .collect::<io::Result<Vec<(u64, u64)>>>()?;
    Ok(Compressed {
        files: files.len(),
        original: sizes.iter().map(|(original, _)| original).sum(),
        brotli: sizes.iter().map(|(_, brotli)| brotli).sum(),
    })
}

fn text_files(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            text_files(&path, found)?;
        } else if path
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| TEXT.contains(&extension))
        {
            found.push(path);
        }
    }
    Ok(())
}

/// Compresses one file; its size and that of its brotli copy.
fn compress(file: &Path) -> io::Result<(u64, u64)> {
    let bytes = fs::read(file)?;
    let asset = file
        .extension()
        .is_some_and(|extension| ["wasm", "js", "css"].iter().any(|kind| extension == *kind));
    let params = brotli::enc::BrotliEncoderParams {
        quality: if asset { BROTLI_ASSETS } else { BROTLI_PAGES } as i32,
        ..Default::default()
    };
    let mut brotli = Vec::with_capacity(bytes.len() / 3);
    brotli::BrotliCompress(&mut bytes.as_slice(), &mut brotli, &params)?;
    let mut gzip = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::best(),
    );
    gzip.write_all(&bytes)?;
    let gzip = gzip.finish()?;
    write_beside(file, "br", &brotli)?;
    write_beside(file, "gz", &gzip)?;
    Ok((bytes.len() as u64, brotli.len() as u64))
}

fn write_beside(file: &Path, extension: &str, bytes: &[u8]) -> io::Result<()> {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    fs::write(PathBuf::from(name), bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[test]
    fn text_files_get_copies_that_decompress_to_them() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("posts/a/index.html");
        fs::create_dir_all(page.parent().unwrap()).unwrap();
        let html = "<p>hello</p>".repeat(200);
        fs::write(&page, &html).unwrap();
        fs::write(dir.path().join("photo.png"), [0_u8; 10]).unwrap();
        let done = compress_all(dir.path()).unwrap();
        assert_eq!(done.files, 1);
        assert!(done.brotli < done.original / 10, "{done:?}");
        let mut unbrotli = String::new();
        brotli::Decompressor::new(
            fs::File::open(dir.path().join("posts/a/index.html.br")).unwrap(),
            4096,
        )
        .read_to_string(&mut unbrotli)
        .unwrap();
        assert_eq!(unbrotli, html);
        let mut ungzip = String::new();
        flate2::read::GzDecoder::new(
            fs::File::open(dir.path().join("posts/a/index.html.gz")).unwrap(),
        )
        .read_to_string(&mut ungzip)
        .unwrap();
        assert_eq!(ungzip, html);
        assert!(!dir.path().join("photo.png.br").exists());
    }
}

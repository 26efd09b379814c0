//! Images, at build time: the size of each local raster image that a post or page shows (so the
//! page does not shift as it loads), and smaller copies in WebP for `srcset`, made once: each is
//! kept in a cache under the name of what it was made from (the image's bytes, its width and the
//! encoder's settings), so a build of images that did not change encodes none.

use std::{
    fs,
    path::{Path, PathBuf},
    sync::atomic::{AtomicUsize, Ordering},
    time::Instant,
};

use folio_content::{ImageFacts, ImageVariant};
use image::{imageops::FilterType, ImageFormat, ImageReader};
use percent_encoding::percent_decode_str;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

/// The widths of the smaller copies: a phone, a laptop's column at twice its pixels, and a
/// wide screen. Only those narrower than the image are made.
pub const VARIANT_WIDTHS: [u32; 3] = [480, 960, 1600];

/// WebP quality, 0 to 100: photographs look as they did at a quarter of the bytes.
const WEBP_QUALITY: f32 = 80.0;

/// What the cache names each copy after besides the image and the width: a change here makes
/// every copy again.
const ENCODER: &str = "webp-q80-lanczos3-1";

/// An image a post or page shows: its file in the site folder and its address on the site.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct ShownImage {
    pub file: PathBuf,
    /// From the site's root, %-escaped, e.g. `/posts/moths/moth.png`.
    pub to: String,
}

/// An image that could not be read, or a copy that could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageError {
    /// The image, relative to the site folder.
    pub file: PathBuf,
    pub message: String,
}

/// What the image step did, for the build's summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImageWork {
    /// Raster images measured.
    pub images: usize,
    /// Smaller copies encoded this build.
    pub encoded: usize,
    /// Smaller copies taken from the cache.
    pub cached: usize,
    pub millis: u128,
}

/// A smaller copy of an image: its path in the output, and the cached file it is copied from.
pub type VariantCopy = (String, PathBuf);

/// One raster image, measured, with its smaller copies.
type Measured = (ImageFacts, Vec<VariantCopy>);

/// What `process` found and made.
#[derive(Clone, Debug, Default)]
pub struct Processed {
    pub facts: Vec<ImageFacts>,
    pub copies: Vec<VariantCopy>,
    pub work: ImageWork,
}

/// The facts of every raster image in `shown` (others, such as SVG, have none), and every
/// smaller copy, made now if the cache does not have it. `progress` hears of every tenth
/// image.
pub fn process(
    site_dir: &Path,
    cache_dir: &Path,
    shown: &[ShownImage],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Processed, ImageError> {
    let started = Instant::now();
    let encoded = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Vec<Result<Option<Measured>, ImageError>> = shown
        .par_iter()
        .map(|image| {
            let result = one(site_dir, cache_dir, image, &encoded).map_err(|message| ImageError {
                file: image.file.clone(),
                message,
            });
            let count = done.fetch_add(1, Ordering::Relaxed) + 1;
            if count.is_multiple_of(10) {
                progress(count, shown.len());
            }
            result
        })
        .collect();
    let mut facts = Vec::new();
    let mut copies = Vec::new();
    for result in results {
        if let Some((fact, variants)) = result? {
            facts.push(fact);
            copies.extend(variants);
        }
    }
    let encoded = encoded.into_inner();
    let work = ImageWork {
        images: facts.len(),
        encoded,
        cached: copies.len() - encoded,
        millis: started.elapsed().as_millis(),
    };
    Ok(Processed {
        facts,
        copies,
        work,
    })
}

/// One image: its size, and its smaller copies from the cache or made now.
fn one(
    site_dir: &Path,
    cache_dir: &Path,
    image: &ShownImage,
    encoded: &AtomicUsize,
) -> Result<Option<Measured>, String> {
    let path = site_dir.join(&image.file);
    let shown = image.file.display();
    let bytes =
        fs::read(&path).map_err(|error| format!("cannot read the image {shown}: {error}"))?;
    let reader = ImageReader::new(std::io::Cursor::new(&bytes))
        .with_guessed_format()
        .map_err(|error| format!("cannot read the image {shown}: {error}"))?;
    let format = reader.format();
    let raster = matches!(
        format,
        Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::Gif | ImageFormat::WebP)
    );
    if !raster {
        return Ok(None);
    }
    // A GIF may move: a copy would keep only its first frame, so it is shown as it is.
    let widths = match format {
        Some(ImageFormat::Gif) => &[][..],
        _ => &VARIANT_WIDTHS[..],
    };
    let (width, height) = reader
        .into_dimensions()
        .map_err(|error| format!("the image {shown} cannot be read: {error}"))?;
    let key = hex(&Sha256::digest(&bytes)[..12]);
    let mut decoded = None;
    let mut variants = Vec::new();
    let mut copies = Vec::new();
    for &target in widths.iter().filter(|target| **target < width) {
        let cached = cache_dir.join(format!("{key}-{target}-{ENCODER}.webp"));
        if !usable(&cached, target) {
            let source = match decoded.take() {
                Some(source) => source,
                None => image::load_from_memory(&bytes)
                    .map_err(|error| format!("the image {shown} cannot be decoded: {error}"))?,
            };
            let resized = source
                .resize(target, u32::MAX, FilterType::Lanczos3)
                .to_rgba8();
            let webp = webp::Encoder::from_rgba(&resized, resized.width(), resized.height())
                .encode(WEBP_QUALITY);
            fs::create_dir_all(cache_dir)
                .and_then(|()| write_atomically(&cached, &webp))
                .map_err(|error| format!("cannot write {}: {error}", cached.display()))?;
            encoded.fetch_add(1, Ordering::Relaxed);
            decoded = Some(source);
        }
        let to = variant_address(&image.to, target);
        let output = percent_decode_str(to.trim_start_matches('/'))
            .decode_utf8_lossy()
            .into_owned();
        copies.push((output, cached));
        variants.push(ImageVariant(target, to));
    }
    let facts = ImageFacts(image.to.clone(), width, height, variants);
    Ok(Some((facts, copies)))
}

/// Whether the cache's copy at `cached` can be published: a regular file (never a link, which
/// could lead anywhere) whose header reads as a WebP image `width` pixels wide. Anything else
/// is made again, over it.
fn usable(cached: &Path, width: u32) -> bool {
    let regular = fs::symlink_metadata(cached).is_ok_and(|meta| meta.is_file());
    regular
        && ImageReader::open(cached)
            .and_then(ImageReader::with_guessed_format)
            .is_ok_and(|reader| {
                reader.format() == Some(ImageFormat::WebP)
                    && reader.into_dimensions().is_ok_and(|(w, _)| w == width)
            })
}

/// The address of the copy `width` pixels wide of the image at `to`: beside it, named after
/// it: `/posts/moths/moth.png` gives `/posts/moths/moth-480w.webp`.
pub fn variant_address(to: &str, width: u32) -> String {
    let (folder, name) = to.rsplit_once('/').unwrap_or(("", to));
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    format!("{folder}/{stem}-{width}w.webp")
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = path.with_extension(format!("partial-{}", std::process::id()));
    fs::write(&partial, bytes)?;
    fs::rename(&partial, path)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

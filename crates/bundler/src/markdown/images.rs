//! Images, at build time: the size of each local raster image that a post or page shows (so the
//! page does not shift as it loads), and smaller copies in WebP for `srcset`, made once: each is
//! kept in a cache under the name of what it was made from (the image's bytes, its width and the
//! encoder's settings), so a build of images that did not change encodes none.

use std::{
    collections::HashMap,
    fs,
    path::{Path, PathBuf},
    sync::atomic::{AtomicUsize, Ordering},
    time::Instant,
};

use folio_content::{ImageFacts, ImageVariant};
use image::{imageops::FilterType, DynamicImage, ImageFormat, ImageReader, Limits};
use percent_encoding::percent_decode_str;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::markdown::image_memory::{needed, Memory};

/// The widths of the smaller copies: a phone, a laptop's column at twice its pixels, and a
/// wide screen. Only those narrower than the image are made.
pub const VARIANT_WIDTHS: [u32; 3] = [480, 960, 1600];

/// WebP quality, 0 to 100: photographs look as they did at a quarter of the bytes.
const WEBP_QUALITY: f32 = 80.0;

/// The widest and tallest image WebP can hold: a copy that would be larger is not made.
const WEBP_MAX_SIDE: u32 = 16_383;

/// The largest image file read: larger is a problem at the image.
const MAX_FILE_BYTES: u64 = 256 << 20;

/// The largest side of an image decoded for its copies, and what its decoder may allocate: a
/// larger image is shown as it is, without smaller copies, with a warning.
const MAX_DECODED_SIDE: u32 = 30_000;
const MAX_DECODER_BYTES: u64 = 768 << 20;

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
    /// Copies that could not be made, each at its image: the image is shown as it is.
    pub warnings: Vec<ImageError>,
}

/// One image, measured, with the copies made and those left out (and why).
struct Done {
    measured: Option<Measured>,
    left_out: Option<String>,
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
    let memory = Memory::default();
    let results: Vec<Result<Done, ImageError>> = shown
        .par_iter()
        .map(|image| {
            let work = Work {
                site_dir,
                cache_dir,
                encoded: &encoded,
                memory: &memory,
            };
            let result = work.one(image).map_err(|message| ImageError {
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
    let mut warnings = Vec::new();
    // `photo.jpg` and `photo.png` beside one post would both have `photo-480w.webp`.
    let mut copied_from: HashMap<String, &Path> = HashMap::new();
    for (image, result) in shown.iter().zip(results) {
        let Done { measured, left_out } = result?;
        if let Some((fact, variants)) = measured {
            for (to, _) in &variants {
                if let Some(other) = copied_from.insert(to.clone(), &image.file) {
                    return Err(ImageError {
                        file: image.file.clone(),
                        message: format!(
                            "the smaller copy {to} of this image would have the name of {}'s: rename one of the two images",
                            other.display()
                        ),
                    });
                }
            }
            facts.push(fact);
            copies.extend(variants);
        }
        warnings.extend(left_out.map(|message| ImageError {
            file: image.file.clone(),
            message,
        }));
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
        warnings,
    })
}

/// What making the copies of the images shares across threads.
struct Work<'a> {
    site_dir: &'a Path,
    cache_dir: &'a Path,
    encoded: &'a AtomicUsize,
    memory: &'a Memory,
}

impl Work<'_> {
    /// One image: its size, and its smaller copies from the cache or made now; the copies it
    /// cannot have, and why.
    fn one(&self, image: &ShownImage) -> Result<Done, String> {
        let path = self.site_dir.join(&image.file);
        let shown = image.file.display();
        let size = fs::metadata(&path)
            .map_err(|error| format!("cannot read the image {shown}: {error}"))?
            .len();
        if size > MAX_FILE_BYTES {
            return Err(format!(
                "the image {shown} is {} MB, more than the {} MB an image may be",
                size >> 20,
                MAX_FILE_BYTES >> 20
            ));
        }
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
            return Ok(Done {
                measured: None,
                left_out: None,
            });
        }
        // A GIF may move: a copy would keep only its first frame, so it is shown as it is.
        let widths = match format {
            Some(ImageFormat::Gif) => &[][..],
            _ => &VARIANT_WIDTHS[..],
        };
        let (width, height) = reader
            .into_dimensions()
            .map_err(|error| format!("the image {shown} cannot be read: {error}"))?;
        let mut left_out = None;
        let widths: Vec<u32> = widths
            .iter()
            .copied()
            .filter(|target| *target < width)
            .filter(|target| {
                let fits = copy_height(width, height, *target) <= WEBP_MAX_SIDE;
                if !fits {
                    left_out = Some(format!(
                        "the image {shown} is {width}x{height} pixels: its smaller copies would be taller than WebP allows ({WEBP_MAX_SIDE} pixels), so readers get the image as it is"
                    ));
                }
                fits
            })
            .collect();
        if !widths.is_empty() && width.max(height) > MAX_DECODED_SIDE {
            let facts = ImageFacts(image.to.clone(), width, height, Vec::new());
            return Ok(Done {
                measured: Some((facts, Vec::new())),
                left_out: Some(format!(
                    "the image {shown} is {width}x{height} pixels, more than the {MAX_DECODED_SIDE} a side that Folio decodes, so it gets no smaller copies: readers get it as it is"
                )),
            });
        }
        let key = hex(&Sha256::digest(&bytes)[..12]);
        let mut decoded = None;
        let mut held = None;
        let mut variants = Vec::new();
        let mut copies = Vec::new();
        for &target in &widths {
            let cached = self
                .cache_dir
                .join(format!("{key}-{target}-{ENCODER}.webp"));
            if !usable(&cached, target) {
                if decoded.is_none() {
                    let widest = widths.iter().copied().max().unwrap_or(target);
                    held = Some(self.memory.hold(needed(width, height, widest)));
                    match decode(&bytes) {
                        Decoded::Image(image) => decoded = Some(image),
                        Decoded::TooLarge(why) => {
                            left_out = Some(format!(
                                "the image {shown} ({width}x{height} pixels) is too large to decode for its smaller copies ({why}), so readers get it as it is"
                            ));
                            break;
                        }
                        Decoded::Broken(error) => {
                            return Err(format!("the image {shown} cannot be decoded: {error}"))
                        }
                    }
                }
                let Some(source) = &decoded else { break };
                let webp = match smaller_copy(source, target) {
                    Ok(webp) => webp,
                    Err(error) => {
                        left_out = Some(format!(
                            "the {target} pixel wide copy of the image {shown} could not be made ({error}), so readers get the image as it is"
                        ));
                        continue;
                    }
                };
                fs::create_dir_all(self.cache_dir)
                    .and_then(|()| write_atomically(&cached, &webp))
                    .map_err(|error| format!("cannot write {}: {error}", cached.display()))?;
                self.encoded.fetch_add(1, Ordering::Relaxed);
            }
            let to = variant_address(&image.to, target);
            let output = percent_decode_str(to.trim_start_matches('/'))
                .decode_utf8_lossy()
                .into_owned();
            copies.push((output, cached));
            variants.push(ImageVariant(target, to));
        }
        drop((decoded, held));
        let facts = ImageFacts(image.to.clone(), width, height, variants);
        Ok(Done {
            measured: Some((facts, copies)),
            left_out,
        })
    }
}

/// The height of the copy `target` pixels wide of an image `width` by `height`, rounded up (the
/// resize rounds to the nearest pixel).
fn copy_height(width: u32, height: u32, target: u32) -> u32 {
    let height = (u64::from(height) * u64::from(target)).div_ceil(u64::from(width.max(1)));
    u32::try_from(height).unwrap_or(u32::MAX).max(1)
}

/// An image decoded, or why not.
enum Decoded {
    Image(DynamicImage),
    /// Beyond Folio's limits: shown as it is.
    TooLarge(String),
    /// Not a readable image: a problem at it.
    Broken(String),
}

/// The image in `bytes`, decoded within Folio's limits.
fn decode(bytes: &[u8]) -> Decoded {
    let reader = ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format();
    let mut reader = match reader {
        Ok(reader) => reader,
        Err(error) => return Decoded::Broken(error.to_string()),
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    limits.max_alloc = Some(MAX_DECODER_BYTES);
    reader.limits(limits);
    match guarded(|| Ok(reader.decode())) {
        Ok(Ok(image)) => Decoded::Image(image),
        Ok(Err(image::ImageError::Limits(error))) => Decoded::TooLarge(error.to_string()),
        Ok(Err(error)) => Decoded::Broken(error.to_string()),
        Err(error) => Decoded::Broken(error),
    }
}

/// The copy of `source` `target` pixels wide, as WebP bytes; the encoder's error, if it has one.
fn smaller_copy(source: &DynamicImage, target: u32) -> Result<Vec<u8>, String> {
    guarded(|| {
        let resized = source
            .resize(target, u32::MAX, FilterType::Lanczos3)
            .to_rgba8();
        let mut config = webp::WebPConfig::new().map_err(|()| "the WebP encoder cannot start")?;
        config.quality = WEBP_QUALITY;
        config.alpha_compression = 1;
        let encoder = webp::Encoder::from_rgba(&resized, resized.width(), resized.height());
        let webp = encoder
            .encode_advanced(&config)
            .map_err(|error| format!("the WebP encoder refused it: {error:?}"))?;
        Ok(webp.to_vec())
    })
}

/// `work`'s result, or an error if the image libraries panic on the image after all: their
/// faults stop one image, never the build.
fn guarded<T>(work: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
        .unwrap_or_else(|_| Err("the image library failed on it".to_owned()))
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

/// Writes `bytes` to `path` in one step: to a partial file of this write's own (two builds in
/// one process may make the same file at once), renamed over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    let write = WRITES.fetch_add(1, Ordering::Relaxed);
    let partial = path.with_extension(format!("partial-{}-{write}", std::process::id()));
    fs::write(&partial, bytes)?;
    fs::rename(&partial, path)
}

/// `bytes` in lower-case hex digits, two a byte.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

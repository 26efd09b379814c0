//! Images no build may crash on or run out of memory for, made here (too large to keep in the
//! repository): a full-page screenshot far taller than wide (whose copies WebP cannot hold), an
//! image wider than Folio decodes, and a PNG whose header promises 29,000 x 29,000 pixels. Each
//! is shown as it is, with a warning at the image; with two large 16-bit photographs beside
//! them, which do get their copies, the build's peak memory stays under 2 GB.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::{
    fs,
    io::Write,
    path::Path,
    process::{Command, Stdio},
    time::Duration,
};

/// A site with one post that shows each of the images, and `photos` large photographs (16-bit,
/// with an alpha channel: 8 bytes a pixel decoded) that do get their copies.
fn site(dir: &Path, photos: u32) {
    fs::copy(
        common::site("hostile").join("alias-case/site.toml"),
        dir.join("site.toml"),
    )
    .unwrap();
    let post = dir.join("posts/large");
    fs::create_dir_all(&post).unwrap();
    fs::write(
        post.join("index.md"),
        "+++\ntitle = \"Large\"\ndate = 2015-10-25\n+++\n\n![A full page](screenshot.png)\n\n\
         ![A panorama](panorama.png)\n\n![A bomb](bomb.png)\n",
    )
    .unwrap();
    let screenshot = image::RgbImage::from_fn(500, 20_000, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x ^ y) % 239) as u8])
    });
    screenshot.save(post.join("screenshot.png")).unwrap();
    let panorama = image::GrayImage::from_fn(30_001, 20, |x, _| image::Luma([(x % 256) as u8]));
    panorama.save(post.join("panorama.png")).unwrap();
    fs::write(post.join("bomb.png"), bomb(29_000)).unwrap();
    let mut shown = String::new();
    for n in 0..photos {
        let photo = image::ImageBuffer::<image::Rgba<u16>, _>::from_fn(4_000, 3_000, |x, y| {
            image::Rgba([
                (x * 16 + n) as u16,
                (y * 16) as u16,
                ((x ^ y) * 8) as u16,
                65_535,
            ])
        });
        photo.save(post.join(format!("photo-{n}.png"))).unwrap();
        shown.push_str(&format!("\n![Photograph {n}](photo-{n}.png)\n"));
    }
    let index = post.join("index.md");
    let text = fs::read_to_string(&index).unwrap();
    fs::write(index, text + &shown).unwrap();
}

/// A black 1-bit PNG of `side` by `side` pixels: small on disk, vast once decoded.
fn bomb(side: u32) -> Vec<u8> {
    let row = 1 + side.div_ceil(8) as usize;
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![0u8; row * 1024];
    for _ in 0..(side as usize).div_ceil(1024) {
        zlib.write_all(&zeros).unwrap();
    }
    let data = zlib.finish().unwrap();
    let mut header = Vec::new();
    header.extend(side.to_be_bytes());
    header.extend(side.to_be_bytes());
    header.extend([1, 0, 0, 0, 0]); // 1 bit, greyscale, deflate, no filter, no interlace
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, body) in [(b"IHDR", header), (b"IDAT", data), (b"IEND", Vec::new())] {
        png.extend((body.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(&body);
        png.extend(kind);
        png.extend(&body);
        png.extend(crc.sum().to_be_bytes());
    }
    png
}

#[test]
fn large_and_odd_images_are_shown_as_they_are_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path(), 0);
    let options = folio_bundler::BuildOptions {
        cache_dir: Some(dir.path().join("cache")),
        ..common::options(false)
    };
    let output = folio_bundler::build(dir.path(), &options).unwrap();
    let warned: Vec<String> = output
        .warnings
        .iter()
        .map(|warning| format!("{}: {}", warning.file.display(), warning.message))
        .collect();
    let expect = [
        ("posts/large/bomb.png", "is too large to decode"),
        ("posts/large/panorama.png", "more than the 30000 a side"),
        ("posts/large/screenshot.png", "taller than WebP allows"),
    ];
    assert_eq!(warned.len(), expect.len(), "{warned:#?}");
    for ((file, says), warning) in expect.iter().zip(&warned) {
        assert!(
            warning.starts_with(file) && warning.contains(says),
            "{warning}"
        );
    }
    assert!(
        !output.copies.keys().any(|path| path.ends_with("w.webp")),
        "{:?}",
        output.copies.keys()
    );
}

/// The bundler's peak resident memory building the site, from /proc, in KiB.
#[cfg(target_os = "linux")]
#[test]
fn the_build_of_large_images_stays_under_2_gb() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path(), 2);
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio-bundler"))
        .args(["--site".as_ref(), dir.path().as_os_str()])
        .args(["--out".as_ref(), dir.path().join("out").as_os_str()])
        .env("FOLIO_CACHE_DIR", dir.path().join("cache"))
        .env("FOLIO_NOW", "2026-01-01")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0u64;
    while child.try_wait().unwrap().is_none() {
        let high_water = fs::read_to_string(&status).ok().and_then(|text| {
            let line = text.lines().find(|line| line.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        });
        peak_kib = peak_kib.max(high_water.unwrap_or(0));
        std::thread::sleep(Duration::from_millis(5));
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("warning"), "{stderr}");
    assert!(
        stderr.contains("6 encoded"),
        "the photographs' copies were made: {stderr}"
    );
    eprintln!("peak memory of the build: {peak_kib} KiB");
    assert!(peak_kib > 0 && peak_kib < 2 * 1024 * 1024, "{peak_kib} KiB");
}

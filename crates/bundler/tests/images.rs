//! Images at build time: each local raster image is measured and gets smaller WebP copies,
//! which a second build of the same images takes from the cache instead of encoding again.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{fs, path::Path, time::Instant};

use folio_bundler::{build, BuildOptions, Output};
use folio_content::{ImageFacts, ImageVariant, PostBundle, PostPage};

const SITE: &str =
    "title = \"T\"\ndescription = \"D\"\nbase_url = \"https://x.org/\"\nlanguage = \"en\"\n";

fn png(path: &Path, width: u32, height: u32, seed: u32) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 7 + seed) as u8,
            (y * 3 + seed * 5) as u8,
            ((x ^ y) + seed) as u8,
        ])
    });
    image.save(path).unwrap();
}

fn site(dir: &Path, body: &str) {
    fs::write(dir.join("site.toml"), SITE).unwrap();
    let post = format!("+++\ntitle = \"Pictures\"\ndate = 2020-01-01\n+++\n{body}");
    fs::create_dir_all(dir.join("posts/pictures")).unwrap();
    fs::write(dir.join("posts/pictures/index.md"), post).unwrap();
}

fn options(cache: &Path) -> BuildOptions {
    BuildOptions {
        cache_dir: Some(cache.to_owned()),
        ..BuildOptions::new("2025-01-01".parse().unwrap())
    }
}

#[test]
fn images_are_measured_and_get_smaller_copies_beside_them() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    site(
        dir.path(),
        "![Wide](wide.png) ![Small](small.png) ![Logo](../../static/logo.svg) ![Moving](moving.gif)\n",
    );
    png(&dir.path().join("posts/pictures/wide.png"), 1000, 600, 1);
    // A GIF may be animated: measured, but no copies, which would keep one frame.
    let gif = image::RgbImage::from_fn(800, 100, |x, _| image::Rgb([x as u8, 0, 0]));
    gif.save(dir.path().join("posts/pictures/moving.gif"))
        .unwrap();
    png(&dir.path().join("posts/pictures/small.png"), 40, 30, 2);
    fs::create_dir_all(dir.path().join("static")).unwrap();
    fs::write(
        dir.path().join("static/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();

    let output = build(dir.path(), &options(&cache)).unwrap();
    let bundle: PostBundle = support::document(&output, "data/posts/pictures.json");
    let variant = |width: u32| ImageVariant(width, format!("/posts/pictures/wide-{width}w.webp"));
    assert_eq!(
        bundle.body.images,
        [
            ImageFacts("/posts/pictures/moving.gif".into(), 800, 100, vec![]),
            ImageFacts("/posts/pictures/small.png".into(), 40, 30, vec![]),
            ImageFacts(
                "/posts/pictures/wide.png".into(),
                1000,
                600,
                vec![variant(480), variant(960)]
            ),
        ]
    );
    for copy in [
        "posts/pictures/wide-480w.webp",
        "posts/pictures/wide-960w.webp",
    ] {
        let cached = &output.copies[copy];
        let bytes = fs::read(cached).unwrap();
        assert_eq!(&bytes[..4], b"RIFF", "{copy} is WebP");
        let decoded = image::load_from_memory(&bytes).unwrap();
        assert_eq!(
            decoded.width(),
            if copy.contains("480") { 480 } else { 960 }
        );
        assert_eq!(
            decoded.height(),
            if copy.contains("480") { 288 } else { 576 }
        );
    }
    assert!(
        output.copies.contains_key("posts/pictures/wide.png"),
        "the original is kept"
    );
    assert_eq!((output.images.images, output.images.encoded), (3, 2));
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
}

/// A site of one post whose front matter gives `image`.
fn site_with_cover(dir: &Path, cover: &str) {
    fs::write(dir.join("site.toml"), SITE).unwrap();
    let post =
        format!("+++\ntitle = \"Cover\"\ndate = 2020-01-01\nimage = {cover:?}\n+++\nText.\n");
    fs::create_dir_all(dir.join("posts/cover")).unwrap();
    fs::write(dir.join("posts/cover/index.md"), post).unwrap();
}

#[test]
fn a_cover_is_measured_with_its_copies_and_travels_with_the_post_s_summary() {
    let dir = tempfile::tempdir().unwrap();
    site_with_cover(dir.path(), "wide.png");
    png(&dir.path().join("posts/cover/wide.png"), 1000, 600, 4);
    let output = build(dir.path(), &options(&dir.path().join("cache"))).unwrap();
    let variant = |width: u32| ImageVariant(width, format!("/posts/cover/wide-{width}w.webp"));
    let expected = ImageFacts(
        "/posts/cover/wide.png".into(),
        1000,
        600,
        vec![variant(480), variant(960)],
    );
    let bundle: PostBundle = support::document(&output, "data/posts/cover.json");
    assert_eq!(bundle.post.image.as_ref(), Some(&expected));
    assert!(bundle.body.images.is_empty(), "the cover is not the body's");
    let listing: PostPage = support::document(&output, "data/index/page-1.json");
    assert_eq!(listing.posts[0].image.as_ref(), Some(&expected));
    assert!(output.copies.contains_key("posts/cover/wide-960w.webp"));
}

#[test]
fn a_cover_that_is_no_raster_image_or_no_file_fails_the_build_at_its_field() {
    for (cover, message) in [
        (
            "logo.svg",
            "the cover \"logo.svg\" is not a PNG, JPEG, GIF or WebP image",
        ),
        (
            "../other.md",
            "\"image\" = \"../other.md\" is not an image file",
        ),
        ("wide.pgn", "there is no image posts/cover/wide.pgn"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        site_with_cover(dir.path(), cover);
        fs::write(
            dir.path().join("posts/cover/logo.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .unwrap();
        fs::write(
            dir.path().join("posts/other.md"),
            "+++\ntitle = \"O\"\ndate = 2020-01-01\n+++\n",
        )
        .unwrap();
        png(&dir.path().join("posts/cover/wide.png"), 40, 30, 5);
        let problems = build(dir.path(), &options(&dir.path().join("cache"))).unwrap_err();
        let shown: Vec<String> = problems
            .iter()
            .map(|p| format!("{}:{}:{} {}", p.file.display(), p.line, p.column, p.message))
            .collect();
        assert_eq!(
            shown,
            [format!("posts/cover/index.md:4:9 {message}")],
            "{cover}"
        );
    }
}

#[test]
fn an_image_that_cannot_be_decoded_fails_the_build_at_its_file() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path(), "![Broken](broken.png)\n");
    let whole = dir.path().join("posts/pictures/whole.png");
    png(&whole, 1000, 600, 3);
    let bytes = fs::read(&whole).unwrap();
    // The header says 1000 x 600; the pixels stop short.
    fs::write(
        dir.path().join("posts/pictures/broken.png"),
        &bytes[..bytes.len() / 3],
    )
    .unwrap();
    let problems = build(dir.path(), &options(&dir.path().join("cache"))).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file, Path::new("posts/pictures/broken.png"));
    assert!(
        problems[0].message.contains("cannot be decoded"),
        "{problems:?}"
    );
}

#[test]
fn an_image_without_alt_text_is_a_warning_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    site(
        dir.path(),
        "Text.\n\n![](small.png) and ![Small](small.png)\n",
    );
    png(&dir.path().join("posts/pictures/small.png"), 40, 30, 2);
    let output = build(dir.path(), &options(&dir.path().join("cache"))).unwrap();
    let shown: Vec<String> = output.warnings.iter().map(|w| w.as_warning()).collect();
    assert_eq!(
        shown,
        ["warning: posts/pictures/index.md:7:1: the image has no alt text\n  help: say what it shows between the brackets, e.g. ![A moth taped into the log book](moth.png), for readers who cannot see it"]
    );
}

#[test]
fn a_second_build_of_100_unchanged_images_encodes_none() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let body: String = (0..100)
        .map(|i| format!("![Picture {i}](p{i}.png)\n\n"))
        .collect();
    site(dir.path(), &body);
    for i in 0..100 {
        png(
            &dir.path().join(format!("posts/pictures/p{i}.png")),
            600,
            400,
            i,
        );
    }
    let timed = |what: &str| -> Output {
        let started = Instant::now();
        let output = build(dir.path(), &options(&cache)).unwrap();
        let work = output.images;
        eprintln!(
            "{what}: {} images measured, {} copies encoded, {} from the cache; build {} ms, images {} ms",
            work.images,
            work.encoded,
            work.cached,
            started.elapsed().as_millis(),
            work.millis
        );
        output
    };
    let first = timed("first build");
    assert_eq!(
        (
            first.images.images,
            first.images.encoded,
            first.images.cached
        ),
        (100, 100, 0)
    );
    let second = timed("second build");
    assert_eq!(
        (
            second.images.images,
            second.images.encoded,
            second.images.cached
        ),
        (100, 0, 100)
    );
    assert_eq!(first.files, second.files);
    assert_eq!(first.copies, second.copies);

    // A changed image is encoded again; the others still come from the cache.
    png(&dir.path().join("posts/pictures/p7.png"), 600, 400, 1000);
    let third = timed("after one image changed");
    assert_eq!((third.images.encoded, third.images.cached), (1, 99));
}

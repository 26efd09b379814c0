//! A card's SVG drawn to a PNG: usvg reads it with the shipped fonts only (`fonts.rs`), resvg
//! paints it, and the opaque picture is written as an RGB PNG (a quarter smaller than RGBA),
//! compressed fast: 1.2 ms a card rather than 6 for half the bytes (about 50 KB rather than
//! 24 KB at 1,000 generated posts), and better compressed only when that is over `MAX_BYTES`.

use image::{
    codecs::png::{CompressionType, FilterType, PngEncoder},
    ExtendedColorType, ImageEncoder,
};
use resvg::{tiny_skia, usvg};

use crate::outputs::cards::{
    fonts::DATABASE,
    layout::{HEIGHT, WIDTH},
    MAX_BYTES,
};

/// The PNG of `svg`, a card's picture (`layout::svg`).
pub fn draw(svg: &str) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        fontdb: DATABASE.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|error| error.to_string())?;
    let mut pixmap =
        tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("a card's picture could not be allocated")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    // The background covers every pixel, so its alpha is all 255: straight and premultiplied
    // colour are the same, and dropping alpha loses nothing.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
        .collect();
    let png = encode(&rgb, CompressionType::Fast)?;
    if png.len() <= MAX_BYTES {
        return Ok(png);
    }
    encode(&rgb, CompressionType::Best)
}

fn encode(rgb: &[u8], compression: CompressionType) -> Result<Vec<u8>, String> {
    let mut png = Vec::new();
    PngEncoder::new_with_quality(&mut png, compression, FilterType::Adaptive)
        .write_image(rgb, WIDTH, HEIGHT, ExtendedColorType::Rgb8)
        .map_err(|error| error.to_string())?;
    Ok(png)
}

#[cfg(test)]
mod timing_tmp {
    use super::*;
    #[test]
    fn timing_tmp() {
        let text = crate::outputs::cards::CardText { over: "Solace blog".into(), title: "Leading for Innovation: New Solace case studies and interim report".into(), under: "25 October 2015 · Joan Munro".into() };
        let look = crate::outputs::cards::Look { background: "#fdfdfc".into(), text: "#1d1d1f".into(), accent: "#0b57a4".into(), logo: None };
        let svg = crate::outputs::cards::layout::svg(&text, &look);
        let options = usvg::Options { fontdb: DATABASE.clone(), ..usvg::Options::default() };
        let t = std::time::Instant::now();
        let mut rgb = Vec::new();
        for _ in 0..50 {
            let tree = usvg::Tree::from_str(&svg, &options).unwrap();
            let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).unwrap();
            resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
            rgb = pixmap.data().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
        }
        eprintln!("draw {:?}", t.elapsed() / 50);
        let mut colours = std::collections::HashSet::new();
        for p in rgb.chunks_exact(3) { colours.insert([p[0], p[1], p[2]]); }
        eprintln!("colours {}", colours.len());
        for (name, c, f) in [("fast-adaptive", CompressionType::Fast, FilterType::Adaptive), ("fast-sub", CompressionType::Fast, FilterType::Sub), ("fast-up", CompressionType::Fast, FilterType::Up), ("fast-none", CompressionType::Fast, FilterType::NoFilter), ("default-up", CompressionType::Default, FilterType::Up), ("default-adaptive", CompressionType::Default, FilterType::Adaptive)] {
            let t = std::time::Instant::now();
            let mut len = 0;
            for _ in 0..20 {
                let mut png = Vec::new();
                PngEncoder::new_with_quality(&mut png, c, f).write_image(&rgb, WIDTH, HEIGHT, ExtendedColorType::Rgb8).unwrap();
                len = png.len();
            }
            eprintln!("{name} {:?} {len}", t.elapsed() / 20);
        }
    }
}

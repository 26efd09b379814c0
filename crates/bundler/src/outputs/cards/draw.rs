//! A card's SVG drawn to a PNG: usvg reads it with the shipped fonts only (`fonts.rs`), resvg
//! paints it, and the picture is written as a PNG of its own palette: a card of flat colours and
//! anti-aliased text has about 80 colours, so each pixel is one byte rather than three, which
//! is a third of the data to compress and no loss at all. A card of more than 256 colours (a
//! photograph as its logo) is written as RGB. Both are compressed fast (fdeflate), and better
//! only when that is over `MAX_BYTES`.

use png::{BitDepth, ColorType, Compression, Encoder};
use resvg::{tiny_skia, usvg};
use rustc_hash::FxHashMap;

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
    let rgba = pixmap.data();
    let pixels = match palette(rgba) {
        Some((palette, indices)) => Pixels::Indexed { palette, indices },
        None => Pixels::Rgb(
            rgba.chunks_exact(4)
                .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
                .collect(),
        ),
    };
    let png = encode(&pixels, Compression::Fast)?;
    if png.len() <= MAX_BYTES {
        return Ok(png);
    }
    encode(&pixels, Compression::High)
}

/// An app icon: the SVG `svg` drawn to fit a transparent square of `size` pixels, as a PNG.
pub fn icon(svg: &[u8], size: u32) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_data(svg, &usvg::Options::default())
        .map_err(|error| format!("the favicon is not an SVG picture that opens: {error}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size, size).ok_or("an icon could not be allocated")?;
    let picture = tree.size();
    #[allow(clippy::cast_precision_loss)]
    let scale = size as f32 / picture.width().max(picture.height());
    let offset = |side: f32| (size as f32 - side * scale) / 2.0;
    let transform = tiny_skia::Transform::from_scale(scale, scale)
        .post_translate(offset(picture.width()), offset(picture.height()));
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|error| error.to_string())
}

/// A picture's pixels as the PNG holds them.
enum Pixels {
    /// Up to 256 colours (RGB, three bytes each), and a colour's index for each pixel.
    Indexed {
        palette: Vec<u8>,
        indices: Vec<u8>,
    },
    Rgb(Vec<u8>),
}

/// The RGB colours of the opaque `rgba` and each pixel's index among them; `None` past 256.
fn palette(rgba: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut index: FxHashMap<u32, u8> = FxHashMap::default();
    let mut palette = Vec::new();
    let mut indices = Vec::with_capacity(rgba.len() / 4);
    // Runs of one colour are most of a card: the last colour is checked first.
    let mut last: Option<(u32, u8)> = None;
    for pixel in rgba.chunks_exact(4) {
        let colour = u32::from_le_bytes([pixel[0], pixel[1], pixel[2], pixel[3]]);
        let at = match last {
            Some((seen, at)) if seen == colour => at,
            _ => match index.get(&colour) {
                Some(&at) => at,
                None => {
                    let at = u8::try_from(index.len()).ok()?;
                    index.insert(colour, at);
                    palette.extend_from_slice(&pixel[..3]);
                    at
                }
            },
        };
        last = Some((colour, at));
        indices.push(at);
    }
    Some((palette, indices))
}

fn encode(pixels: &Pixels, compression: Compression) -> Result<Vec<u8>, String> {
    let mut png = Vec::new();
    let mut encoder = Encoder::new(&mut png, WIDTH, HEIGHT);
    encoder.set_depth(BitDepth::Eight);
    encoder.set_compression(compression);
    let data = match pixels {
        Pixels::Indexed { palette, indices } => {
            encoder.set_color(ColorType::Indexed);
            encoder.set_palette(palette.as_slice());
            indices
        }
        Pixels::Rgb(rgb) => {
            encoder.set_color(ColorType::Rgb);
            rgb
        }
    };
    encoder
        .write_header()
        .and_then(|mut writer| writer.write_image_data(data))
        .map_err(|error| error.to_string())?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgba(colours: usize) -> Vec<u8> {
        (0..1000)
            .flat_map(|i: usize| {
                let c = u8::try_from(i % colours % 256).unwrap();
                let d = u8::try_from(i % colours / 256).unwrap();
                [c, d, 7, 255]
            })
            .collect()
    }

    #[test]
    fn a_picture_of_few_colours_gets_a_palette_and_one_of_many_does_not() {
        let (colours, indices) = palette(&rgba(3)).unwrap();
        assert_eq!(colours, [0, 0, 7, 1, 0, 7, 2, 0, 7]);
        assert_eq!(&indices[..5], [0, 1, 2, 0, 1]);
        assert!(palette(&rgba(256)).is_some());
        assert!(palette(&rgba(257)).is_none());
    }

    #[test]
    fn a_card_of_many_colours_is_drawn_as_rgb_and_opens_the_same() {
        // A gradient of 600 colours across the card.
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\"><defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#000000\"/><stop offset=\"1\" stop-color=\"#ff80ff\"/></linearGradient></defs><rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"url(#g)\"/></svg>"
        );
        let png = draw(&svg).unwrap();
        let picture = image::load_from_memory(&png).unwrap().to_rgb8();
        assert_eq!(picture.dimensions(), (WIDTH, HEIGHT));
        let left = picture.get_pixel(0, 300).0;
        let right = picture.get_pixel(WIDTH - 1, 300).0;
        assert!(left[0] < 5 && right[0] > 250, "{left:?} {right:?}");
    }
}

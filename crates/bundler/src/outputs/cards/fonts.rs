//! The fonts of the cards, shipped in the bundler (`crates/bundler/fonts/`, DejaVu Sans): the
//! only fonts a card is drawn with, never the machine's, so that a card is the same picture on
//! every machine; and the width of a line of text in them, measured as usvg will shape it
//! (harfrust, with kerning), so that the title is wrapped where it will really end.

use std::sync::{Arc, LazyLock};

use harfrust::{FontRef, ShapeOptions, ShaperData, UnicodeBuffer};
use resvg::usvg::fontdb;
use skrifa::{instance::LocationRef, instance::Size, MetadataProvider};

/// The family name the card's SVG asks for.
pub const FAMILY: &str = "DejaVu Sans";

const REGULAR: &[u8] = include_bytes!("../../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../fonts/DejaVuSans-Bold.ttf");

/// The fonts for usvg: the two shipped faces, and nothing else.
pub static DATABASE: LazyLock<Arc<fontdb::Database>> = LazyLock::new(|| {
    let mut database = fontdb::Database::new();
    database.load_font_data(REGULAR.to_vec());
    database.load_font_data(BOLD.to_vec());
    database.set_sans_serif_family(FAMILY);
    Arc::new(database)
});

/// One face, ready to shape text with.
struct Face {
    font: FontRef<'static>,
    data: ShaperData,
    units_per_em: f32,
}

impl Face {
    fn new(bytes: &'static [u8]) -> Option<Face> {
        let font = FontRef::new(bytes).ok()?;
        let units_per_em = font
            .metrics(Size::unscaled(), LocationRef::default())
            .units_per_em;
        Some(Face {
            data: ShaperData::new(&font),
            font,
            units_per_em: f32::from(units_per_em.max(1)),
        })
    }
}

static FACES: LazyLock<[Option<Face>; 2]> = LazyLock::new(|| [Face::new(REGULAR), Face::new(BOLD)]);

/// The width of `text` on one line at `size` pixels, in the bold face or the regular.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    let Some(face) = &FACES[usize::from(bold)] else {
        return 0.0;
    };
    let shaper = face.data.shaper(&face.font).build();
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let shaped = shaper.shape(buffer, ShapeOptions::new());
    let advance: i64 = shaped
        .glyph_positions()
        .iter()
        .map(|position| i64::from(position.x_advance))
        .sum();
    #[allow(clippy::cast_precision_loss)]
    let em = advance as f32 / face.units_per_em;
    em * size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_and_larger_sizes_measure_wider() {
        let narrow = width("Leading", 40.0, true);
        assert!(narrow > 100.0 && narrow < 250.0, "{narrow}");
        assert!(width("Leading for Innovation", 40.0, true) > narrow);
        assert!((width("Leading", 80.0, true) - 2.0 * narrow).abs() < 0.5);
        assert!(width("Leading", 40.0, false) < narrow);
        assert!(width("", 40.0, true).abs() < f32::EPSILON);
    }
}

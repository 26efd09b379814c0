//! A card's picture as SVG: the site's name at the top (after its logo, if it has one), the
//! title as large as it fits in up to four lines, wrapped between words, and the date and
//! authors (or the site's description) at the foot, in the site's colours.

use quick_xml::escape::escape;

use crate::outputs::cards::fonts::{width, FAMILY};

/// The size of a card: what Open Graph and X show at full width.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const MARGIN: f32 = 80.0;
const TEXT_WIDTH: f32 = 1200.0 - 2.0 * MARGIN;
/// The accent band across the top.
const BAND: f32 = 14.0;
/// The site's name: its baseline and size; the logo's square before it.
const OVER_BASELINE: f32 = 128.0;
const OVER_SIZE: f32 = 36.0;
const LOGO_TOP: f32 = 76.0;
const LOGO_SIDE: f32 = 72.0;
const LOGO_GAP: f32 = 20.0;
/// The title's box, its sizes from the largest and its line height.
const TITLE_TOP: f32 = 176.0;
const TITLE_BOTTOM: f32 = 506.0;
const TITLE_SIZES: [f32; 10] = [76.0, 72.0, 68.0, 64.0, 60.0, 56.0, 52.0, 48.0, 44.0, 40.0];
const LINE_HEIGHT: f32 = 1.2;
/// The foot's baseline and size.
const UNDER_BASELINE: f32 = 568.0;
const UNDER_SIZE: f32 = 30.0;
const ELLIPSIS: &str = "…";

/// What a card says.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CardText {
    /// At the top: the site's name.
    pub over: String,
    pub title: String,
    /// At the foot: the date and the authors, or the site's description.
    pub under: String,
}

/// How a card looks: `#rrggbb` colours, and the logo as a `data:` address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Look {
    pub background: String,
    pub text: String,
    pub accent: String,
    pub logo: Option<String>,
}

/// The title in lines, each with its size: the largest size at which it fits the box, wrapped
/// between words. A title too long at the smallest size ends its last line with "…" after a
/// whole word; a word too wide for a line alone is drawn smaller, on its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Title {
    pub size: f32,
    pub lines: Vec<(String, f32)>,
}

/// The card's SVG. Characters XML cannot hold (control characters, U+FFFE, U+FFFF) are left
/// out of what it shows.
pub fn svg(text: &CardText, look: &Look) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FAMILY}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{bg}\"/>\
         <rect width=\"{WIDTH}\" height=\"{BAND}\" fill=\"{accent}\"/>",
        bg = look.background,
        accent = look.accent,
    );
    let mut over_x = MARGIN;
    if let Some(logo) = &look.logo {
        out.push_str(&format!(
            "<image x=\"{MARGIN}\" y=\"{LOGO_TOP}\" width=\"{LOGO_SIDE}\" height=\"{LOGO_SIDE}\" preserveAspectRatio=\"xMidYMid meet\" href=\"{}\"/>",
            escape(logo.as_str())
        ));
        over_x += LOGO_SIDE + LOGO_GAP;
    }
    let over = one_line(
        &xml_text(&text.over),
        OVER_SIZE,
        true,
        MARGIN + TEXT_WIDTH - over_x,
    );
    out.push_str(&format!(
        "<text x=\"{over_x}\" y=\"{OVER_BASELINE}\" font-size=\"{OVER_SIZE}\" font-weight=\"bold\" fill=\"{}\">{}</text>",
        look.accent,
        escape(over.as_str())
    ));
    let title = fit_title(&xml_text(&text.title));
    let line_height = title.size * LINE_HEIGHT;
    #[allow(clippy::cast_precision_loss)]
    let block = line_height * title.lines.len() as f32;
    // The block centred in the box; a line's baseline sits about 0.8 of its size below its top.
    let mut baseline = TITLE_TOP + (TITLE_BOTTOM - TITLE_TOP - block) / 2.0 + title.size * 0.9;
    out.push_str(&format!(
        "<text font-weight=\"bold\" fill=\"{}\">",
        look.text
    ));
    for (line, size) in &title.lines {
        out.push_str(&format!(
            "<tspan x=\"{MARGIN}\" y=\"{baseline:.1}\" font-size=\"{size:.1}\">{}</tspan>",
            escape(line.as_str())
        ));
        baseline += line_height;
    }
    out.push_str("</text>");
    let under = one_line(&xml_text(&text.under), UNDER_SIZE, false, TEXT_WIDTH);
    out.push_str(&format!(
        "<text x=\"{MARGIN}\" y=\"{UNDER_BASELINE}\" font-size=\"{UNDER_SIZE}\" fill=\"{}\" fill-opacity=\"0.78\">{}</text></svg>",
        look.text,
        escape(under.as_str())
    ));
    out
}

/// `text` with what XML 1.0 forbids as spaces: control characters (a tab or a line break is a
/// space on a card anyway) and the two non-characters.
fn xml_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            c if c.is_control() => ' ',
            '\u{FFFE}' | '\u{FFFF}' => ' ',
            c => c,
        })
        .collect()
}

/// The title's lines and size (see `Title`).
pub fn fit_title(title: &str) -> Title {
    let words: Vec<&str> = title.split_whitespace().collect();
    let lines_at = |size: f32| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let most = ((TITLE_BOTTOM - TITLE_TOP) / (size * LINE_HEIGHT)).floor() as usize;
        most.max(1)
    };
    for size in TITLE_SIZES {
        let lines = wrap(&words, size);
        let fits = lines.len() <= lines_at(size)
            && lines
                .iter()
                .all(|line| width(line, size, true) <= TEXT_WIDTH);
        if fits {
            let lines = lines.into_iter().map(|line| (line, size)).collect();
            return Title { size, lines };
        }
    }
    let size = TITLE_SIZES[TITLE_SIZES.len() - 1];
    let mut lines = wrap(&words, size);
    let most = lines_at(size);
    if lines.len() > most {
        let rest = lines.split_off(most - 1).join(" ");
        lines.push(with_ellipsis(&rest, size, true, TEXT_WIDTH));
    }
    let lines = lines
        .into_iter()
        .map(|line| {
            let wide = width(&line, size, true);
            let own = if wide > TEXT_WIDTH {
                (size * TEXT_WIDTH / wide).floor()
            } else {
                size
            };
            (line, own)
        })
        .collect();
    Title { size, lines }
}

/// `words` in lines no wider than the text at `size`, but for a word wider alone.
fn wrap(words: &[&str], size: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words {
        if line.is_empty() {
            line.push_str(word);
            continue;
        }
        let longer = format!("{line} {word}");
        if width(&longer, size, true) <= TEXT_WIDTH {
            line = longer;
        } else {
            lines.push(std::mem::replace(&mut line, (*word).to_owned()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` on one line of `room` pixels: as it is if it fits, else cut after a word with "…".
fn one_line(text: &str, size: f32, bold: bool, room: f32) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if width(&text, size, bold) <= room {
        return text;
    }
    with_ellipsis(&text, size, bold, room)
}

/// As many of `text`'s words as fit in `room` with "…" after them; a first word too long alone
/// is cut between characters.
fn with_ellipsis(text: &str, size: f32, bold: bool, room: f32) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    for count in (1..=words.len()).rev() {
        let shown = format!("{}{ELLIPSIS}", words[..count].join(" "));
        if width(&shown, size, bold) <= room {
            return shown;
        }
    }
    let mut shown = String::new();
    for character in text.chars() {
        let longer = format!("{shown}{character}{ELLIPSIS}");
        if width(&longer, size, bold) > room {
            break;
        }
        shown.push(character);
    }
    format!("{shown}{ELLIPSIS}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Black on white, a blue accent, no logo.
    fn plain_look() -> Look {
        Look {
            background: "#ffffff".into(),
            text: "#000000".into(),
            accent: "#0000ff".into(),
            logo: None,
        }
    }

    #[test]
    fn a_short_title_is_large_on_one_line() {
        let title = fit_title("Hello");
        assert_eq!(title.size, TITLE_SIZES[0]);
        assert_eq!(title.lines, vec![("Hello".to_owned(), TITLE_SIZES[0])]);
    }

    #[test]
    fn a_long_title_wraps_between_words_and_shrinks_to_fit() {
        let written = "Leading for Innovation: New Solace case studies and interim report on the research project";
        let title = fit_title(written);
        assert!(title.size < TITLE_SIZES[0], "{title:?}");
        assert!(title.lines.len() > 1);
        let joined: Vec<&str> = title.lines.iter().map(|(line, _)| line.as_str()).collect();
        assert_eq!(joined.join(" "), written, "no word is cut or lost");
        for (line, size) in &title.lines {
            assert!(width(line, *size, true) <= TEXT_WIDTH, "{line}");
        }
    }

    #[test]
    fn a_title_too_long_for_the_card_ends_with_an_ellipsis_after_a_whole_word() {
        let written = "word ".repeat(200);
        let title = fit_title(&written);
        let last = &title.lines.last().unwrap().0;
        assert!(last.ends_with("word…"), "{last}");
        assert_eq!(title.size, 40.0);
        #[allow(clippy::cast_precision_loss)]
        let height = title.lines.len() as f32 * title.size * LINE_HEIGHT;
        assert!(height <= TITLE_BOTTOM - TITLE_TOP);
    }

    #[test]
    fn a_word_too_wide_for_a_line_is_drawn_smaller_and_whole() {
        let word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller";
        let title = fit_title(word);
        assert_eq!(title.lines.len(), 1);
        let (line, size) = &title.lines[0];
        assert_eq!(line, word);
        assert!(*size < 40.0);
        assert!(width(line, *size, true) <= TEXT_WIDTH);
    }

    #[test]
    fn the_svg_escapes_what_it_shows() {
        let text = CardText {
            over: "A & B".into(),
            title: "<script> \"quoted\"".into(),
            under: "1 January 2020 · Ann".into(),
        };
        let svg = svg(&text, &plain_look());
        assert!(svg.contains("A &amp; B"));
        assert!(svg.contains("&lt;script&gt; &quot;quoted&quot;"));
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn characters_xml_cannot_hold_are_left_out_and_the_picture_is_drawn() {
        let text = CardText {
            over: "Site\u{1b}".into(),
            title: "Bell\u{7}\u{0}ring \u{FFFF} title\u{9f}".into(),
            under: "\u{FFFE}".into(),
        };
        let svg = svg(&text, &plain_look());
        assert!(svg.contains(">Bell ring title</tspan>"), "{svg}");
        assert!(crate::outputs::cards::draw::draw(&svg).is_ok());
    }
}

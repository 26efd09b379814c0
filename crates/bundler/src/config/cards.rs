//! `[cards]` in `site.toml`: whether posts and pages get a picture card for link previews
//! (`outputs::cards`), and its look: three colours and a logo.
//!
//! ```toml
//! [cards]
//! enabled = true              # false: no cards, and link previews without a picture
//! background = "#fdfdfc"
//! text = "#1d1d1f"
//! accent = "#0b57a4"          # the band at the top and the site's name
//! logo = "static/logo.png"    # PNG, JPEG or SVG in the site folder, drawn before the name
//! ```

use crate::{
    front_matter::fields::Fields,
    front_matter::value::Value,
    problem::{Place, Problem},
};

/// The keys `[cards]` accepts.
const ACCEPTED: &[&str] = &["enabled", "background", "text", "accent", "logo"];

/// How the cards look, and whether there are any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardSettings {
    pub enabled: bool,
    /// Colours as `#rrggbb`.
    pub background: String,
    pub text: String,
    pub accent: String,
    /// The logo's file, relative to the site folder, and where `site.toml` names it.
    pub logo: Option<(String, Place)>,
}

/// The light colours of the site's style sheet (`style/main.css`).
impl Default for CardSettings {
    fn default() -> Self {
        CardSettings {
            enabled: true,
            background: "#fdfdfc".to_owned(),
            text: "#1d1d1f".to_owned(),
            accent: "#0b57a4".to_owned(),
            logo: None,
        }
    }
}

/// The `[cards]` table of `site`'s fields, the defaults for what it leaves out.
pub fn cards(site: &Fields<'_>, problems: &mut Vec<Problem>) -> CardSettings {
    let mut settings = CardSettings::default();
    let Some(node) = site.get("cards") else {
        return settings;
    };
    let Value::Table(table) = &node.value else {
        site.wrong_type("cards", node, "a table", "{ enabled = true }", problems);
        return settings;
    };
    let fields = Fields::new(
        table,
        site.source(),
        Some(node.span.clone()),
        "[cards]",
        ACCEPTED,
        problems,
    );
    if let Some(enabled) = fields.bool("enabled", problems) {
        settings.enabled = enabled;
    }
    for (key, colour) in [
        ("background", &mut settings.background),
        ("text", &mut settings.text),
        ("accent", &mut settings.accent),
    ] {
        let Some((written, span)) = fields.string(key, problems) else {
            continue;
        };
        match hex_colour(&written) {
            Some(hex) => *colour = hex,
            None => problems.push(fields.problem(
                &span,
                format!("{key} {written:?} is not a colour"),
                format!("write it as {key} = \"#1d1d1f\" (or the short \"#222\")"),
            )),
        }
    }
    if let Some((file, span)) = fields.string("logo", problems) {
        let file = file.trim().trim_start_matches("./").to_owned();
        let (line, column) = fields.line_column(&span);
        let place = Place {
            file: site.source().file.to_owned(),
            line,
            column,
        };
        if file.is_empty() || file.starts_with('/') || file.split('/').any(|part| part == "..") {
            problems.push(place.problem(
                format!("the logo {file:?} is not a file in the site folder"),
                "write its path from the site folder, as logo = \"static/logo.png\"",
            ));
        } else {
            settings.logo = Some((file, place));
        }
    }
    settings
}

/// `#rgb` or `#rrggbb`, in any case, as `#rrggbb` in lower case.
fn hex_colour(written: &str) -> Option<String> {
    let digits = written.trim().strip_prefix('#')?;
    if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digits = digits.to_ascii_lowercase();
    match digits.len() {
        6 => Some(format!("#{digits}")),
        3 => Some(digits.chars().fold(String::from("#"), |mut hex, c| {
            hex.push(c);
            hex.push(c);
            hex
        })),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::site::parse;

    const SITE: &str =
        "title = \"T\"\ndescription = \"D\"\nbase_url = \"https://x.org\"\nlanguage = \"en\"\n";

    #[test]
    fn a_site_without_the_table_has_light_cards() {
        assert_eq!(parse(SITE).unwrap().cards, CardSettings::default());
    }

    #[test]
    fn reads_the_colours_the_logo_and_the_switch() {
        let text = format!(
            "{SITE}[cards]\nenabled = false\nbackground = \"#FFF\"\ntext = \"#102030\"\nlogo = \"./static/logo.svg\"\n"
        );
        let cards = parse(&text).unwrap().cards;
        assert!(!cards.enabled);
        assert_eq!(cards.background, "#ffffff");
        assert_eq!(cards.text, "#102030");
        assert_eq!(cards.accent, CardSettings::default().accent);
        let (file, place) = cards.logo.unwrap();
        assert_eq!(file, "static/logo.svg");
        assert_eq!((place.line, place.column), (9, 8));
    }

    #[test]
    fn reports_each_wrong_value_where_it_is() {
        let text = format!(
            "{SITE}[cards]\nbackground = \"blue\"\nlogo = \"../logo.png\"\nenabled = \"yes\"\nsize = 3\n"
        );
        let problems = parse(&text).unwrap_err();
        let shown: Vec<String> = problems
            .iter()
            .map(|p| format!("{}:{} {}", p.line, p.column, p.message))
            .collect();
        assert_eq!(
            shown,
            [
                "9:1 unknown field \"size\" in [cards]",
                "8:11 \"enabled\" must be true or false, not a string",
                "6:14 background \"blue\" is not a colour",
                "7:8 the logo \"../logo.png\" is not a file in the site folder",
            ]
        );
    }
}

//! Social cards: a 1200×630 picture for the link preview of every page without a cover of its
//! own, made at build time. A post's card shows the site's name, the post's title and its date
//! and authors; a page of its own (About), its title and the site's address; every other page
//! (the listings, the archive, search) shares the site's card: its name and description. Each card is named by a hash of everything drawn on it
//! (`data/cards/HASH.png`), so an address never shows another picture, and is kept in the cache
//! folder under that name: a build in which no title, date, author or colour changed draws no
//! card. The page's `image` becomes the card, for `og:image`, `twitter:image` and JSON-LD.
//!
//! `layout` writes a card's SVG, `fonts` holds the shipped fonts and measures text in them,
//! `draw` paints the SVG to a PNG.

mod draw;
mod fonts;
mod layout;

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use base64::Engine;
use folio_content::{pages::PageKind, ImageFacts, Site};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

pub use draw::icon as draw_icon;
pub use layout::{CardText, Look, HEIGHT, WIDTH};

use crate::{
    config::cards::CardSettings,
    markdown::images::{hex, write_atomically, VariantCopy},
    names::CARDS_DIR,
    outputs::site_pages::{Kind, SitePage},
    problem::Problem,
};

/// What the cache names a card after besides what it shows: a change to the layout, the fonts
/// or the encoder must change it, so that every card is drawn again.
const DESIGN: &str = "card-1-dejavu-2.37-rgb-png";

/// The most bytes a card may take: link previews refuse larger pictures on some networks.
pub const MAX_BYTES: usize = 100 * 1024;

/// What the card step did, for the build's summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CardWork {
    /// Different cards the site shows.
    pub cards: usize,
    /// Drawn in this build; the others came from the cache.
    pub drawn: usize,
    pub time: Duration,
}

/// Gives every page of `pages` without an image its card, drawn now or taken from
/// `cache_dir`; the cards to copy into the site (path, cached file) and what was done. Nothing
/// when `settings` turn cards off. A logo that cannot be read is a problem at its field.
pub fn cards(
    site: &Site,
    settings: &CardSettings,
    site_dir: &Path,
    cache_dir: &Path,
    pages: &mut [SitePage],
) -> Result<(Vec<VariantCopy>, CardWork), Vec<Problem>> {
    let started = Instant::now();
    if !settings.enabled {
        return Ok((Vec::new(), CardWork::default()));
    }
    let look = Look {
        background: settings.background.clone(),
        text: settings.text.clone(),
        accent: settings.accent.clone(),
        logo: logo(site_dir, settings)?,
    };
    let mut wanted: BTreeMap<String, CardText> = BTreeMap::new();
    for page in pages.iter_mut().filter(|page| page.image.is_none()) {
        let Some(text) = card_text(site, page) else {
            continue;
        };
        let key = key(&text, &look);
        page.image = Some(ImageFacts(
            format!("/{CARDS_DIR}/{key}.png"),
            WIDTH,
            HEIGHT,
            Vec::new(),
        ));
        wanted.entry(key).or_insert(text);
    }
    let made: Vec<Result<(VariantCopy, bool), String>> = wanted
        .par_iter()
        .map(|(key, text)| {
            let cached = cache_dir.join(format!("{key}.png"));
            let drawn = !is_regular_file(&cached);
            if drawn {
                let png = draw::draw(&layout::svg(text, &look))?;
                fs::create_dir_all(cache_dir)
                    .and_then(|()| write_atomically(&cached, &png))
                    .map_err(|error| format!("cannot write {}: {error}", cached.display()))?;
            }
            Ok(((format!("{CARDS_DIR}/{key}.png"), cached), drawn))
        })
        .collect();
    let mut copies = Vec::with_capacity(made.len());
    let mut drawn = 0;
    for result in made {
        let (copy, was_drawn) = result.map_err(|message| {
            vec![Problem::whole_file(
                crate::names::SITE_FILE,
                format!("a link preview card could not be made: {message}"),
                "check that the cache folder can be written, or set enabled = false under [cards]",
            )]
        })?;
        drawn += usize::from(was_drawn);
        copies.push(copy);
    }
    let work = CardWork {
        cards: copies.len(),
        drawn,
        time: started.elapsed(),
    };
    Ok((copies, work))
}

/// What `page`'s card shows; `None` for pages that have no preview (the not-found page, old
/// addresses).
fn card_text(site: &Site, page: &SitePage) -> Option<CardText> {
    let Kind::Routed(kind) = &page.kind else {
        return None;
    };
    let (title, under) = match kind {
        PageKind::Post(_) => {
            let mut parts: Vec<String> = page.published.iter().map(|date| date.human()).collect();
            let names: Vec<&str> = page.authors.iter().map(|a| a.name.as_str()).collect();
            if !names.is_empty() {
                parts.push(names.join(", "));
            }
            (page.page_title.clone(), parts.join(" · "))
        }
        PageKind::Standalone(_) => (page.page_title.clone(), host(&site.base_url)),
        _ => (None, site.description.clone()),
    };
    Some(CardText {
        over: match title {
            Some(_) => site.title.clone(),
            None => host(&site.base_url),
        },
        title: title.unwrap_or_else(|| site.title.clone()),
        under,
    })
}

/// The host and path of the site's address, as a reader would write it: `blog.example.org`.
fn host(base_url: &str) -> String {
    let rest = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    rest.trim_end_matches('/').to_owned()
}

/// The card's name: a hash of the design, the look and the text.
fn key(text: &CardText, look: &Look) -> String {
    let mut hash = Sha256::new();
    for part in [
        DESIGN,
        &look.background,
        &look.text,
        &look.accent,
        look.logo.as_deref().unwrap_or_default(),
        &text.over,
        &text.title,
        &text.under,
    ] {
        hash.update(part.len().to_le_bytes());
        hash.update(part.as_bytes());
    }
    hex(&hash.finalize()[..8])
}

/// The logo as a `data:` address, if `settings` name one: a PNG, JPEG or SVG file of the site
/// that opens.
fn logo(site_dir: &Path, settings: &CardSettings) -> Result<Option<String>, Vec<Problem>> {
    let Some((file, place)) = &settings.logo else {
        return Ok(None);
    };
    let help = "give the path of a PNG, JPEG or SVG file from the site folder, as logo = \"static/logo.png\"";
    let path: PathBuf = site_dir.join(file);
    let bytes = fs::read(&path).map_err(|error| {
        vec![place.problem(format!("the logo {file:?} cannot be read: {error}"), help)]
    })?;
    let kind = if bytes.starts_with(b"\x89PNG") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if resvg::usvg::Tree::from_data(&bytes, &resvg::usvg::Options::default()).is_ok() {
        Some("image/svg+xml")
    } else {
        None
    };
    let opens = match kind {
        Some("image/svg+xml") => true,
        Some(_) => image::load_from_memory(&bytes).is_ok(),
        None => false,
    };
    match kind.filter(|_| opens) {
        Some(kind) => Ok(Some(format!(
            "data:{kind};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(&bytes)
        ))),
        None => Err(vec![place.problem(
            format!("the logo {file:?} is not a PNG, JPEG or SVG picture that opens"),
            help,
        )]),
    }
}

fn is_regular_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.is_file())
}

#[cfg(test)]
mod tests;

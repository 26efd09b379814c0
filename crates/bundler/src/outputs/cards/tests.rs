use std::path::PathBuf;

use folio_content::{pages::PageKind, Author, Date, Slug};
use image::GenericImageView;

use super::*;
use crate::{config::cards::CardSettings, problem::Place};

fn site() -> Site {
    crate::config::site::parse(
        "title = \"Solace blog\"\ndescription = \"News from Solace.\"\nbase_url = \"https://blog.example.org/\"\nlanguage = \"en\"\n",
    )
    .unwrap()
    .site
}

fn post(site: &Site, slug: &str, title: &str) -> SitePage {
    let mut page = SitePage::routed(site, PageKind::Post(Slug::parse(slug).unwrap()), title);
    page.published = Date::new(2015, 10, 25);
    page.authors = vec![Author {
        name: "Joan Munro".into(),
        role: None,
        slug: Slug::parse("joan-munro").unwrap(),
    }];
    page
}

fn pages(site: &Site) -> Vec<SitePage> {
    vec![
        SitePage::routed(site, PageKind::Home(1), ""),
        post(
            site,
            "leading",
            "Leading for Innovation: New Solace case studies and interim report",
        ),
        post(site, "short", "Hello"),
        SitePage::not_found(site),
    ]
}

#[test]
fn every_page_without_an_image_gets_a_card_that_opens_at_its_size_and_weight() {
    let cache = tempfile::tempdir().unwrap();
    let site = site();
    let mut pages = pages(&site);
    let (copies, work) = cards(
        &site,
        &CardSettings::default(),
        cache.path(),
        cache.path(),
        &mut pages,
    )
    .unwrap();
    assert_eq!((work.cards, work.drawn), (3, 3));
    assert!(
        pages[3].image.is_none(),
        "the not-found page has no preview"
    );
    for page in &pages[..3] {
        let ImageFacts(to, width, height, _) = page.image.clone().unwrap();
        assert!(
            to.starts_with("/data/cards/") && to.ends_with(".png"),
            "{to}"
        );
        assert_eq!((width, height), (1200, 630));
        let (_, cached) = copies
            .iter()
            .find(|(path, _)| format!("/{path}") == to)
            .unwrap();
        let bytes = fs::read(cached).unwrap();
        assert!(bytes.len() <= MAX_BYTES, "{to}: {} bytes", bytes.len());
        let picture = image::load_from_memory(&bytes).unwrap();
        assert_eq!(picture.dimensions(), (1200, 630));
        // The background, the accent band and dark text are all there.
        let rgb = picture.to_rgb8();
        assert_eq!(rgb.get_pixel(1190, 620).0, [0xfd, 0xfd, 0xfc]);
        assert_eq!(rgb.get_pixel(600, 5).0, [0x0b, 0x57, 0xa4]);
        let dark = rgb
            .pixels()
            .filter(|pixel| pixel.0 == [0x1d, 0x1d, 0x1f])
            .count();
        assert!(dark > 2_000, "{to}: {dark} pixels of the text's colour");
    }
    assert_ne!(pages[1].image, pages[2].image, "two titles, two cards");
}

#[test]
fn the_listings_share_the_site_card_and_a_page_of_its_own_has_its_own() {
    let cache = tempfile::tempdir().unwrap();
    let site = site();
    let mut pages = vec![
        SitePage::routed(&site, PageKind::Home(1), ""),
        SitePage::routed(&site, PageKind::Home(2), ""),
        SitePage::routed(&site, PageKind::Tags, ""),
        SitePage::routed(&site, PageKind::Archive, ""),
        SitePage::routed(
            &site,
            PageKind::Standalone(Slug::parse("about").unwrap()),
            "About",
        ),
    ];
    let (_, work) = cards(
        &site,
        &CardSettings::default(),
        cache.path(),
        cache.path(),
        &mut pages,
    )
    .unwrap();
    assert_eq!(work.cards, 2);
    assert!(pages[1..4].iter().all(|page| page.image == pages[0].image));
    assert_ne!(pages[4].image, pages[0].image);
    let home = card_text(&site, &pages[0]).unwrap();
    assert_eq!(
        (home.over.as_str(), home.title.as_str(), home.under.as_str()),
        ("blog.example.org", "Solace blog", "News from Solace.")
    );
    let post = card_text(&site, &post(&site, "leading", "Leading")).unwrap();
    assert_eq!(
        (post.over.as_str(), post.title.as_str(), post.under.as_str()),
        ("Solace blog", "Leading", "25 October 2015 · Joan Munro")
    );
}

#[test]
fn a_second_build_draws_nothing_and_a_changed_title_draws_one() {
    let cache = tempfile::tempdir().unwrap();
    let site = site();
    let settings = CardSettings::default();
    let mut first = pages(&site);
    cards(&site, &settings, cache.path(), cache.path(), &mut first).unwrap();
    let mut again = pages(&site);
    let (_, work) = cards(&site, &settings, cache.path(), cache.path(), &mut again).unwrap();
    assert_eq!((work.cards, work.drawn), (3, 0));
    assert_eq!(first, again);
    let mut changed = pages(&site);
    changed[2] = post(&site, "short", "Hello again");
    let (_, work) = cards(&site, &settings, cache.path(), cache.path(), &mut changed).unwrap();
    assert_eq!((work.cards, work.drawn), (3, 1));
    assert_ne!(first[2].image, changed[2].image);
}

#[test]
fn a_cover_is_kept_and_cards_can_be_turned_off() {
    let cache = tempfile::tempdir().unwrap();
    let site = site();
    let mut pages = pages(&site);
    let cover = ImageFacts("/posts/leading/cover.jpg".into(), 800, 400, Vec::new());
    pages[1].image = Some(cover.clone());
    let (_, work) = cards(
        &site,
        &CardSettings::default(),
        cache.path(),
        cache.path(),
        &mut pages,
    )
    .unwrap();
    assert_eq!(work.cards, 2);
    assert_eq!(pages[1].image, Some(cover));

    let off = CardSettings {
        enabled: false,
        ..CardSettings::default()
    };
    let mut pages = self::pages(&site);
    let (copies, work) = cards(&site, &off, cache.path(), cache.path(), &mut pages).unwrap();
    assert!(copies.is_empty());
    assert_eq!(work, CardWork::default());
    assert!(pages.iter().all(|page| page.image.is_none()));
}

#[test]
fn the_colours_and_the_logo_are_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let logo = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#ff0000\"/></svg>";
    fs::write(dir.path().join("logo.svg"), logo).unwrap();
    let place = Place {
        file: PathBuf::from("site.toml"),
        line: 9,
        column: 8,
    };
    let settings = CardSettings {
        enabled: true,
        background: "#102030".into(),
        text: "#f0f0f0".into(),
        accent: "#00ff00".into(),
        logo: Some(("logo.svg".into(), place)),
    };
    let site = site();
    let mut pages = vec![post(&site, "short", "Hello")];
    let cache = dir.path().join("cache");
    let (copies, _) = cards(&site, &settings, dir.path(), &cache, &mut pages).unwrap();
    let rgb = image::load_from_memory(&fs::read(&copies[0].1).unwrap())
        .unwrap()
        .to_rgb8();
    assert_eq!(rgb.get_pixel(1190, 620).0, [0x10, 0x20, 0x30]);
    assert_eq!(rgb.get_pixel(600, 5).0, [0x00, 0xff, 0x00]);
    assert_eq!(rgb.get_pixel(116, 112).0, [0xff, 0x00, 0x00], "the logo");
}

#[test]
fn a_logo_that_does_not_open_is_a_problem_at_its_field() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("logo.png"), b"not a picture").unwrap();
    let place = Place {
        file: PathBuf::from("site.toml"),
        line: 9,
        column: 8,
    };
    let site = site();
    for file in ["logo.png", "missing.png"] {
        let settings = CardSettings {
            logo: Some((file.into(), place.clone())),
            ..CardSettings::default()
        };
        let problems =
            cards(&site, &settings, dir.path(), dir.path(), &mut pages(&site)).unwrap_err();
        assert_eq!((problems[0].line, problems[0].column), (9, 8));
        assert!(
            problems[0].message.contains(file),
            "{}",
            problems[0].message
        );
    }
}

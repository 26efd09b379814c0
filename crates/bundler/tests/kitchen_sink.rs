//! The kitchen-sink fixture site (`tests/fixtures/sites/kitchen-sink`) as the bundler makes
//! it: the kitchen-sink post's outline, highlighted code and resolved links, and the whole
//! bundle of the post it links to, kept in `tests/fixtures/posts/kitchen-sink.bundle.json` for
//! the end-to-end tests, which serve the fixture in the seed post's place. The file must be
//! what the bundler makes now: `FOLIO_UPDATE_FIXTURES=1 cargo test -p folio-bundler --test
//! kitchen_sink` writes it again.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::{fs, path::Path};

use folio_content::{PostBundle, TokenKind};

const BUNDLE: &str = "tests/fixtures/posts/kitchen-sink.bundle.json";

#[test]
fn the_fixtures_outline_code_and_links_are_what_the_bundler_makes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = support::build(&support::site("kitchen-sink"), false);
    let post: PostBundle = support::document(&output, "data/posts/kitchen-sink.json");
    let earlier: PostBundle = support::document(&output, "data/posts/earlier-post.json");
    let made = serde_json::to_string_pretty(&serde_json::json!({
        "outline": post.body.outline,
        "code": post.body.code,
        "links": post.body.links,
        "images": post.body.images,
        "earlier": earlier,
    }))
    .unwrap()
        + "\n";
    // Five languages highlighted; the unknown language and the fence without one stay plain.
    let highlighted: Vec<bool> = post.body.code.iter().map(Option::is_some).collect();
    assert_eq!(
        highlighted,
        [true, true, true, true, true, true, false, false]
    );
    let kinds = [TokenKind::Keyword, TokenKind::Tag, TokenKind::String].map(|kind| kind as u8);
    for block in post.body.code.iter().flatten() {
        assert!(block.tokens.iter().any(|token| kinds.contains(&token.0)));
    }
    // The links to the other post, to one of its headings, to a heading of a page of its own,
    // and to both images, resolved.
    let resolved: Vec<(&str, &str)> = post
        .body
        .links
        .iter()
        .map(|link| (link.written(), link.to()))
        .collect();
    assert_eq!(
        resolved,
        [
            ("../earlier-post.md", "/posts/earlier-post/"),
            (
                "../earlier-post.md#why-it-matters",
                "/posts/earlier-post/#why-it-matters"
            ),
            (
                "../../pages/about.md#how-it-is-built",
                "/about/#how-it-is-built"
            ),
            ("kitchen-sink.png", "/posts/kitchen-sink/kitchen-sink.png"),
            ("../../static/images/banner.png", "/images/banner.png"),
        ]
    );
    // The image beside the post is measured and has smaller copies; the one from static/ is
    // narrower than the narrowest copy.
    let sizes: Vec<(&str, u32, u32, usize)> = post
        .body
        .images
        .iter()
        .map(|image| (image.0.as_str(), image.1, image.2, image.3.len()))
        .collect();
    assert_eq!(
        sizes,
        [
            ("/posts/kitchen-sink/kitchen-sink.png", 1000, 600, 2),
            ("/images/banner.png", 120, 30, 0)
        ]
    );
    let path = root.join(BUNDLE);
    if std::env::var_os("FOLIO_UPDATE_FIXTURES").is_some() {
        fs::write(&path, &made).unwrap();
    }
    let kept = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == made,
        "{BUNDLE} is not what the bundler makes of the kitchen-sink site: run \
         FOLIO_UPDATE_FIXTURES=1 cargo test -p folio-bundler --test kitchen_sink"
    );
}

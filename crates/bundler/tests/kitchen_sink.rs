//! The kitchen-sink fixture as the bundler makes its bundle: its outline and its highlighted
//! code, kept in `tests/fixtures/posts/kitchen-sink.bundle.json` for the end-to-end tests, which
//! serve the fixture in the seed post's place. The file must be what the bundler makes now:
//! `FOLIO_UPDATE_FIXTURES=1 cargo test -p folio-bundler --test kitchen_sink` writes it again.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::{fs, path::Path};

use folio_content::TokenKind;

const SOURCE: &str = "tests/fixtures/posts/kitchen-sink.md";
const BUNDLE: &str = "tests/fixtures/posts/kitchen-sink.bundle.json";

#[test]
fn the_fixtures_outline_and_code_are_what_the_bundler_makes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bytes = fs::read(root.join(SOURCE)).unwrap();
    let post = folio_bundler::post::parse(Path::new(SOURCE), &bytes, &[]).unwrap();
    let made = serde_json::to_string_pretty(&serde_json::json!({
        "outline": post.outline,
        "code": post.code,
    }))
    .unwrap()
        + "\n";
    // Five languages highlighted; the unknown language and the fence without one stay plain.
    let highlighted: Vec<bool> = post.code.iter().map(Option::is_some).collect();
    assert_eq!(
        highlighted,
        [true, true, true, true, true, true, false, false]
    );
    let kinds = [TokenKind::Keyword, TokenKind::Tag, TokenKind::String].map(|kind| kind as u8);
    for block in post.code.iter().flatten() {
        assert!(block.tokens.iter().any(|token| kinds.contains(&token.0)));
    }
    let path = root.join(BUNDLE);
    if std::env::var_os("FOLIO_UPDATE_FIXTURES").is_some() {
        fs::write(&path, &made).unwrap();
    }
    let kept = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == made,
        "{BUNDLE} is not what the bundler makes of {SOURCE}: run \
         FOLIO_UPDATE_FIXTURES=1 cargo test -p folio-bundler --test kitchen_sink"
    );
}

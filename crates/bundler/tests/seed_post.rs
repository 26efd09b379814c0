//! Bundles the repository's own site and checks the seed post against the text of the page it
//! reproduces, `tests/fixtures/seed/solace-blog-page.txt`, paragraph by paragraph.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use folio_content::{Author, Date, PostBundle, Slug};

const TITLE: &str = "Leading for Innovation: New Solace case studies and interim report";

fn seed_bundle() -> PostBundle {
    let output = common::build_ok(&common::repository(), false);
    let bytes = output
        .files
        .get("data/posts/leading-for-innovation.json")
        .expect("the seed post is bundled");
    serde_json::from_slice(&bytes.contents().unwrap()).unwrap()
}

/// Markdown `[text](target)` reduced to `text`.
fn strip_links(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some((text, target)) = after.split_once("](") else {
            break;
        };
        let Some(close) = target.find(')') else { break };
        out.push_str(&rest[..open]);
        out.push_str(text);
        rest = &target[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The page's paragraphs after the title, through the byline.
fn seed_paragraphs() -> Vec<String> {
    let page = include_str!("../../../tests/fixtures/seed/solace-blog-page.txt");
    let mut lines = page
        .lines()
        .map(str::trim)
        .skip_while(|line| *line != TITLE)
        .skip(1);
    let mut paragraphs = Vec::new();
    for line in lines.by_ref().filter(|line| !line.is_empty()) {
        paragraphs.push(line.to_owned());
        if line.starts_with("By Joan Munro, ") {
            return paragraphs;
        }
    }
    panic!("the seed page has no byline after the title")
}

#[test]
fn the_seed_post_has_its_title_date_and_author() {
    let bundle = seed_bundle();
    assert_eq!(bundle.post.title, TITLE);
    assert_eq!(bundle.post.date, Date::new(2015, 10, 25).unwrap());
    let joan = Author {
        name: "Joan Munro".into(),
        role: Some("Director, Accelerating Innovation in Local Government Research Project".into()),
        slug: Slug::parse("joan-munro").unwrap(),
    };
    assert_eq!(bundle.post.authors, [joan]);
}

#[test]
fn the_seed_post_body_and_call_for_comments_match_the_page_paragraph_for_paragraph() {
    let bundle = seed_bundle();
    let body: Vec<String> = bundle
        .body
        .markdown
        .split("\n\n")
        .map(|p| strip_links(p.trim()))
        .filter(|p| !p.is_empty())
        .collect();
    let mut seed = seed_paragraphs();
    assert_eq!(seed.len(), 12, "{seed:#?}");
    // The page's call for comments ends with "to" and the address. The post keeps the words in
    // `call_for_comments`; the app adds " to " and the contact address from site.toml.
    let call = seed
        .iter()
        .position(|page| page.starts_with("We welcome your comments"))
        .map(|at| seed.remove(at))
        .expect("the seed page has a call for comments");
    let words = bundle
        .call_for_comments
        .expect("the seed post has call_for_comments");
    assert_eq!(format!("{words} to"), call);
    assert_eq!(body, seed);
}

#[test]
fn links_are_reduced_to_their_text() {
    assert_eq!(strip_links("a [b](mailto:c) d [e](f)"), "a b d e");
    assert_eq!(strip_links("no links [here"), "no links [here");
}

//! Awkward but valid posts are accepted: a byte order mark, Windows line endings, a very long
//! post, an empty body, and front matter as Jekyll, Hugo and Zola write it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::{fs, path::Path, time::Instant};

use folio_bundler::post::{parse, Post};
use folio_content::{Date, PostBundle};

fn post(name: &str, text: &[u8]) -> Post {
    parse(Path::new(name), text, &[]).unwrap_or_else(|problems| {
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("{name} should parse, but:\n{}", shown.join("\n"))
    })
}

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings() {
    for text in [
        "\u{feff}+++\r\ntitle = \"BOM\"\r\ndate = 2015-10-25\r\n+++\r\n\r\n# Head\r\n\r\nOne\r\ntwo.\r\n",
        "\u{feff}---\r\ntitle: BOM\r\ndate: 2015-10-25\r\n---\r\n\r\n# Head\r\n\r\nOne\r\ntwo.\r\n",
    ] {
        let post = post("posts/bom.md", text.as_bytes());
        assert_eq!(post.summary.title, "BOM");
        assert_eq!(post.summary.date, day("2015-10-25"));
        assert_eq!(post.body.markdown, "# Head\n\nOne\ntwo.\n");
        assert_eq!(post.summary.summary, "One two.");
        assert_eq!(post.body.outline[0].anchor, "head");
    }
}

#[test]
fn problems_in_a_crlf_file_are_on_the_right_line() {
    let problems = parse(
        Path::new("posts/p.md"),
        b"\xef\xbb\xbf---\r\ntitle: T\r\ndate: nope\r\n---\r\n",
        &[],
    )
    .unwrap_err();
    assert_eq!(
        (
            problems[0].line,
            problems[0].column,
            problems[0].message.as_str()
        ),
        (3, 7, "\"nope\" is not a date")
    );
}

#[test]
fn an_empty_body() {
    for text in [
        "+++\ntitle = \"T\"\ndate = 2015-10-25\n+++",
        "---\ntitle: T\ndate: 2015-10-25\n---\n",
    ] {
        let post = post("posts/empty.md", text.as_bytes());
        assert_eq!(post.body.markdown, "");
        assert_eq!(post.summary.summary, "");
        assert_eq!((post.word_count, post.summary.reading_minutes), (0, 1));
        assert!(post.body.outline.is_empty());
    }
}

#[test]
fn a_ten_megabyte_post() {
    let paragraph =
        "Lorem ipsum dolor sit amet, *consectetur* adipiscing elit, sed do eiusmod.\n\n";
    let mut text = String::from("+++\ntitle = \"Long\"\ndate = 2015-10-25\n+++\n# Start\n\n");
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(paragraph);
    }
    let paragraphs = (text.len() - 50) / paragraph.len();
    let started = Instant::now();
    let post = post("posts/long.md", text.as_bytes());
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
    let words = u32::try_from(paragraphs * 11).unwrap();
    assert!(
        post.word_count.abs_diff(words) <= 11,
        "{} vs {words}",
        post.word_count
    );
    assert_eq!(post.summary.reading_minutes, post.word_count.div_ceil(200));
    assert!(post.summary.summary.starts_with("Lorem ipsum"));
    assert_eq!(post.body.outline.len(), 1);
}

#[test]
fn front_matter_as_other_generators_write_it() {
    // Jekyll: YAML, a date-time with an offset, the date in the file name.
    let jekyll = "---\ntitle: \"Welcome to Jekyll!\"\ndate: 2015-10-25 09:30:00 +0100\nauthor: Joan Munro\ntags: [jekyll, update]\n---\nYou’ll find this post in your `_posts` directory.\n";
    let post1 = post("posts/2015-10-25-welcome.md", jekyll.as_bytes());
    assert_eq!(post1.summary.slug.as_str(), "2015-10-25-welcome");
    assert_eq!(post1.summary.authors[0].slug.as_str(), "joan-munro");
    // Hugo: YAML with an RFC 3339 date, a draft flag and a description.
    let hugo = "---\ntitle: 'My First Post'\ndate: 2015-10-25T09:30:00+01:00\ndraft: true\ndescription: \"Hello\"\n---\nBody.\n";
    let post2 = post("posts/my-first-post.md", hugo.as_bytes());
    assert!(post2.summary.draft);
    assert_eq!(post2.description, "Hello");
    // Zola: TOML with a native date and a slug.
    let zola = "+++\ntitle = \"What is Zola\"\ndate = 2015-10-25\nslug = \"what-is-zola\"\nupdated = 2016-01-01T00:00:00Z\n+++\nBody.\n";
    let post3 = post("posts/index.md", zola.as_bytes());
    assert_eq!(post3.summary.slug.as_str(), "what-is-zola");
    assert_eq!(post3.summary.updated, Some(day("2016-01-01")));
}

#[test]
fn a_site_of_awkward_posts_builds() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        common::site("valid").join("site.toml"),
        dir.path().join("site.toml"),
    )
    .unwrap();
    fs::create_dir(dir.path().join("posts")).unwrap();
    let write =
        |name: &str, text: &str| fs::write(dir.path().join("posts").join(name), text).unwrap();
    write(
        "bom.md",
        "\u{feff}+++\r\ntitle = \"BOM\"\r\ndate = 2015-10-25\r\n+++\r\n",
    );
    write("yaml.md", "---\ntitle: YAML\ndate: 2015-10-26T10:00:00Z\nauthor: [Ada Lovelace, Someone]\n---\n## Ünïcode heading\n\nText.\n");
    let output = common::build_ok(dir.path(), false);
    let bundle: PostBundle =
        serde_json::from_slice(&output.files["data/posts/yaml.json"].contents().unwrap()).unwrap();
    assert_eq!(bundle.post.authors[0].role.as_deref(), Some("Analyst"));
    assert_eq!(bundle.body.outline[0].anchor, "ünïcode-heading");
    assert!(output.files.contains_key("data/posts/bom.json"));
}

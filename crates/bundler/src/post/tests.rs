//! Tests of `post`: what is read, what is derived, what is reported.

use folio_content::Date;

use super::*;

fn joan() -> Vec<Author> {
    vec![Author {
        name: "Joan Munro".into(),
        role: Some("Director".into()),
        slug: Slug::parse("joan-munro").unwrap(),
    }]
}

fn post(name: &str, text: &str) -> Post {
    parse(Path::new(name), text.as_bytes(), &joan()).unwrap()
}

fn messages(name: &str, bytes: &[u8]) -> Vec<String> {
    parse(Path::new(name), bytes, &[])
        .unwrap_err()
        .into_iter()
        .map(|p| p.message)
        .collect()
}

#[test]
fn reads_a_post_and_derives_what_it_omits() {
    let text = "+++\ntitle = \"Hello\"\ndate = 2015-10-25\nauthor = \"Joan Munro\"\ntags = [\"Local Government\"]\n+++\n\nFirst *para*.\n\n## A heading\n\nSecond.\n";
    let post = post("posts/Hello World.md", text);
    let summary = &post.summary;
    assert_eq!(summary.slug.as_str(), "hello-world");
    assert_eq!(summary.title, "Hello");
    assert_eq!(summary.date, Date::new(2015, 10, 25).unwrap());
    assert_eq!(summary.updated, None);
    assert_eq!(summary.authors, joan());
    assert_eq!(summary.summary, "First para.");
    assert_eq!(post.description, "First para.");
    let tag = Tag {
        name: "Local Government".into(),
        slug: Slug::parse("local-government").unwrap(),
    };
    assert_eq!(summary.tags, [tag]);
    assert_eq!((summary.reading_minutes, summary.draft), (1, false));
    assert_eq!(post.word_count, 5);
    let anchors: Vec<_> = post
        .body
        .outline
        .iter()
        .map(|h| (h.level, h.anchor.as_str()))
        .collect();
    assert_eq!(anchors, [(2, "a-heading")]);
    assert_eq!(
        post.body.markdown,
        "First *para*.\n\n## A heading\n\nSecond.\n"
    );
}

#[test]
fn unknown_authors_have_no_role_and_a_slug_of_their_own() {
    let text = "---\ntitle: T\ndate: 2015-10-25\nauthor: [Someone Else, Joan Munro, someone-else]\ntags: [Rust, rust, Go]\nsummary: S\ndescription: D\n---\n";
    let post = post("posts/t.md", text);
    let someone = Author {
        name: "Someone Else".into(),
        role: None,
        slug: Slug::parse("someone-else").unwrap(),
    };
    assert_eq!(post.summary.authors, [someone, joan().remove(0)]);
    let tags: Vec<_> = post.summary.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tags, ["Rust", "Go"]);
    assert_eq!(
        (post.summary.summary.as_str(), post.description.as_str()),
        ("S", "D")
    );
}

#[test]
fn the_text_before_more_is_the_summary_and_the_marker_leaves_the_body() {
    let text =
        "+++\ntitle = \"T\"\ndate = 2015-10-25\n+++\nOne.\n\nTwo.\n\n<!-- more -->\n\nThree.\n";
    let post = post("posts/t.md", text);
    assert_eq!(post.summary.summary, "One. Two.");
    assert_eq!(post.body.markdown, "One.\n\nTwo.\n\n\nThree.\n");
    assert_eq!(post.word_count, 3);
}

#[test]
fn a_slug_field_overrides_the_file_name() {
    let text = "+++\ntitle = \"T\"\ndate = 2015-10-25\nslug = \"chosen\"\n+++\n";
    assert_eq!(post("posts/!!!.md", text).summary.slug.as_str(), "chosen");
}

#[test]
fn reading_time_is_words_over_200_rounded_up() {
    let body = "word ".repeat(401);
    let post = post(
        "posts/t.md",
        &format!("+++\ntitle = \"T\"\ndate = 2015-10-25\n+++\n{body}"),
    );
    assert_eq!((post.word_count, post.summary.reading_minutes), (401, 3));
}

#[test]
fn drafts_and_future_posts_are_not_published_unless_asked() {
    let mut post = post(
        "posts/t.md",
        "+++\ntitle = \"T\"\ndate = 2015-10-25\ndraft = true\n+++\n",
    );
    let day = |text: &str| text.parse::<Date>().unwrap();
    assert!(!is_published(&post, false, day("2020-01-01")));
    assert!(is_published(&post, true, day("2020-01-01")));
    post.summary.draft = false;
    assert!(is_published(&post, false, day("2015-10-25")));
    assert!(!is_published(&post, true, day("2015-10-24")));
}

#[test]
fn reports_a_bad_file_name_with_the_other_problems() {
    assert_eq!(
        messages("posts/!!!.md", b"+++\ndate = 2015-10-25\n+++\n"),
        [
            "the name \"!!!.md\" gives no slug for the post's address",
            "missing required field \"title\" in the front matter"
        ]
    );
}

#[test]
fn names_without_slugs_are_reported() {
    let found = messages(
        "posts/t.md",
        b"+++\ntitle = \"T\"\ndate = 2015-10-25\nauthor = \"!!\"\ntags = [\"ok\", \"??\"]\n+++\n",
    );
    assert_eq!(
        found,
        [
            "\"!!\" in \"author\" gives no slug for the address of an author's page",
            "\"??\" in \"tags\" gives no slug for the address of a tag's page",
        ]
    );
}

#[test]
fn locates_the_first_invalid_byte() {
    let problems = parse(
        Path::new("posts/x.md"),
        b"+++\ntitle = \"caf\xe9\"\n+++\n",
        &[],
    )
    .unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].column), (2, 13));
    assert_eq!(problems[0].message, "the file is not valid UTF-8");
    assert!(
        problems[0].help.contains("0xE9, at byte 16"),
        "{}",
        problems[0].help
    );
}

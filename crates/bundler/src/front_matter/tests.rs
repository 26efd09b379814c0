//! Tests of `front_matter`: both languages, every field, every message.

use super::*;
use crate::sources::split::split;

fn parsed(text: &str) -> Result<FrontMatter, Vec<Problem>> {
    let file = Path::new("p.md");
    split(file, text)
        .map_err(|p| vec![p])
        .and_then(|s| parse(file, text, &s))
}

fn problems(text: &str) -> Vec<String> {
    parsed(text)
        .unwrap_err()
        .iter()
        .map(|p| format!("{}:{} {} | {}", p.line, p.column, p.message, p.help))
        .collect()
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

#[test]
fn reads_all_fields_in_toml() {
    let text = "+++\ntitle = \" T \"\ndate = \"2015-10-25\"\nupdated = 2016-01-02T10:00:00Z\nauthor = \"A\"\ntags = [\"x\", \"local government\"]\nsummary = \"S\"\ndescription = \" D \"\ncall_for_comments = \"Write to us\"\ndraft = true\nslug = \"my-post\"\naliases = [\"/2015/10/old/\", \"old.html\"]\nimage = \"cover.png\"\nseries = \" Building a Compiler \"\nseries_order = 2\nrelated = [\"other.md\"]\n+++\nB";
    let expected = FrontMatter {
        title: "T".into(),
        date: date("2015-10-25"),
        updated: Some(date("2016-01-02")),
        authors: vec!["A".into()],
        tags: vec!["x".into(), "local government".into()],
        summary: Some("S".into()),
        description: Some("D".into()),
        call_for_comments: Some("Write to us".into()),
        draft: true,
        slug: Slug::parse("my-post"),
        aliases: vec![
            Alias {
                path: "/2015/10/old/".into(),
                line: 12,
                column: 12,
            },
            Alias {
                path: "/old.html".into(),
                line: 12,
                column: 29,
            },
        ],
        cover: Some(Target {
            written: "cover.png".into(),
            image: true,
            line: 13,
            column: 9,
        }),
        series: Some(SeriesField {
            name: "Building a Compiler".into(),
            slug: Slug::parse("building-a-compiler").unwrap(),
            order: Some(2),
        }),
        related: vec![Target {
            written: "other.md".into(),
            image: false,
            line: 16,
            column: 12,
        }],
    };
    assert_eq!(parsed(text).unwrap(), expected);
}

#[test]
fn a_series_needs_a_name_and_parts_count_from_one() {
    let problems =
        parsed("+++\ntitle = \"T\"\ndate = 2020-01-01\nseries_order = 2\n+++\n").unwrap_err();
    assert_eq!(
        (problems[0].line, problems[0].column),
        (4, 16),
        "{problems:?}"
    );
    assert!(
        problems[0].message.contains("without \"series\""),
        "{problems:?}"
    );
    let problems =
        parsed("+++\ntitle = \"T\"\ndate = 2020-01-01\nseries = \"S\"\nseries_order = 0\n+++\n")
            .unwrap_err();
    assert_eq!(
        (problems[0].line, problems[0].column),
        (5, 16),
        "{problems:?}"
    );
    let problems =
        parsed("+++\ntitle = \"T\"\ndate = 2020-01-01\nseries = \"!!\"\n+++\n").unwrap_err();
    assert!(problems[0].message.contains("no slug"), "{problems:?}");
}

#[test]
fn related_names_at_most_four_other_posts_each_once() {
    let problems = parsed("+++\ntitle = \"T\"\ndate = 2020-01-01\nrelated = [\"a.md\", \"/posts/b/\", \"a.md\", \"c.md\", \"d.md\"]\n+++\n").unwrap_err();
    let messages: Vec<&str> = problems
        .iter()
        .map(|problem| problem.message.as_str())
        .collect();
    assert_eq!(problems.len(), 3, "{messages:?}");
    assert!(messages[0].contains("names 5 posts"), "{messages:?}");
    assert!(
        messages[1].contains("\"/posts/b/\" in \"related\" is not"),
        "{messages:?}"
    );
    assert!(messages[2].contains("twice"), "{messages:?}");
}

#[test]
fn reads_the_same_fields_in_yaml() {
    let text = "---\ntitle: \" T \"\ndate: 2015-10-25\nupdated: 2016-01-02T10:00:00+01:00\nauthor: [A, B]\ntags:\n  - x\n  - local government\nsummary: S\ndescription: |\n  D\ncall_for_comments: Write to us\ndraft: true\nslug: my-post\n---\nB";
    let fm = parsed(text).unwrap();
    assert_eq!(fm.title, "T");
    assert_eq!(fm.date, date("2015-10-25"));
    assert_eq!(fm.updated, Some(date("2016-01-02")));
    assert_eq!(fm.authors, ["A", "B"]);
    assert_eq!(fm.tags, ["x", "local government"]);
    assert_eq!(fm.description.as_deref(), Some("D"));
    assert_eq!(fm.call_for_comments.as_deref(), Some("Write to us"));
    assert!(fm.draft);
    assert_eq!(fm.slug, Slug::parse("my-post"));
}

#[test]
fn a_cover_that_is_no_file_of_the_site_is_reported_where_it_is_written() {
    for (written, column) in [
        ("https://x.org/a.png", 9),
        ("/images/a.png", 9),
        ("", 9),
        ("#top", 9),
    ] {
        let text = format!("+++\ntitle = \"T\"\ndate = 2015-10-25\nimage = {written:?}\n+++\n");
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let start = format!(
            "4:{column} \"image\" = {written:?} is not an image of the site's own | name a PNG"
        );
        assert!(found[0].starts_with(&start), "{found:#?}");
    }
    let yaml = "---\ntitle: T\ndate: 2015-10-25\nimage: ../static/cover.jpg\n---\n";
    let cover = parsed(yaml).unwrap().cover.unwrap();
    assert_eq!(
        (cover.written.as_str(), cover.line),
        ("../static/cover.jpg", 4)
    );
}

#[test]
fn a_bad_or_repeated_alias_is_reported_where_it_is_written() {
    let text = "+++\ntitle = \"T\"\ndate = 2015-10-25\naliases = [\"/a/\", \"a\", \"https://x.org/b/\", \"/c?d\"]\n+++\n";
    let found = problems(text);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].starts_with("4:19 \"a\" is in \"aliases\" twice"),
        "{found:#?}"
    );
    assert!(found[1].starts_with("4:24 \"https://x.org/b/\" in \"aliases\" is not a path on this site | write the old address's path"), "{found:#?}");
    assert!(found[2].starts_with("4:44 \"/c?d\""), "{found:#?}");
    let yaml = "---\ntitle: T\ndate: 2015-10-25\naliases:\n  - /2015/10/old\n---\n";
    assert_eq!(parsed(yaml).unwrap().aliases[0].path, "/2015/10/old/");
}

#[test]
fn a_time_of_day_is_ignored() {
    for value in [
        "2015-10-25T10:30:00Z",
        "2015-10-25T10:30:00+01:00",
        "\"2015-10-25T23:30:00-05:00\"",
        "2015-10-25T10:30:00",
    ] {
        let text = format!("+++\ntitle = \"T\"\ndate = {value}\n+++\n");
        assert_eq!(parsed(&text).unwrap().date, date("2015-10-25"), "{value}");
    }
    let text = "---\ntitle: T\ndate: 2015-10-25 09:30:00 +0100\n---\n";
    assert_eq!(parsed(text).unwrap().date, date("2015-10-25"));
}

#[test]
fn empty_yaml_values_count_as_absent() {
    let fm = parsed("---\ntitle: T\ndate: 2015-10-25\nsummary:\ntags:\n---\n").unwrap();
    assert_eq!((fm.summary, fm.tags), (None, vec![]));
    assert_eq!(
        problems("---\ntitle:\ndate: 2015-10-25\n---\n"),
        ["2:1 \"title\" is empty | write it as title: \"...\" with some text"]
    );
}

#[test]
fn reports_problems_on_their_real_lines() {
    let text = "+++\n# a comment\ntitle = \"\"\ndate = \"2015-13-45\"\nsubtitle = \"S\"\n+++\n";
    assert_eq!(
        problems(text),
        [
            "5:1 unknown field \"subtitle\" in the front matter | remove it; accepted fields: title, date, updated, author, tags, summary, description, call_for_comments, draft, slug, aliases, image, series, series_order, related",
            "3:9 \"title\" is empty | write it as title = \"...\" with some text",
            "4:8 \"2015-13-45\" is not a date | write it as YYYY-MM-DD, e.g. date = 2015-10-25, or as a date and time such as 2015-10-25T09:30:00Z",
        ]
    );
    assert!(problems("+++\ndate = 10:30:00\n+++\n")[1].starts_with("2:8 10:30:00 is not a date"));
    assert!(problems("+++\ndate = 2015\n+++\n")[1].starts_with("2:8 an integer is not a date"));
}

#[test]
fn yaml_problems_have_the_same_words_with_yaml_examples() {
    let text = "---\ntitle: 1984\ndate: 2015-13-45\ntags: [a, \" \", 3]\ndraft: yes please\nautor: x\n---\n";
    assert_eq!(
        problems(text),
        [
            "6:1 unknown field \"autor\" in the front matter | did you mean \"author\"? accepted fields: title, date, updated, author, tags, summary, description, call_for_comments, draft, slug, aliases, image, series, series_order, related",
            "2:8 \"title\" must be a string, not an integer | write it as title: \"...\"",
            "3:7 \"2015-13-45\" is not a date | write it as YYYY-MM-DD, e.g. date: 2015-10-25, or as a date and time such as 2015-10-25T09:30:00Z",
            "4:11 \"tags\" holds an empty string | remove it or write some text",
            "4:16 \"tags\" must be a list of strings, not an integer | write it as tags: [\"...\", \"...\"]",
            "5:8 \"draft\" must be true or false, not a string | write it as draft: true",
        ]
    );
}

#[test]
fn author_is_a_string_or_a_list_and_tags_a_list() {
    assert_eq!(
        parsed("+++\ntitle = \"T\"\ndate = 2015-10-25\nauthor = [\"A\", \"B\"]\n+++\n")
            .unwrap()
            .authors,
        ["A", "B"]
    );
    assert_eq!(
        problems("+++\ntitle = \"T\"\ndate = 2015-10-25\nauthor = 3\ntags = \"x\"\n+++\n"),
        [
            "4:10 \"author\" must be a string or a list of strings, not an integer | write it as author = [\"...\", \"...\"]",
            "5:8 \"tags\" must be a list of strings, not a string | write it as tags = [\"...\", \"...\"]",
        ]
    );
}

#[test]
fn updated_may_not_come_before_date() {
    assert_eq!(
        problems("+++\ntitle = \"T\"\ndate = 2015-10-25\nupdated = 2015-10-24\n+++\n"),
        ["4:11 \"updated\" (2015-10-24) is before \"date\" (2015-10-25) | give the date of the last change in substance, on or after the post's date, or remove \"updated\""]
    );
}

#[test]
fn a_slug_must_already_be_one() {
    assert_eq!(
        problems("---\ntitle: T\ndate: 2015-10-25\nslug: My Post\n---\n"),
        ["4:7 \"My Post\" is not a valid slug | write it as slug: \"my-post\": lowercase letters and digits joined by single hyphens"]
    );
    assert!(
        problems("+++\ntitle = \"T\"\ndate = 2015-10-25\nslug = \"!!\"\n+++\n")[0]
            .contains("e.g. \"my-first-post\"")
    );
}

#[test]
fn reports_missing_fields_at_the_opening_fence() {
    assert_eq!(
        problems("+++\n+++\n"),
        [
            "1:1 missing required field \"title\" in the front matter | add title = \"...\" to the front matter",
            "1:1 missing required field \"date\" in the front matter | add date = 2015-10-25 to the front matter",
        ]
    );
    assert_eq!(problems("---\n---\n")[1], "1:1 missing required field \"date\" in the front matter | add date: 2015-10-25 to the front matter");
}

#[test]
fn reports_syntax_errors_on_their_real_line() {
    let found = problems("+++\ntitle = \"T\"\ndate = 2015-10-25\ntags = [\"a\",\n+++\n");
    // Line 4 of the file is line 3 of the TOML: the opening "+++" counts.
    assert_eq!(
        found,
        ["4:13 unclosed array, expected `]` | fix the TOML syntax between the \"+++\" lines"]
    );
    let found = problems("---\ntitle: T\ntags: [a, b\n---\n");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("3:7 "), "{found:?}");
    assert!(found[0].contains("fix the YAML syntax"), "{found:?}");
}

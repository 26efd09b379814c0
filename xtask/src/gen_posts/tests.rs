use super::*;

fn texts(count: usize) -> Vec<(PathBuf, String)> {
    generate(count)
        .0
        .into_iter()
        .map(|file| (file.path, file.text))
        .collect()
}

#[test]
fn the_same_count_gives_the_same_files() {
    assert_eq!(texts(40), texts(40));
    // A larger site starts with the posts of a smaller one.
    assert_eq!(texts(40)[..], texts(60)[..41]);
}

#[test]
fn writes_site_toml_and_the_asked_number_of_posts() {
    let (files, counts) = generate(25);
    assert_eq!(files.len(), 26);
    assert_eq!(files[0].path, Path::new("site.toml"));
    assert!(files[0]
        .text
        .contains("base_url = \"https://example.org/\""));
    assert!(files[0].text.contains("[[authors]]"));
    assert_eq!(counts.toml + counts.yaml, 25);
    assert!(files[1..].iter().all(|f| f.path.starts_with("posts")));
    assert!(generate(0).0.len() == 1);
}

#[test]
fn uses_both_front_matter_styles() {
    let (files, counts) = generate(20);
    assert!(counts.toml > 0 && counts.yaml > 0, "{counts:?}");
    let toml = files.iter().filter(|f| f.text.starts_with("+++\n")).count();
    let yaml = files.iter().filter(|f| f.text.starts_with("---\n")).count();
    assert_eq!((toml, yaml), (counts.toml, counts.yaml));
    let yaml_post = files.iter().find(|f| f.text.starts_with("---\n"));
    assert!(yaml_post.is_some_and(|f| f.text.contains("\ndate: 20")));
}

#[test]
fn titles_and_file_names_are_unique() {
    let (files, _) = generate(3000);
    let names: std::collections::HashSet<_> = files.iter().map(|f| f.path.clone()).collect();
    assert_eq!(names.len(), files.len());
    let titles: std::collections::HashSet<_> = files[1..]
        .iter()
        .filter_map(|f| f.text.lines().nth(1).map(str::to_owned))
        .collect();
    assert_eq!(titles.len(), 3000);
}

#[test]
fn posts_have_the_markdown_features_and_varied_length() {
    let (files, counts) = generate(200);
    let all: String = files.iter().map(|f| f.text.as_str()).collect();
    for feature in [
        "\n## ",
        "\n### ",
        "\n- ",
        "\n1. ",
        "\n```rust\n",
        "\n> ",
        "](https://",
        ".md)",
        "](/tags/",
        "|---",
        " *",
        " **",
        " `",
        "summary",
        "draft",
    ] {
        assert!(all.contains(feature), "no {feature:?}");
    }
    let lengths: Vec<usize> = files[1..]
        .iter()
        .map(|f| f.text.split_whitespace().count())
        .collect();
    assert!(lengths.iter().any(|&n| n < 600));
    assert!(lengths.iter().any(|&n| n > 3000));
    assert!(counts.drafts < 20);
}

#[test]
fn dates_are_in_the_past_decade() {
    for file in &generate(300).0[1..] {
        let date = file
            .text
            .lines()
            .find_map(|l| l.strip_prefix("date = ").or(l.strip_prefix("date: ")));
        let year: u32 = date.and_then(|d| d[..4].parse().ok()).unwrap();
        assert!((2016..=2025).contains(&year));
    }
}

#[test]
fn quoting_is_valid_toml() {
    assert_eq!(
        quoted(r#"The "boring" \ choice"#),
        r#""The \"boring\" \\ choice""#
    );
    for file in &generate(100).0 {
        if let Some(rest) = file.text.strip_prefix("+++\n") {
            let front = rest.split("+++\n").next().unwrap();
            front.parse::<toml::Table>().unwrap();
        }
    }
    assert!(generate(0).0[0].text.parse::<toml::Table>().is_ok());
}

#[test]
fn refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    write(3, dir.path(), false).unwrap();
    let error = write(3, dir.path(), false).unwrap_err().to_string();
    assert!(error.contains("--force"), "{error}");
    let (written, _) = write(3, dir.path(), true).unwrap();
    assert_eq!(written.len(), 4);
    assert_eq!(fs::read_dir(dir.path().join("posts")).unwrap().count(), 3);
}

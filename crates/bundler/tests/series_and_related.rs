//! Series, related posts and formulas, as the bundler makes them of the kitchen-sink fixture
//! (a series of three parts and a draft part, posts of birds, a post of formulas), and the
//! problems a site gets for each written wrong, at their places.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod support;

use common::{located, problems};

use std::fs;

use folio_bundler::outputs::site_pages::Kind;
use folio_content::{pages::PageKind, PostBundle, SeriesIndex, SeriesPage, Slug};

fn slugs<'a>(links: impl IntoIterator<Item = &'a Slug>) -> Vec<&'a str> {
    links.into_iter().map(Slug::as_str).collect()
}

#[test]
fn a_series_lists_its_published_parts_in_order() {
    let output = support::build(&support::site("kitchen-sink"), false);
    let page: SeriesPage = support::document(&output, "data/series/building-a-bird-table.json");
    // Parts 1 and 2 by their `series_order`, then the part without one; the draft left out.
    let order = ["bird-table-plans", "bird-table-joints", "bird-table-roof"];
    assert_eq!(slugs(page.posts.iter().map(|post| &post.slug)), order);
    assert_eq!(
        page.name, "Building a Bird Table",
        "the first part's spelling"
    );

    let index: SeriesIndex = support::document(&output, "data/series.json");
    assert_eq!(index.series.len(), 1);
    assert_eq!(
        (
            index.series[0].count,
            index.series[0].latest.to_string().as_str()
        ),
        (3, "2015-11-16")
    );

    for (position, slug) in order.iter().enumerate() {
        let bundle: PostBundle = support::document(&output, &format!("data/posts/{slug}.json"));
        let series = bundle.series.unwrap();
        assert_eq!(slugs(series.parts.iter().map(|part| &part.slug)), order);
        assert_eq!(series.position(&bundle.post.slug), Some(position));
    }
    let other: PostBundle = support::document(&output, "data/posts/garden-birds.json");
    assert_eq!(other.series, None);

    let series_pages: Vec<&str> = output
        .pages
        .iter()
        .filter(|page| {
            matches!(
                &page.kind,
                Kind::Routed(PageKind::SeriesIndex | PageKind::Series(_))
            )
        })
        .map(|page| page.path.as_str())
        .collect();
    assert_eq!(series_pages, ["/series/", "/series/building-a-bird-table/"]);
    // Every part names the series alike, in its structured data too, whatever its own spelling.
    let named: Vec<&str> = output
        .pages
        .iter()
        .filter_map(|page| page.series.as_ref())
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(named, ["Building a Bird Table"; 3]);
    let sitemap = support::text(&output, "sitemap.xml");
    assert!(sitemap.contains("https://kitchen-sink.example.org/series/building-a-bird-table/"));
}

#[test]
fn drafts_join_their_series_only_where_drafts_are_shown() {
    let output = support::build(&support::site("kitchen-sink"), true);
    let page: SeriesPage = support::document(&output, "data/series/building-a-bird-table.json");
    assert_eq!(page.posts.len(), 4);
    let related: PostBundle = support::document(&output, "data/posts/garden-birds.json");
    assert!(
        !slugs(related.related.iter().map(|post| &post.slug)).contains(&"bird-table-painting"),
        "never a draft"
    );
}

#[test]
fn related_posts_are_the_most_alike_never_the_same_series() {
    let output = support::build(&support::site("kitchen-sink"), false);
    let related = |slug: &str| -> Vec<String> {
        let bundle: PostBundle = support::document(&output, &format!("data/posts/{slug}.json"));
        bundle
            .related
            .iter()
            .map(|post| post.slug.to_string())
            .collect()
    };
    // The garden's birds share the bird table's words and the "birds" tag with every part,
    // which come before anything else.
    let garden = related("garden-birds");
    assert!(garden.len() <= 4, "{garden:?}");
    for part in ["bird-table-plans", "bird-table-joints", "bird-table-roof"] {
        assert!(garden[..3].contains(&part.to_owned()), "{garden:?}");
        let theirs = related(part);
        assert_eq!(
            theirs.first().map(String::as_str),
            Some("garden-birds"),
            "{part}: {theirs:?}"
        );
        assert!(
            !theirs.iter().any(|other| other.starts_with("bird-table")),
            "{part}: {theirs:?}"
        );
    }
    // The author's choice stands in for the ranking.
    assert_eq!(related("formulas"), ["earlier-post"]);
    // Built twice, the same.
    let again = support::build(&support::site("kitchen-sink"), false);
    assert_eq!(
        output.files.keys().collect::<Vec<_>>(),
        again.files.keys().collect::<Vec<_>>()
    );
    assert_eq!(support::shown(&output), support::shown(&again));
}

#[test]
fn formulas_travel_as_mathml_and_show_in_the_feed() {
    let output = support::build(&support::site("kitchen-sink"), false);
    let bundle: PostBundle = support::document(&output, "data/posts/formulas.json");
    let math = &bundle.body.math;
    assert_eq!(math.len(), 10, "{math:?}");
    assert!(
        math.iter()
            .all(|mathml| folio_content::render::is_mathml(mathml)),
        "{math:?}"
    );
    assert!(math[0].contains("<mi>π</mi>"), "{}", math[0]);
    assert!(math.iter().any(|mathml| mathml.contains("<mfrac>")));
    assert!(math.iter().any(|mathml| mathml.contains("<mtable")));
    assert!(math.iter().all(|mathml| !mathml.contains(" style=")));
    let feed = support::text(&output, "feed.xml");
    assert!(
        feed.contains("&lt;math display=&quot;block&quot;&gt;&lt;munderover&gt;"),
        "the feed carries the MathML"
    );
    let json_feed = support::text(&output, "feed.json");
    assert!(
        json_feed.contains(r#"<math display=\"block\"><munderover>"#),
        "and the JSON Feed"
    );
}

/// A site of one good post and the post `name` with `text`, in a folder of its own.
fn site_with(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("site.toml"),
        "title = \"T\"\ndescription = \"D\"\nlanguage = \"en\"\nbase_url = \"https://t.example.org/\"\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("posts")).unwrap();
    fs::write(
        dir.path().join("posts/other.md"),
        "+++\ntitle = \"Other\"\ndate = 2020-01-01\n+++\nText.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("posts/later.md"),
        "+++\ntitle = \"Later\"\ndate = 2200-01-01\n+++\nText.\n",
    )
    .unwrap();
    fs::write(dir.path().join("posts").join(name), text).unwrap();
    dir
}

#[test]
fn a_formula_that_does_not_convert_fails_the_build_where_it_is() {
    let text = "+++\ntitle = \"Maths\"\ndate = 2020-01-02\n+++\n\nFine $x$.\n\n<!-- more -->\n\nThen $a + \\foo b$ and\n$\\color{red} y$.\n";
    let dir = site_with("maths.md", text);
    let problems = located(&problems(dir.path()));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("posts/maths.md:10:11: this formula does not convert to MathML:"),
        "{problems:?}"
    );
    assert!(problems[0].contains("\\foo"), "{problems:?}");
    assert!(
        problems[1].starts_with("posts/maths.md:11:2: "),
        "{problems:?}"
    );
    assert!(problems[1].contains("colours"), "{problems:?}");
}

#[test]
fn related_must_name_other_published_posts() {
    let text = "+++\ntitle = \"R\"\ndate = 2020-01-02\nrelated = [\"other.md\", \"nothere.md\", \"later.md\", \"r.md\"]\n+++\nText.\n";
    let dir = site_with("r.md", text);
    let problems = located(&problems(dir.path()));
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0].starts_with("posts/r.md:4:24: there is no post or page posts/nothere.md"),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with("posts/r.md:4:38: posts/later.md is a draft or dated after today"),
        "{problems:?}"
    );
    assert!(
        problems[2]
            .starts_with("posts/r.md:4:50: \"related\" names \"r.md\", which is not another post"),
        "{problems:?}"
    );
}

//! The search index on a fixture corpus (tests/fixtures/sites/search), queried as the app
//! queries it (`folio_content::search::query`): for each query, the post written to answer it
//! comes first, and a match under a heading leads to that heading.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use folio_bundler::Output;
use folio_content::{
    paths,
    search::{
        index::{SearchIndex, SearchPosts, TermShard, POSTS_PER_CHUNK},
        query::Query,
        terms::stemmer,
    },
    FORMAT_VERSION,
};

/// The slugs of the results of `text`, best first, with the anchor each opens at ("" for the
/// top of the post), reading only the parts of the index the query names.
fn search(output: &Output, text: &str) -> Vec<(String, String)> {
    let index: SearchIndex = support::document(output, paths::SEARCH_INDEX);
    assert_eq!(index.format, FORMAT_VERSION);
    let query = Query::parse(&stemmer(), text);
    let shards: Vec<TermShard> = query
        .shards(&index)
        .into_iter()
        .map(|shard| support::document(output, &paths::search_terms(shard)))
        .collect();
    let shards: Vec<&TermShard> = shards.iter().collect();
    query
        .rank(&shards, usize::MAX)
        .hits
        .into_iter()
        .map(|hit| {
            let chunk: SearchPosts =
                support::document(output, &paths::search_posts(hit.post / POSTS_PER_CHUNK));
            let post = &chunk.posts[(hit.post % POSTS_PER_CHUNK) as usize];
            let anchor = match hit.section {
                0 => String::new(),
                section => post.4[section as usize - 1].clone(),
            };
            (post.0.to_string(), anchor)
        })
        .collect()
}

fn first(output: &Output, text: &str) -> String {
    let results = search(output, text);
    assert!(!results.is_empty(), "{text:?} found nothing");
    results[0].0.clone()
}

#[test]
fn the_post_written_for_each_query_comes_first() {
    let output = support::build(&support::site("search"), false);
    for (query, expected, why) in [
        (
            "budget ",
            "council-budgets",
            "a title match outranks a body match",
        ),
        (
            "plan",
            "a-plan",
            "an exact word outranks a longer word it begins",
        ),
        ("council moth ", "moth", "a rare word outranks a common one"),
        ("naive ", "naive-questions", "naive finds naïve"),
        (
            "NAÏVE ",
            "naive-questions",
            "case and diacritics fold in the query too",
        ),
        (
            "政府",
            "chinese",
            "a Chinese word inside a sentence is found",
        ),
        ("planet", "planetarium", "the word being typed is a prefix"),
        (
            "budgeting ",
            "council-budgets",
            "English words are found by their stem",
        ),
    ] {
        assert_eq!(first(&output, query), expected, "{query:?}: {why}");
    }
    // What it outranks is found too, after it.
    for (query, second) in [
        ("budget ", "spending-round"),
        ("plan", "planetarium"),
        ("council moth ", "council-week"),
    ] {
        let results = search(&output, query);
        assert_eq!(
            results.get(1).map(|(slug, _)| slug.as_str()),
            Some(second),
            "{query:?}: {results:?}"
        );
    }
}

#[test]
fn a_match_under_a_heading_opens_the_post_there() {
    let output = support::build(&support::site("search"), false);
    let results = search(&output, "methodology ");
    assert_eq!(results[0], ("method".to_owned(), "methodology".to_owned()));
    let top = search(&output, "introduction ");
    assert_eq!(top[0], ("method".to_owned(), String::new()));
}

#[test]
fn drafts_are_searched_only_when_published() {
    let published = support::build(&support::site("search"), false);
    assert!(search(&published, "zeppelin ").is_empty());
    assert!(search(&published, "the and of ").is_empty());
    let with_drafts = support::build(&support::site("search"), true);
    assert_eq!(first(&with_drafts, "zeppelin "), "unfinished");
}

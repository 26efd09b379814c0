//! The site's series, from its posts' `series` fields: each series' parts in order (those with
//! a `series_order` first, by it; then by date; ties by slug), its page's document
//! (`data/series/<slug>.json`), the index of every series (`data/series.json`), the latest
//! part's series first, and what each part's bundle says of its series.

use std::{cmp::Reverse, collections::BTreeMap};

use folio_content::{
    paths, Date, PostSeries, PostSummary, SeriesCount, SeriesIndex, SeriesPage, Slug,
    FORMAT_VERSION,
};

use crate::{
    outputs::{archive::link, document::Document, listing::count},
    post::Post,
};

/// One series: its name (as its first part writes it), slug, and its parts, as indices of the
/// posts, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub name: String,
    pub slug: Slug,
    pub parts: Vec<usize>,
}

/// Every series of `posts` (the published ones, in any order), the one whose latest part is
/// newest first, ties by slug.
pub fn series_of(posts: &[Post]) -> Vec<Series> {
    let mut by_slug: BTreeMap<&Slug, Vec<usize>> = BTreeMap::new();
    for (index, post) in posts.iter().enumerate() {
        if let Some(series) = &post.series {
            by_slug.entry(&series.slug).or_default().push(index);
        }
    }
    let mut all: Vec<Series> = by_slug
        .into_iter()
        .map(|(slug, mut parts)| {
            parts.sort_by_cached_key(|&index| {
                let post = &posts[index];
                let order = post.series.as_ref().and_then(|series| series.order);
                (
                    order.is_none(),
                    order,
                    post.summary.date,
                    post.summary.slug.clone(),
                )
            });
            let name = parts
                .first()
                .and_then(|&first| posts[first].series.as_ref())
                .map_or_else(|| slug.to_string(), |series| series.name.clone());
            Series {
                name,
                slug: slug.clone(),
                parts,
            }
        })
        .collect();
    all.sort_by_cached_key(|series| (Reverse(latest(series, posts)), series.slug.clone()));
    all
}

/// The date of the series' latest part.
fn latest(series: &Series, posts: &[Post]) -> Option<Date> {
    series
        .parts
        .iter()
        .map(|&index| posts[index].summary.date)
        .max()
}

/// The series' documents: the index of every series, and each series' page.
pub fn series_files(all: &[Series], posts: &[Post]) -> Vec<(String, Document)> {
    let summaries = |series: &Series| -> Vec<PostSummary> {
        series
            .parts
            .iter()
            .map(|&index| posts[index].summary.clone())
            .collect()
    };
    let index = SeriesIndex {
        format: FORMAT_VERSION,
        series: all
            .iter()
            .filter_map(|series| {
                Some(SeriesCount {
                    name: series.name.clone(),
                    slug: series.slug.clone(),
                    count: count(series.parts.len()),
                    latest: latest(series, posts)?,
                })
            })
            .collect(),
    };
    let mut files = vec![(paths::SERIES_INDEX.to_owned(), Document::json(index))];
    files.extend(all.iter().map(|series| {
        let page = SeriesPage {
            format: FORMAT_VERSION,
            name: series.name.clone(),
            slug: series.slug.clone(),
            posts: summaries(series),
        };
        (paths::series(&series.slug), Document::json(page))
    }));
    files
}

/// What each post's bundle says of its series, by the post's index: `None` for a post of none.
pub fn post_series(all: &[Series], posts: &[Post]) -> Vec<Option<PostSeries>> {
    let mut each = vec![None; posts.len()];
    for series in all {
        let shown = PostSeries {
            name: series.name.clone(),
            slug: series.slug.clone(),
            parts: series
                .parts
                .iter()
                .map(|&index| link(&posts[index].summary))
                .collect(),
        };
        for &index in &series.parts {
            if let Some(slot) = each.get_mut(index) {
                *slot = Some(shown.clone());
            }
        }
    }
    each
}

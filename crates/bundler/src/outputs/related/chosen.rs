//! Each published post's related posts as its bundle carries them: those its front matter's
//! `related` names, in that order, or else those the ranking finds (`super::related`).

use folio_content::{pages, PostLink};
use rustc_hash::FxHashMap;

use super::{related, Candidate};
use crate::{outputs::archive::link, post::Post};

/// The related posts of each of `posts` (newest first), from the terms' `postings` of the same
/// posts, in the same order.
pub fn related_posts(posts: &[Post], postings: &[(String, Vec<u32>)]) -> Vec<Vec<PostLink>> {
    let tags: Vec<Vec<&str>> = posts
        .iter()
        .map(|post| {
            post.summary
                .tags
                .iter()
                .map(|tag| tag.slug.as_str())
                .collect()
        })
        .collect();
    let candidates: Vec<Candidate<'_>> = posts
        .iter()
        .zip(&tags)
        .map(|(post, tags)| Candidate {
            tags,
            series: post.series.as_ref().map(|series| series.slug.as_str()),
            draft: post.summary.draft,
        })
        .collect();
    let by_address: FxHashMap<String, &Post> = posts
        .iter()
        .map(|post| (pages::post(&post.summary.slug), post))
        .collect();
    let ranked = match posts.iter().all(|post| !post.related_to.is_empty()) {
        true => vec![Vec::new(); posts.len()],
        false => related(postings, &candidates),
    };
    posts
        .iter()
        .zip(ranked)
        .map(|(post, ranked)| match post.related_to.is_empty() {
            true => ranked
                .into_iter()
                .filter_map(|id| posts.get(id as usize))
                .map(|other| link(&other.summary))
                .collect(),
            // Resolved as links are: each a published post, unless this one is a draft.
            false => post
                .related_to
                .iter()
                .filter_map(|address| by_address.get(address))
                .map(|other| link(&other.summary))
                .collect(),
        })
        .collect()
}

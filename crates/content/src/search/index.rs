//! The search index under `data/search/`, as the bundler writes it and the app reads it, in
//! parts so that a query downloads only what it needs: `index.json` (where each shard of terms
//! begins), the shards of terms (`terms-N.json`) a query's words fall in, and the chunks of
//! posts (`posts-N.json`) its results are in. Each part carries the wire format's version.

use serde::{Deserialize, Serialize};

use crate::{wire::versioned, Date, Slug};

/// How many posts each chunk of `posts-N.json` holds: post `id` is in chunk `id / POSTS_PER_CHUNK`.
pub const POSTS_PER_CHUNK: u32 = 100;

/// `data/search/index.json`, which a search reads first.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SearchIndex {
    pub format: u32,
    /// How many posts are indexed. Their ids run from 0, newest first.
    pub posts: u32,
    /// The first term of each shard, in order: shard `i` holds every term from `shards[i]` up
    /// to, not including, `shards[i + 1]`.
    pub shards: Vec<String>,
}

/// `data/search/terms-N.json`: the terms of one shard, in order, with their postings.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TermShard {
    pub format: u32,
    pub terms: Vec<Postings>,
}

/// A term and the posts it is in: `[term, [gap, impact, section, gap, impact, section, …]]`.
/// `gap` is the post's id less the one before it (the first is its id); `impact` is what the
/// term adds to the post's score, from 1 to `MAX_IMPACT` (BM25F over the post's fields, worked
/// out by the bundler); `section` is where in the post it matters most: 0 for the top, `k` for
/// the part under the post's `k`-th heading.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Postings(pub String, pub Vec<u32>);

/// The largest impact a posting has.
pub const MAX_IMPACT: u32 = 1000;

/// One term's posting in a post, read from `Postings`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    pub post: u32,
    pub impact: u32,
    pub section: u32,
}

impl Postings {
    /// The postings, with the posts' ids added up from their gaps.
    pub fn postings(&self) -> impl Iterator<Item = Posting> + '_ {
        let mut post = 0u32;
        self.1
            .chunks_exact(3)
            .filter_map(move |triple| match *triple {
                [gap, impact, section] => {
                    post = post.saturating_add(gap);
                    Some(Posting {
                        post,
                        impact,
                        section,
                    })
                }
                _ => None,
            })
    }
}

/// `data/search/posts-N.json`: what a result shows of each post of one chunk, in id order.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SearchPosts {
    pub format: u32,
    pub posts: Vec<SearchPost>,
}

/// A post as a result shows it: `[slug, title, date, tags, anchors]`, the anchors being its
/// headings' in order, for a result that opens the post at one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SearchPost(
    pub Slug,
    pub String,
    pub Date,
    pub Vec<String>,
    pub Vec<String>,
);

versioned!(SearchIndex, TermShard, SearchPosts);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_add_up_their_gaps() {
        let postings = Postings("govern".into(), vec![3, 10, 0, 2, 999, 4]);
        let read: Vec<Posting> = postings.postings().collect();
        assert_eq!(
            read,
            [
                Posting {
                    post: 3,
                    impact: 10,
                    section: 0
                },
                Posting {
                    post: 5,
                    impact: 999,
                    section: 4
                },
            ]
        );
    }
}

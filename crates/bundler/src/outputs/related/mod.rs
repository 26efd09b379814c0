//! Each post's related posts, shown at its end: the other posts that share most of its weightiest
//! terms (the search index's postings, so title, tags, headings and body weighed as a search
//! weighs them) and of its tags, newer first on a tie; never itself, a draft or a post of its
//! series.
//!
//! A post's score for another is the sum, over the post's `TERMS` weightiest terms, of the two
//! posts' impacts multiplied, plus `TAG` for each tag slug they share. Whole numbers throughout,
//! so the order of the sums (and so the number of threads) cannot change a result.

mod chosen;

use std::cmp::Reverse;

// Impacts are clamped to the highest a posting has, which keeps every score far below
// `u64::MAX`.
use folio_content::search::index::MAX_IMPACT;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

pub use chosen::related_posts;

/// What the ranking knows of a post besides its terms.
pub struct Candidate<'a> {
    /// The post's tags' slugs.
    pub tags: &'a [&'a str],
    /// The slug of the post's series, if it belongs to one.
    pub series: Option<&'a str>,
    /// A draft is never anybody's related post (it may have related posts of its own).
    pub draft: bool,
}

/// How many related posts a post shows.
pub const RELATED_POSTS: usize = 4;

/// How many of a post's terms look for its related posts: its weightiest. A post's weightiest
/// terms are its title's, headings' and rarest words; past a few dozen, the rest are common
/// words that add time (longer postings) and little else.
const TERMS: usize = 32;

/// What a shared tag adds to a score: as much as a term of half the highest impact in both
/// posts (500 × 500). That is less than one shared rare title word (about 900 × 900), so a
/// title still leads; as much as one distinctive heading or body word; and more than ten
/// shared common body words (of an impact of 150 or less, 150 × 150 each), so posts of one tag
/// come before those that only talk alike. A tag's words are terms too, whose impacts
/// already count how rare the tag is; the bonus is the author's word that the topic is shared.
const TAG: u64 = 500 * 500;

/// The least score that makes a related post: half a shared tag's, or about one distinctive
/// word shared (of an impact near 350 in both posts). Posts that only use the same common words
/// do not relate, and a post like no other shows fewer than `RELATED_POSTS`, or none.
const LEAST: u64 = TAG / 2;

/// The most posts a term may be in and still relate them: a term of more (over 5% of the
/// posts, and at least 64 so that a small blog keeps its terms) has a low impact, so adds
/// little to a score, and the longest postings, so takes most of the time. A tag of more
/// still counts, but is gone through differently (`Relations::of`).
fn most_posts(posts: usize) -> usize {
    (posts / 20).max(64)
}

/// For each of `posts` (newest first; ids are indices), the ids of up to RELATED_POSTS other posts
/// most related to it, best first.
pub fn related(postings: &[(String, Vec<u32>)], posts: &[Candidate<'_>]) -> Vec<Vec<u32>> {
    let count = posts.len();
    let posts_by_term = decode(postings, count);
    let terms_by_post = transpose(&posts_by_term);
    let tags_by_post = tags(posts);
    let posts_by_tag = transpose(&tags_by_post);
    let mut series_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let series = posts
        .iter()
        .map(|post| {
            let next = u32::try_from(series_ids.len()).unwrap_or(u32::MAX);
            post.series
                .map(|slug| *series_ids.entry(slug).or_insert(next))
        })
        .collect();
    let relations = Relations {
        posts_by_term,
        terms_by_post,
        posts_by_tag,
        tags_by_post,
        drafts: posts.iter().map(|post| post.draft).collect(),
        series,
        most: most_posts(count),
    };
    (0..count)
        .into_par_iter()
        .map_init(
            || Scratch {
                scores: vec![0; count],
                touched: Vec::new(),
                terms: Vec::with_capacity(TERMS),
                common: Vec::new(),
            },
            |scratch, post| relations.of(post, scratch),
        )
        .collect()
}

/// Lists numbered from 0, kept end to end: list `i` of pairs whose first number is an id.
#[derive(Default)]
struct Lists<P> {
    /// Where each list ends in `items`.
    ends: Vec<usize>,
    items: Vec<(u32, P)>,
    /// One more than the highest id the lists may hold.
    width: usize,
}

impl<P> Lists<P> {
    /// List `list`, or none if there is no such list.
    fn get(&self, list: usize) -> &[(u32, P)] {
        let start = match list.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(usize::MAX),
            None => 0,
        };
        let end = self.ends.get(list).copied().unwrap_or(0);
        self.items.get(start..end).unwrap_or(&[])
    }

    /// Ends the list being added to.
    fn end(&mut self) {
        self.ends.push(self.items.len());
    }
}

/// Each term's (post, impact), in post order, for the terms of at least 2 posts and at most
/// `most_posts` (drafts count). Postings cut short, of no post of `posts`, or out of increasing
/// order (a post twice) are left out.
fn decode(postings: &[(String, Vec<u32>)], posts: usize) -> Lists<u32> {
    let most = most_posts(posts);
    let mut terms = Lists {
        width: posts,
        ..Lists::default()
    };
    let mut list = Vec::new();
    for (_, numbers) in postings {
        list.clear();
        let (mut id, mut last) = (0u32, None);
        for triple in numbers.chunks_exact(3) {
            if let [gap, impact, _section] = *triple {
                id = id.saturating_add(gap);
                if (id as usize) < posts && last.is_none_or(|last| id > last) {
                    list.push((id, impact.clamp(1, MAX_IMPACT)));
                    last = Some(id);
                }
            }
        }
        if (2..=most).contains(&list.len()) {
            terms.items.extend_from_slice(&list);
            terms.end();
        }
    }
    terms
}

/// Each post's tags, numbered in the order first found, each once.
fn tags(posts: &[Candidate<'_>]) -> Lists<()> {
    let mut numbers: FxHashMap<&str, u32> = FxHashMap::default();
    let mut lists = Lists::default();
    let mut own = Vec::new();
    for post in posts {
        own.clear();
        for slug in post.tags {
            let next = u32::try_from(numbers.len()).unwrap_or(u32::MAX);
            own.push(*numbers.entry(slug).or_insert(next));
        }
        own.sort_unstable();
        own.dedup();
        lists.items.extend(own.iter().map(|tag| (*tag, ())));
        lists.end();
    }
    lists.width = numbers.len();
    lists
}

/// `lists` turned around: for each id they may hold, the lists that hold it, in list order,
/// each with its pair's second number.
fn transpose<P: Copy + Default>(lists: &Lists<P>) -> Lists<P> {
    let ids = lists.width;
    let mut ends = vec![0; ids];
    for (id, _) in &lists.items {
        if let Some(count) = ends.get_mut(*id as usize) {
            *count += 1;
        }
    }
    let mut next = Vec::with_capacity(ids);
    let mut total = 0;
    for end in &mut ends {
        next.push(total);
        total += *end;
        *end = total;
    }
    let mut items = vec![(0, P::default()); total];
    for list in 0..lists.ends.len() {
        let number = u32::try_from(list).unwrap_or(u32::MAX);
        for (id, payload) in lists.get(list) {
            if let Some(at) = next.get_mut(*id as usize) {
                if let Some(slot) = items.get_mut(*at) {
                    *slot = (number, *payload);
                }
                *at += 1;
            }
        }
    }
    Lists {
        ends,
        items,
        width: lists.ends.len(),
    }
}

/// What scores posts against each other.
struct Relations {
    /// Each kept term's (post, impact), in post order.
    posts_by_term: Lists<u32>,
    /// Each post's (kept term, impact), in term order.
    terms_by_post: Lists<u32>,
    /// Each tag's posts, in post order.
    posts_by_tag: Lists<()>,
    /// Each post's tags, numbered, each once, in order.
    tags_by_post: Lists<()>,
    drafts: Vec<bool>,
    /// Each post's series, numbered.
    series: Vec<Option<u32>>,
    /// The most posts a tag may have and be gone through post by post (`most_posts`).
    most: usize,
}

/// One thread's memory for scoring a post, left as found (scores all 0) after each.
struct Scratch {
    /// Each post's score against the post scored; every addition is at least 1, so 0 is "none".
    scores: Vec<u64>,
    /// The posts whose score is no longer 0, each once.
    touched: Vec<u32>,
    /// The post's weightiest (term, impact).
    terms: Vec<(u32, u32)>,
    /// The post's tags of more than `most` posts.
    common: Vec<u32>,
}

/// A candidate's place: higher scores first, then lower ids (newer posts).
type Key = (Reverse<u64>, u32);

impl Relations {
    /// The related posts of `post`, best first.
    fn of(&self, post: usize, scratch: &mut Scratch) -> Vec<u32> {
        let Scratch {
            scores,
            touched,
            terms,
            common,
        } = scratch;
        terms.clear();
        terms.extend_from_slice(self.terms_by_post.get(post));
        if terms.len() > TERMS {
            // Weightiest first, then the first term: the same terms whatever the threads.
            terms.select_nth_unstable_by(TERMS - 1, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            terms.truncate(TERMS);
        }
        let mut add = |other: u32, points: u64| {
            if let Some(score) = scores.get_mut(other as usize) {
                if *score == 0 {
                    touched.push(other);
                }
                *score += points;
            }
        };
        for (term, impact) in terms.iter() {
            for (other, theirs) in self.posts_by_term.get(*term as usize) {
                add(*other, u64::from(*impact) * u64::from(*theirs));
            }
        }
        // A tag of many posts (one on every post, say) would make every post a candidate of
        // every other: its bonus goes to the candidates found otherwise, and its posts are
        // gone through only as far as they can make the list (`share_only_common_tags`).
        common.clear();
        for (tag, ()) in self.tags_by_post.get(post) {
            let holders = self.posts_by_tag.get(*tag as usize);
            if holders.len() > self.most {
                common.push(*tag);
            } else {
                for (other, ()) in holders {
                    add(*other, TAG);
                }
            }
        }
        let mut best: Vec<Key> = Vec::with_capacity(RELATED_POSTS + 1);
        let common_most = TAG * common.len() as u64;
        for other in touched.iter() {
            let Some(score) = scores.get(*other as usize) else {
                continue;
            };
            // Its tags are looked at only if sharing all the common ones could make the list.
            if best
                .get(RELATED_POSTS - 1)
                .is_some_and(|worst| (Reverse(score + common_most), *other) > *worst)
            {
                continue;
            }
            let shared = self
                .tags_by_post
                .get(*other as usize)
                .iter()
                .filter(|(tag, ())| common.contains(tag))
                .count();
            self.offer(
                post,
                &mut best,
                (Reverse(score + TAG * shared as u64), *other),
            );
        }
        if !common.is_empty() {
            self.share_only_common_tags(post, common, scores, &mut best);
        }
        for other in touched.drain(..) {
            if let Some(score) = scores.get_mut(other as usize) {
                *score = 0;
            }
        }
        best.into_iter().map(|(_, other)| other).collect()
    }

    /// Offers the posts that share none of `post`'s terms and rare tags (a score of 0) but
    /// some of its `common` tags, going through those tags' posts together in post order.
    fn share_only_common_tags(
        &self,
        post: usize,
        common: &[u32],
        scores: &[u64],
        best: &mut Vec<Key>,
    ) {
        let mut lists: Vec<&[(u32, ())]> = common
            .iter()
            .map(|tag| self.posts_by_tag.get(*tag as usize))
            .collect();
        let most = TAG * common.len() as u64;
        while let Some(other) = lists
            .iter()
            .filter_map(|list| list.first())
            .map(|(id, ())| *id)
            .min()
        {
            let mut shared = 0;
            for list in &mut lists {
                if let Some(((first, ()), rest)) = list.split_first() {
                    if *first == other {
                        *list = rest;
                        shared += 1;
                    }
                }
            }
            // The posts after score at most `most` and are older: none would make the list.
            if best
                .get(RELATED_POSTS - 1)
                .is_some_and(|worst| (Reverse(most), other) > *worst)
            {
                break;
            }
            if scores.get(other as usize) == Some(&0) {
                self.offer(post, best, (Reverse(TAG * shared), other));
            }
        }
    }

    /// Puts candidate `key` in its place in `best`, if it has one there and may be one of
    /// `post`'s related posts.
    fn offer(&self, post: usize, best: &mut Vec<Key>, key: Key) {
        // Most candidates score below the fourth best so far: one comparison turns them away.
        if best
            .get(RELATED_POSTS - 1)
            .is_some_and(|worst| key > *worst)
        {
            return;
        }
        if key.0 .0 < LEAST {
            return;
        }
        let other = key.1 as usize;
        let draft = self.drafts.get(other).copied().unwrap_or(true);
        let series = self.series.get(post).copied().flatten();
        let same_series = series.is_some() && self.series.get(other).copied().flatten() == series;
        if other == post || draft || same_series {
            return;
        }
        let at = best.partition_point(|better| *better < key);
        if at < RELATED_POSTS {
            best.insert(at, key);
            best.truncate(RELATED_POSTS);
        }
    }
}

#[cfg(test)]
mod tests;

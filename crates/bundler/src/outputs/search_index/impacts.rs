//! How much each term weighs in each post: BM25F over the fields, with a title's word counting
//! ten times a body's, scaled so that the highest impact a term can have in an index of as many
//! posts is `MAX_IMPACT`.
//!
//! What a post's impacts depend on besides the post is kept coarse, so that an edit of one post
//! leaves the others' impacts as they were, and the shards that hold them (a one-line edit at
//! 10,000 posts changed 325 of 422 shards when the scale was the highest impact found, and the
//! fields' average lengths exact): the scale depends only on how many posts there are, and the
//! average lengths are taken to three significant digits, which an edit seldom changes.

use folio_content::search::index::MAX_IMPACT;
use rayon::prelude::*;

use super::terms::{Field, Indexed};

/// The fields of a post, in order, with their weight and how much a longer field's words count
/// for less (BM25's `b`).
const FIELDS: [(Field, f32, f32); 5] = [
    (Field::Title, 10.0, 0.5),
    (Field::Tags, 5.0, 0.5),
    (Field::Headings, 3.0, 0.5),
    (Field::Summary, 2.0, 0.5),
    (Field::Body, 1.0, 0.75),
];

/// BM25's `k1`: how soon more of the same word stops counting.
const K1: f32 = 1.2;

/// A term in a post: the post's id, BM25F's weighted count of the term, and its section.
type Weighed = (u32, f32, u32);

/// Every term's postings, in term order, each list in post order (`indexed`'s, whose terms are
/// numbered in `words`): three numbers a post, the gap from the post before, the impact and the
/// section.
pub fn impacts(indexed: &[&Indexed], words: &[String]) -> Vec<(String, Vec<u32>)> {
    let posts = indexed.len().max(1) as f32;
    let mut total = [0u64; 5];
    for post in indexed {
        for (slot, length) in post.lengths.iter().enumerate() {
            total[slot] += u64::from(*length);
        }
    }
    let average = total.map(|total| coarse(total as f64 / f64::from(posts)));
    // How much each posting weighs in its post (BM25F's weighted count), in post order.
    let weights: Vec<f32> = indexed
        .par_iter()
        .flat_map_iter(|post| {
            let relative = move |slot: usize| match average[slot] {
                average if average > 0.0 => post.lengths[slot] as f32 / average,
                _ => 1.0,
            };
            post.terms.iter().map(move |posting| {
                let mut weighted = 0.0;
                for (slot, (_, weight, b)) in FIELDS.iter().enumerate() {
                    let count = posting.counts[slot] as f32;
                    if count > 0.0 {
                        weighted += weight * count / (1.0 - b + b * relative(slot));
                    }
                }
                weighted
            })
        })
        .collect();
    // Each term's posts, in post order, in one list of all: where each term's start, counted
    // first, then each posting put in its place. A list of its own for each term, grown a
    // posting at a time, took most of the index's time (and memory anew).
    let mut starts = vec![0usize; words.len() + 1];
    for post in indexed {
        for posting in &post.terms {
            if let Some(count) = starts.get_mut(posting.term as usize + 1) {
                *count += 1;
            }
        }
    }
    for term in 1..starts.len() {
        starts[term] += starts[term - 1];
    }
    let mut all: Vec<Weighed> = vec![(0, 0.0, 0); starts[words.len()]];
    let mut next = starts.clone();
    let mut weight = weights.iter();
    for (id, post) in indexed.iter().enumerate() {
        let id = u32::try_from(id).unwrap_or(u32::MAX);
        for posting in &post.terms {
            let weighted = weight.next().copied().unwrap_or_default();
            if let Some(at) = next[..words.len()].get_mut(posting.term as usize) {
                all[*at] = (id, weighted, posting.section);
                *at += 1;
            }
        }
    }
    let mut terms: Vec<(&str, &[Weighed])> = words
        .iter()
        .enumerate()
        .map(|(term, word)| (word.as_str(), &all[starts[term]..starts[term + 1]]))
        .filter(|(_, list)| !list.is_empty())
        .collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    // The score of a term in a post: how rare the term is, times its weighted count saturated.
    let rarity = |found_in: usize| {
        let found_in = found_in as f32;
        (1.0 + (posts - found_in + 0.5) / (found_in + 0.5)).ln()
    };
    let score = |rarity: f32, weighted: f32| rarity * weighted * (K1 + 1.0) / (weighted + K1);
    // A term of one post, weighed past saturation (where the weighted count stops counting,
    // at K1 + 1): no impact is higher.
    let highest = rarity(1) * (K1 + 1.0);
    terms
        .into_par_iter()
        .map(|(term, list)| {
            let mut numbers = Vec::with_capacity(list.len() * 3);
            let mut previous = 0;
            // Once a term: a logarithm a posting took a third of the index's time.
            let rarity = rarity(list.len());
            for (id, weighted, section) in list {
                let scaled = score(rarity, *weighted) / highest * MAX_IMPACT as f32;
                let impact = (scaled.round() as u32).clamp(1, MAX_IMPACT);
                numbers.extend([id - previous, impact, *section]);
                previous = *id;
            }
            (term.to_owned(), numbers)
        })
        .collect()
}

/// `value` to three significant digits.
fn coarse(value: f64) -> f32 {
    if !value.is_normal() || value <= 0.0 {
        return value as f32;
    }
    let step = 10f64.powi(value.log10().floor() as i32 - 2);
    ((value / step).round() * step) as f32
}

#[cfg(test)]
mod coarse_tests {
    use super::coarse;

    #[test]
    fn lengths_are_kept_to_three_digits() {
        assert_eq!(coarse(1234.5), 1230.0);
        assert_eq!(coarse(1235.1), 1240.0);
        assert_eq!(coarse(6.734), 6.73);
        assert_eq!(coarse(0.0), 0.0);
        assert_eq!(coarse(99.96), 100.0);
    }
}

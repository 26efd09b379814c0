//! How much each term weighs in each post: BM25F over the fields, with a title's word counting
//! ten times a body's, scaled so that the highest impact in the index is `MAX_IMPACT`.

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
    let mut average = [0f32; 5];
    for post in indexed {
        for (slot, length) in post.lengths.iter().enumerate() {
            average[slot] += *length as f32 / posts;
        }
    }
    // Each term's posts, in post order: how much it weighs in each (BM25F's weighted count)
    // and where it matters most.
    let weighed: Vec<Vec<(u32, f32, u32)>> = indexed
        .par_iter()
        .map(|post| {
            let relative = |slot: usize| match average[slot] {
                average if average > 0.0 => post.lengths[slot] as f32 / average,
                _ => 1.0,
            };
            post.terms
                .iter()
                .map(|posting| {
                    let mut weighted = 0.0;
                    for (slot, (_, weight, b)) in FIELDS.iter().enumerate() {
                        let count = posting.counts[slot] as f32;
                        if count > 0.0 {
                            weighted += weight * count / (1.0 - b + b * relative(slot));
                        }
                    }
                    (posting.term, weighted, posting.section)
                })
                .collect()
        })
        .collect();
    let mut by_term: Vec<Vec<Weighed>> = vec![Vec::new(); words.len()];
    for (id, terms) in weighed.iter().enumerate() {
        let id = u32::try_from(id).unwrap_or(u32::MAX);
        for &(term, weighted, section) in terms {
            if let Some(list) = by_term.get_mut(term as usize) {
                list.push((id, weighted, section));
            }
        }
    }
    let mut terms: Vec<(&str, Vec<Weighed>)> = words
        .iter()
        .zip(by_term)
        .filter(|(_, list)| !list.is_empty())
        .map(|(word, list)| (word.as_str(), list))
        .collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    // The score of a term in a post: how rare the term is, times its weighted count saturated.
    let score = |found_in: usize, weighted: f32| {
        let found_in = found_in as f32;
        let rarity = (1.0 + (posts - found_in + 0.5) / (found_in + 0.5)).ln();
        rarity * weighted * (K1 + 1.0) / (weighted + K1)
    };
    let highest = terms
        .par_iter()
        .flat_map_iter(|(_, list)| {
            list.iter()
                .map(|(_, weighted, _)| score(list.len(), *weighted))
        })
        .reduce(|| 0.0, f32::max);
    terms
        .into_par_iter()
        .map(|(term, list)| {
            let mut numbers = Vec::with_capacity(list.len() * 3);
            let mut previous = 0;
            for (id, weighted, section) in &list {
                let scaled = score(list.len(), *weighted) / highest * MAX_IMPACT as f32;
                let impact = (scaled.round() as u32).clamp(1, MAX_IMPACT);
                numbers.extend([id - previous, impact, *section]);
                previous = *id;
            }
            (term.to_owned(), numbers)
        })
        .collect()
}

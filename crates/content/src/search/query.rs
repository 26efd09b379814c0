//! A query, read as the index was written (`terms`), and its results ranked from the shards it
//! needs: each word's best posting in a post counts, a prefix of the word being typed counts
//! for less than the whole word, and the posts with the highest sum come first (the newest
//! first among equals).

use std::collections::HashMap;

use rust_stemmers::Stemmer;

use crate::search::{
    index::{SearchIndex, TermShard},
    terms::{fold, is_unspaced, term, words},
};

/// What a match of a longer word counts for, against the whole word: `innov` typed finds
/// `innovation`, below a post with `innov` itself.
const PREFIX_WEIGHT: f32 = 0.5;

/// A prefix needs this many letters before it is looked up, so that one letter does not fetch
/// half the index.
const MIN_PREFIX_CHARS: usize = 2;

/// At most this many shards are read for one prefix.
const MAX_PREFIX_SHARDS: usize = 3;

/// One word of a query: the term it is, and the prefix that may begin longer terms.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Word {
    term: Option<String>,
    prefix: Option<String>,
}

/// A query, read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<Word>,
}

/// A post that matches, with its score and the section (as in `Posting`) it matches best in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub post: u32,
    pub score: f32,
    pub section: u32,
}

impl Query {
    /// `text` as typed: its last word, unless a space follows it, may be the start of a longer
    /// one.
    pub fn parse(stemmer: &Stemmer, text: &str) -> Query {
        let folded = fold(text);
        let typing = folded.chars().last().is_some_and(char::is_alphanumeric);
        let found = words(&folded);
        let last = found.len().saturating_sub(1);
        let words = found
            .iter()
            .enumerate()
            .filter_map(|(index, word)| {
                let term = term(stemmer, word);
                let long_enough = word.chars().count() >= MIN_PREFIX_CHARS;
                let unspaced = word.chars().any(is_unspaced);
                let prefix = (typing && index == last && long_enough && !unspaced)
                    .then(|| common_prefix(word, term.as_deref().unwrap_or(word)));
                (term.is_some() || prefix.is_some()).then_some(Word { term, prefix })
            })
            .collect();
        Query { words }
    }

    /// Whether nothing in it can be searched for.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `word`, a word of a post as written (a run of letters and digits), is one the
    /// query looks for: its term is one of the query's, or it begins with the word being typed.
    pub fn marks(&self, stemmer: &Stemmer, word: &str) -> bool {
        let folded = fold(word);
        let read = term(stemmer, &folded);
        self.words.iter().any(|wanted| {
            wanted.term.is_some() && wanted.term == read
                || wanted
                    .prefix
                    .as_deref()
                    .is_some_and(|prefix| folded.starts_with(prefix))
        })
    }

    /// The query's words in scripts written without spaces (`政府`), which a snippet marks
    /// wherever they stand inside a run of such characters.
    pub fn unspaced_terms(&self) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .filter_map(|word| word.term.as_deref())
            .filter(|term| term.chars().any(is_unspaced))
    }

    /// The shards of `index` that the query's terms and prefixes fall in, in order.
    pub fn shards(&self, index: &SearchIndex) -> Vec<usize> {
        let mut shards = Vec::new();
        for word in &self.words {
            if let Some(term) = &word.term {
                shards.extend(shard_of(index, term));
            }
            if let Some(prefix) = &word.prefix {
                let Some(first) = shard_of(index, prefix) else {
                    continue;
                };
                let more = index.shards[first + 1..]
                    .iter()
                    .take_while(|start| start.starts_with(prefix.as_str()))
                    .count();
                shards.extend(first..=first + more.min(MAX_PREFIX_SHARDS - 1));
            }
        }
        shards.sort_unstable();
        shards.dedup();
        shards
    }

    /// The posts that match, best first, from `shards` (those `shards` names, or more).
    pub fn rank(&self, shards: &[&TermShard]) -> Vec<Hit> {
        let mut totals: HashMap<u32, (f32, f32, u32)> = HashMap::new();
        for word in &self.words {
            // The word's best posting in each post: its score and section.
            let mut best: HashMap<u32, (f32, u32)> = HashMap::new();
            let candidates = shards.iter().flat_map(|shard| &shard.terms);
            for postings in candidates {
                let indexed = postings.0.as_str();
                let weight = if word.term.as_deref() == Some(indexed) {
                    1.0
                } else if word
                    .prefix
                    .as_deref()
                    .is_some_and(|p| indexed.starts_with(p))
                {
                    PREFIX_WEIGHT
                } else {
                    continue;
                };
                for posting in postings.postings() {
                    let score = weight * posting.impact as f32;
                    let entry = best.entry(posting.post).or_insert((0.0, 0));
                    if score > entry.0 {
                        *entry = (score, posting.section);
                    }
                }
            }
            for (post, (score, section)) in best {
                let total = totals.entry(post).or_insert((0.0, 0.0, 0));
                total.0 += score;
                if score > total.1 {
                    (total.1, total.2) = (score, section);
                }
            }
        }
        let mut hits: Vec<Hit> = totals
            .into_iter()
            .map(|(post, (score, _, section))| Hit {
                post,
                score,
                section,
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.post.cmp(&b.post)));
        hits
    }
}

/// The shard whose range holds `term`, if any does.
fn shard_of(index: &SearchIndex, term: &str) -> Option<usize> {
    index
        .shards
        .partition_point(|start| start.as_str() <= term)
        .checked_sub(1)
        .or((!index.shards.is_empty()).then_some(0))
}

/// What `word` and its stem begin with alike: `happi` and `happy` give `happ`, so the prefix
/// finds both spellings.
fn common_prefix(word: &str, stem: &str) -> String {
    word.chars()
        .zip(stem.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{index::Postings, terms::stemmer};

    fn shard(terms: &[(&str, &[u32])]) -> TermShard {
        TermShard {
            format: 0,
            terms: terms
                .iter()
                .map(|(term, postings)| Postings((*term).into(), postings.to_vec()))
                .collect(),
        }
    }

    #[test]
    fn the_word_being_typed_is_also_a_prefix() {
        let stemmer = stemmer();
        let query = Query::parse(&stemmer, "local gov");
        assert_eq!(
            query.words,
            [
                Word {
                    term: Some("local".into()),
                    prefix: None
                },
                Word {
                    term: Some("gov".into()),
                    prefix: Some("gov".into())
                },
            ]
        );
        let done = Query::parse(&stemmer, "Innovations ");
        assert_eq!(
            done.words,
            [Word {
                term: Some("innov".into()),
                prefix: None
            }]
        );
        assert!(Query::parse(&stemmer, "the ").is_empty());
        assert_eq!(
            Query::parse(&stemmer, "the").words[0].prefix.as_deref(),
            Some("the")
        );
    }

    #[test]
    fn the_shards_are_those_of_the_terms_and_of_the_prefix_range() {
        let index = SearchIndex {
            format: 0,
            posts: 9,
            shards: vec![
                "a".into(),
                "gov".into(),
                "gove".into(),
                "govern".into(),
                "h".into(),
            ],
        };
        let stemmer = stemmer();
        assert_eq!(Query::parse(&stemmer, "apple ").shards(&index), [0]);
        assert_eq!(Query::parse(&stemmer, "gov").shards(&index), [1, 2, 3]);
        assert_eq!(Query::parse(&stemmer, "zebra ").shards(&index), [4]);
    }

    #[test]
    fn whole_words_outrank_prefixes_and_the_newest_comes_first_among_equals() {
        let terms = shard(&[
            ("innov", &[1, 100, 2]),
            ("innovix", &[0, 150, 0, 5, 100, 0]),
        ]);
        let stemmer = stemmer();
        let hits = Query::parse(&stemmer, "innov").rank(&[&terms]);
        let order: Vec<(u32, f32, u32)> =
            hits.iter().map(|h| (h.post, h.score, h.section)).collect();
        assert_eq!(order, [(1, 100.0, 2), (0, 75.0, 0), (5, 50.0, 0)]);
    }
}

//! A query, read as the index was written (`terms`), and its results ranked from the shards it
//! needs: each word's best posting in a post counts, a prefix of the word being typed counts
//! for less than the whole word, and the posts with the highest sum come first (the newest
//! first among equals).

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

    /// The `best` posts that match, best first, and how many match, from `shards` (those
    /// `shards` names, or more). Scores are kept in arrays by post id rather than in maps: a
    /// common word is in most of the posts, and this runs on every key typed.
    pub fn rank(&self, shards: &[&TermShard], best: usize) -> Ranked {
        // Each post's total, and its best single score with that score's section.
        let mut totals: Vec<Total> = Vec::new();
        // The current word's best posting in each post, and the posts it has touched.
        let mut word_best: Vec<(f32, u32)> = Vec::new();
        let mut touched: Vec<u32> = Vec::new();
        for word in &self.words {
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
                    let at = posting.post as usize;
                    if at >= word_best.len() {
                        word_best.resize(at + 1, (0.0, 0));
                    }
                    let score = weight * posting.impact as f32;
                    let entry = &mut word_best[at];
                    if entry.0 == 0.0 {
                        touched.push(posting.post);
                    }
                    if score > entry.0 {
                        *entry = (score, posting.section);
                    }
                }
            }
            for post in touched.drain(..) {
                let at = post as usize;
                let (score, section) = std::mem::take(&mut word_best[at]);
                if at >= totals.len() {
                    totals.resize(at + 1, Total::default());
                }
                let total = &mut totals[at];
                total.score += score;
                if score > total.top {
                    (total.top, total.section) = (score, section);
                }
            }
        }
        let mut hits: Vec<Hit> = totals
            .iter()
            .enumerate()
            .filter(|(_, total)| total.score > 0.0)
            .map(|(post, total)| Hit {
                post: post as u32,
                score: total.score,
                section: total.section,
            })
            .collect();
        let total = hits.len();
        let order = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then(a.post.cmp(&b.post));
        if best < hits.len() {
            if best > 0 {
                hits.select_nth_unstable_by(best - 1, order);
            }
            hits.truncate(best);
        }
        hits.sort_unstable_by(order);
        Ranked { total, hits }
    }
}

/// A query's results: how many posts match, and the best of them, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// A post's score so far: the sum of its words' scores, and the highest of them, with the
/// section it is in.
#[derive(Clone, Copy, Debug, Default)]
struct Total {
    score: f32,
    top: f32,
    section: u32,
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
        let query = Query::parse(&stemmer, "innov");
        let ranked = query.rank(&[&terms], 10);
        let order: Vec<(u32, f32, u32)> = ranked
            .hits
            .iter()
            .map(|h| (h.post, h.score, h.section))
            .collect();
        assert_eq!(order, [(1, 100.0, 2), (0, 75.0, 0), (5, 50.0, 0)]);
        assert_eq!(ranked.total, 3);
        let best = query.rank(&[&terms], 2);
        assert_eq!((best.total, best.hits), (3, ranked.hits[..2].to_vec()));
        assert_eq!(query.rank(&[&terms], 0).hits, []);
    }
}

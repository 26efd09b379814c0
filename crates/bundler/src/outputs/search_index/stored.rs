//! The posts' terms for the search index, kept in the cache folder for the next run of the
//! bundler (`records.rs`), as their readings are (`memo`): a post whose text did not change is
//! not read into terms again. The first record is the table of terms, numbered afresh so that
//! it holds only those of the posts kept; each record after is one post's terms.

use std::{collections::HashSet, io, path::Path, sync::Arc};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::{
    terms::{Indexed, Terms},
    Kept, SearchMemo,
};
use crate::records;

/// The file's name in the cache folder.
pub const FILE: &str = "search.readings";

/// What the file holds, and the layout of its records.
const KIND: &str = "search terms 1";

/// One record, as written and read back.
#[derive(Serialize, Deserialize)]
enum Record {
    /// Every term the posts have, by number.
    Words(Vec<String>),
    /// The fingerprint of what a post's terms come from, and its terms.
    Post(String, Indexed),
}

impl SearchMemo {
    /// The terms stored at `path`; none if they cannot be read, or do not hold together.
    pub fn load(path: &Path) -> SearchMemo {
        let kept = records::load(path, KIND)
            .and_then(kept_of)
            .unwrap_or_default();
        SearchMemo(std::sync::Mutex::new(kept))
    }

    /// Writes the terms at `path`, if they changed since they were loaded.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let Ok(mut kept) = self.0.lock() else {
            return Ok(());
        };
        if !std::mem::take(&mut kept.changed) {
            return Ok(());
        }
        // The terms of the posts kept, numbered again in the order of the old numbers.
        let used: HashSet<u32> = kept
            .posts
            .values()
            .flat_map(|indexed| indexed.terms.iter().map(|posting| posting.term))
            .collect();
        let mut renumbered = vec![u32::MAX; kept.terms.words.len()];
        let mut words = Vec::with_capacity(used.len());
        for (old, word) in kept.terms.words.iter().enumerate() {
            if used.contains(&(old as u32)) {
                renumbered[old] = words.len() as u32;
                words.push(word.clone());
            }
        }
        let posts = kept.posts.iter().map(|(key, indexed)| {
            let mut indexed = Indexed::clone(indexed);
            for posting in &mut indexed.terms {
                posting.term = renumbered
                    .get(posting.term as usize)
                    .copied()
                    .unwrap_or(u32::MAX);
            }
            Record::Post(key.clone(), indexed)
        });
        records::save(
            path,
            KIND,
            std::iter::once(Record::Words(words)).chain(posts),
        )
    }

    /// Forgets every post's terms.
    pub fn forget(&self) {
        if let Ok(mut kept) = self.0.lock() {
            *kept = Kept::default();
        }
    }
}

/// The memo's content from its records: the table of terms first, then the posts, whose every
/// term must be in it.
fn kept_of(records: Vec<Record>) -> Option<Kept> {
    let mut records = records.into_iter();
    let Some(Record::Words(words)) = records.next() else {
        return None;
    };
    let terms = Terms::of_words(words);
    if !terms.numbers_each_word_once() {
        return None;
    }
    let count = terms.words.len();
    let mut posts = FxHashMap::default();
    for record in records {
        let Record::Post(key, indexed) = record else {
            return None;
        };
        if indexed
            .terms
            .iter()
            .any(|posting| posting.term as usize >= count)
        {
            return None;
        }
        posts.insert(key, Arc::new(indexed));
    }
    Some(Kept {
        posts,
        terms,
        changed: false,
    })
}

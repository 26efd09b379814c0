//! The posts' terms for the search index, kept in the cache folder for the next run of the
//! bundler (`records.rs`), as their readings are (`memo`): a post whose text did not change is
//! not read into terms again. The first record is the table of terms, numbered afresh so that
//! it holds only those of the posts kept; each record after is one post's terms.

use std::{
    collections::HashSet,
    io,
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
};

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
const KIND: &str = "search terms 3";

/// One record, as written and read back.
#[derive(Serialize, Deserialize)]
enum Record {
    /// Terms, numbered after those of the records before.
    Words(Vec<String>),
    /// The fingerprint of what a post's terms come from, and its terms.
    Post(String, Indexed),
    /// A post's terms, no longer kept.
    Gone(String),
}

/// What changed since the terms were loaded or stored: the posts read into terms anew and
/// those gone, in order, by their fingerprint; and what the file holds.
#[derive(Default)]
pub struct Changes {
    posts: Vec<(String, bool)>,
    /// How many terms the file holds, and records (`None`: it could not be read).
    words: usize,
    records: Option<usize>,
}

impl Changes {
    /// Posts read into terms anew.
    pub fn read(&mut self, keys: impl IntoIterator<Item = String>) {
        self.posts.extend(keys.into_iter().map(|key| (key, true)));
    }

    /// Posts whose terms are no longer kept.
    pub fn gone(&mut self, keys: impl IntoIterator<Item = String>) {
        self.posts.extend(keys.into_iter().map(|key| (key, false)));
    }
}

impl SearchMemo {
    /// The terms stored at `path`; none if they cannot be read, or do not hold together.
    /// Changes from here on are kept track of, and stored there once the next index is made;
    /// then, with `forget`, the terms are forgotten.
    pub fn load(path: &Path, forget: bool) -> SearchMemo {
        let loaded = records::load(path, KIND).and_then(kept_of);
        let records = loaded.as_ref().map(|(_, records)| *records);
        let mut kept = loaded.map(|(kept, _)| kept).unwrap_or_default();
        kept.changes = Some(Changes {
            words: kept.terms.words.len(),
            records,
            ..Changes::default()
        });
        SearchMemo {
            kept: Mutex::new(kept),
            store: Mutex::new(Some((path.to_owned(), forget))),
            outcome: Mutex::new(None),
        }
    }

    /// Stores the terms where they were loaded from, if they were and have not been stored
    /// since; the outcome waits for `stored`.
    pub(super) fn store_once(&self) {
        let Some((path, forget)) = self.store.lock().ok().and_then(|mut store| store.take()) else {
            return;
        };
        let saved = self.save(&path);
        if forget {
            self.forget();
        }
        if let Ok(mut outcome) = self.outcome.lock() {
            *outcome = Some((path, saved));
        }
    }

    /// Where the terms were stored and how that went, once; `None` if they were not.
    pub fn stored(&self) -> Option<(PathBuf, io::Result<()>)> {
        self.outcome
            .lock()
            .ok()
            .and_then(|mut outcome| outcome.take())
    }

    /// Writes the terms at `path`, if they changed since they were loaded: added to the file,
    /// or the file written anew (only the terms still used, numbered again) once it would hold
    /// more than twice the records it needs.
    fn save(&self, path: &Path) -> io::Result<()> {
        let Ok(mut kept) = self.kept.lock() else {
            return Ok(());
        };
        let Some(changes) = kept.changes.take() else {
            return Ok(());
        };
        let new_words = &kept.terms.words[changes.words.min(kept.terms.words.len())..];
        if changes.posts.is_empty() && new_words.is_empty() {
            return Ok(());
        }
        let added = changes.posts.len() + 1;
        if records::worth_appending(changes.records, added, kept.posts.len()) {
            let posts = changes.posts.iter().filter_map(|(key, read)| match read {
                true => {
                    let indexed = kept.posts.get(key)?;
                    Some(Record::Post(key.clone(), Indexed::clone(indexed)))
                }
                false => Some(Record::Gone(key.clone())),
            });
            let records = std::iter::once(Record::Words(new_words.to_vec())).chain(posts);
            if let Ok(true) = records::append(path, KIND, records) {
                return Ok(());
            }
        }
        save_anew(&kept, path)
    }

    /// Forgets every post's terms.
    fn forget(&self) {
        if let Ok(mut kept) = self.kept.lock() {
            *kept = Kept::default();
        }
    }
}

/// Writes the file at `path` anew: the terms the posts kept use, numbered again in the order
/// of their old numbers, and the posts.
fn save_anew(kept: &Kept, path: &Path) -> io::Result<()> {
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

/// The memo's content from its records, in order: terms first, then posts and more terms;
/// every term of a post must be in the table by the end. With how many records there were.
fn kept_of(records: Vec<Record>) -> Option<(Kept, usize)> {
    let count = records.len();
    let mut words = Vec::new();
    let mut posts = FxHashMap::default();
    for record in records {
        match record {
            Record::Words(more) => words.extend(more),
            Record::Post(key, indexed) => {
                posts.insert(key, Arc::new(indexed));
            }
            Record::Gone(key) => {
                posts.remove(&key);
            }
        }
    }
    let terms = Terms::of_words(words);
    let known = terms.words.len();
    let out_of_table = |indexed: &Arc<Indexed>| {
        indexed
            .terms
            .iter()
            .any(|posting| posting.term as usize >= known)
    };
    if !terms.numbers_each_word_once() || posts.values().any(out_of_table) {
        return None;
    }
    let kept = Kept {
        posts,
        terms,
        changes: None,
    };
    Some((kept, count))
}

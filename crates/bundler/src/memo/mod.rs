//! What builds that follow one another in one process (the dev server) keep of the build
//! before:
//!
//! - each post, read and checked: a post whose file and authors did not change is not read,
//!   parsed, highlighted and checked again, but taken as it was, problems included;
//! - each post's terms for the search index (`SearchMemo`), and the JSON documents whose value
//!   did not change (`documents.rs`), not made again;
//! - the output folder the last build published whole, whose ledger the next build into it
//!   can take at its word.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
};

use folio_content::Author;

use crate::{
    outputs::{documents::Remembered, kept_documents::Documents, search_index::SearchMemo},
    post::Post,
    problem::Problem,
    publish::fingerprint,
};
use seen::Seen;

mod seen;

/// What reading one post gave.
type Read = Result<Post, Vec<Problem>>;

/// A post file's last reading: the file as it was seen, the fingerprint of its bytes and the
/// authors, and what reading it gave.
struct Kept {
    seen: Option<Seen>,
    key: String,
    authors_key: String,
    reading: Read,
}

/// Each post file's last reading, and the posts' terms for the search index.
#[derive(Default)]
pub struct Memo {
    posts: Mutex<HashMap<PathBuf, Arc<Kept>>>,
    pub(crate) search: SearchMemo,
    pub(crate) documents: Documents,
    published: Mutex<Option<PathBuf>>,
}

impl Memo {
    /// What a post's reading depends on besides its file: the site's authors, written once a
    /// build.
    pub fn authors_key(authors: &[Author]) -> String {
        format!("{authors:?}")
    }

    /// The reading of the post `file` (at `path`) with the authors of `authors_key`: the kept
    /// one if neither changed since, else `parse` of its bytes (from `bytes`), kept for next
    /// time. A file whose stat shows it unchanged (`Seen`) is not read at all.
    pub fn post(
        &self,
        file: &Path,
        path: &Path,
        authors_key: &str,
        bytes: impl FnOnce() -> Result<Vec<u8>, Vec<Problem>>,
        parse: impl FnOnce(&[u8]) -> Read,
    ) -> Read {
        // Only the look-up holds the lock: the stat and the copy of the post are made outside.
        let kept = |check: &dyn Fn(&Kept) -> bool| -> Option<Read> {
            let kept = Arc::clone(self.posts.lock().ok()?.get(file)?);
            check(&kept).then(|| kept.reading.clone())
        };
        let unchanged = |kept: &Kept| {
            kept.authors_key == authors_key && kept.seen.is_some_and(|seen| seen.unchanged(path))
        };
        if let Some(reading) = kept(&unchanged) {
            return reading;
        }
        let seen = Seen::before_reading(path);
        let bytes = bytes()?;
        let key = fingerprint::of_parts([&bytes[..], authors_key.as_bytes()]);
        let reading = kept(&|kept: &Kept| kept.key == key).unwrap_or_else(|| parse(&bytes));
        if let Ok(mut posts) = self.posts.lock() {
            let kept = Kept {
                seen,
                key,
                authors_key: authors_key.to_owned(),
                reading: reading.clone(),
            };
            posts.insert(file.to_owned(), Arc::new(kept));
        }
        reading
    }

    /// What the documents' stage uses.
    pub(crate) fn remembered(&self) -> Remembered<'_> {
        Remembered {
            search: &self.search,
            documents: &self.documents,
        }
    }

    /// Whether the last build with this memo published into `out_dir`, whole.
    pub(crate) fn published_last(&self, out_dir: &Path) -> bool {
        self.published
            .lock()
            .is_ok_and(|published| published.as_deref() == Some(out_dir))
    }

    /// Records that a build published into `out_dir` whole (`Some`), or is about to write
    /// and may stop halfway (`None`).
    pub(crate) fn set_published(&self, out_dir: Option<&Path>) {
        if let Ok(mut published) = self.published.lock() {
            *published = out_dir.map(Path::to_owned);
        }
    }

    /// Forgets the posts whose files are not among `files` (deleted or renamed).
    pub fn keep_only(&self, files: &[PathBuf]) {
        if let Ok(mut posts) = self.posts.lock() {
            let wanted: std::collections::HashSet<&PathBuf> = files.iter().collect();
            posts.retain(|file, _| wanted.contains(file));
        }
    }
}

//! Posts already read, for builds that follow one another in one process (the dev server): a
//! post whose file and authors did not change since the last build is not parsed, highlighted
//! and checked again, but taken as it was, problems included; nor read into terms for the
//! search index again. And the output folder its last build published whole, which the next
//! build into it can take the ledger's word for.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::Mutex,
};

use folio_content::Author;

use crate::{
    outputs::search_index::SearchMemo, post::Post, problem::Problem, publish::fingerprint,
};

/// What reading one post gave.
type Read = Result<Post, Vec<Problem>>;

/// Each post file's last reading, with the fingerprint of what it was read from, and the posts'
/// terms for the search index.
#[derive(Default)]
pub struct Memo {
    posts: Mutex<HashMap<PathBuf, (String, Read)>>,
    pub(crate) search: SearchMemo,
    published: Mutex<Option<PathBuf>>,
}

impl Memo {
    /// What a post's reading depends on besides its file: the site's authors, written once a
    /// build.
    pub fn authors_key(authors: &[Author]) -> String {
        format!("{authors:?}")
    }

    /// The reading of `file` from `bytes` with the authors of `authors_key`: the kept one if
    /// they are the same as last time, else `read()`, kept for next time.
    pub fn post(
        &self,
        file: &Path,
        bytes: &[u8],
        authors_key: &str,
        read: impl FnOnce() -> Read,
    ) -> Read {
        let key = fingerprint::of_parts([bytes, authors_key.as_bytes()]);
        if let Ok(posts) = self.posts.lock() {
            if let Some((kept, reading)) = posts.get(file) {
                if *kept == key {
                    return reading.clone();
                }
            }
        }
        let reading = read();
        if let Ok(mut posts) = self.posts.lock() {
            posts.insert(file.to_owned(), (key, reading.clone()));
        }
        reading
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

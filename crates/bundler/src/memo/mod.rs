//! What builds keep of the builds before:
//!
//! - each post, read and checked: a post whose file and authors did not change is not read,
//!   parsed, highlighted and checked again, but taken as it was, problems included. These
//!   readings are also kept on disk (`stored.rs`) for the next run of the bundler;
//! - each post's terms for the search index (`SearchMemo`), on disk too;
//! - the output folder the last build published whole, whose ledger the next build into it
//!   can take at its word.

use std::{
    collections::{HashMap, HashSet},
    path::{Path, PathBuf},
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use folio_content::Author;

use crate::{
    outputs::search_index::{SearchMemo, SEARCH_FILE},
    post::Post,
    problem::Problem,
    publish::fingerprint,
    records,
};
use seen::Seen;

mod seen;
mod stored;

/// What reading one post gave.
type Read = Result<Post, Vec<Problem>>;

/// A post file's last reading: the file as it was seen, the fingerprint of its bytes and the
/// authors, and what reading it gave (`None` once a memo of one build gave it to the build).
struct Kept {
    seen: Option<Seen>,
    key: String,
    authors_key: String,
    reading: Option<Read>,
}

/// Each post file's last reading, and the posts' terms for the search index.
#[derive(Default)]
pub struct Memo {
    posts: Mutex<HashMap<PathBuf, Arc<Kept>>>,
    pub(crate) search: SearchMemo,
    published: Mutex<Option<PathBuf>>,
    /// Where the posts' readings are stored: taken by the first build that stores them (the
    /// search memo stores their terms, as soon as the index is made).
    posts_file: Mutex<Option<PathBuf>>,
    /// What changed since the memo was loaded, until its readings are stored.
    changes: Mutex<Option<Changes>>,
    /// How many posts were parsed since a build last asked.
    parsed: AtomicUsize,
    /// How long loading the memo took, until a build takes it into its summary.
    loading: Mutex<Duration>,
    /// For a memo of one build: once stored, the readings and terms are forgotten (the build
    /// holds its own copies).
    one_build: bool,
}

/// The post files read again or forgotten since the readings were loaded, and how many
/// records their file held (`None`: it could not be read): what the next store adds to it, or
/// whether it writes it anew.
#[derive(Default)]
struct Changes {
    read: HashSet<PathBuf>,
    gone: Vec<PathBuf>,
    records: Option<usize>,
}

impl Memo {
    /// The memo of one build in a new process: the readings the last run stored in
    /// `cache_dir`, stored again there once this build has read the posts.
    pub fn for_one_build(cache_dir: &Path) -> Memo {
        Memo::loaded(cache_dir, true)
    }

    /// The memo of builds that follow one another in one process (the dev server): the
    /// readings the last run stored in `cache_dir`, stored again after the first build.
    pub fn for_many_builds(cache_dir: &Path) -> Memo {
        Memo::loaded(cache_dir, false)
    }

    fn loaded(cache_dir: &Path, one_build: bool) -> Memo {
        let started = Instant::now();
        let (posts_file, search_file) = (cache_dir.join(stored::FILE), cache_dir.join(SEARCH_FILE));
        // Each loads in parallel batches, and the two side by side keep both cores busy.
        let ((posts, records), search) = rayon::join(
            || stored::load(&posts_file),
            || SearchMemo::load(&search_file, one_build),
        );
        let posts = posts
            .into_iter()
            .map(|(file, kept)| (file, Arc::new(kept)))
            .collect();
        let changes = Changes {
            records,
            ..Changes::default()
        };
        Memo {
            posts: Mutex::new(posts),
            changes: Mutex::new(Some(changes)),
            search,
            posts_file: Mutex::new(Some(posts_file)),
            one_build,
            loading: Mutex::new(started.elapsed()),
            ..Memo::default()
        }
    }

    /// How many posts were parsed since the last time this was asked.
    pub(crate) fn take_parsed(&self) -> usize {
        self.parsed.swap(0, Ordering::Relaxed)
    }

    /// How long loading the memo took, the first time it is asked; then nothing.
    pub(crate) fn take_loading_time(&self) -> Duration {
        self.loading
            .lock()
            .map(|mut loading| std::mem::take(&mut *loading))
            .unwrap_or_default()
    }

    /// Stores `readings`, those of the build that has just read the posts, where the memo was
    /// loaded from, if this is the first build since and they changed: added to the file, or
    /// the file written anew once it would hold more than twice the records it needs. A
    /// problem says why they could not be stored: the build goes on.
    pub(crate) fn store_posts(&self, readings: &[(PathBuf, Read)]) -> Result<(), Problem> {
        let Some(path) = take(&self.posts_file) else {
            return Ok(());
        };
        let changes = self
            .changes
            .lock()
            .ok()
            .and_then(|mut changes| changes.take());
        let changes = changes.unwrap_or_default();
        let Ok(mut posts) = self.posts.lock() else {
            return Ok(());
        };
        let posts_read = &*posts;
        let added = changes.read.len() + changes.gone.len();
        let live = readings.iter().filter(|(_, read)| read.is_ok()).count();
        let appended = records::worth_appending(changes.records, added, live) && {
            let read = readings
                .iter()
                .filter(|(file, _)| changes.read.contains(file))
                .filter_map(|(file, read)| reading_of(posts_read, file, read))
                .map(stored::Change::Read);
            let gone = changes.gone.iter().map(|file| stored::Change::Gone(file));
            matches!(stored::append(&path, gone.chain(read)), Ok(true))
        };
        let saved = match added == 0 || appended {
            true => Ok(()),
            false => stored::save(
                &path,
                readings
                    .iter()
                    .filter_map(|(file, read)| reading_of(posts_read, file, read)),
            ),
        };
        if self.one_build {
            posts.clear();
        }
        saved.map_err(|error| not_stored(&path, &error))
    }

    /// Says whether the posts' terms for the search index could be stored, once they were.
    pub(crate) fn store_search(&self) -> Result<(), Problem> {
        match self.search.stored() {
            Some((path, Err(error))) => Err(not_stored(&path, &error)),
            _ => Ok(()),
        }
    }

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
            if !check(&kept) {
                return None;
            }
            match self.one_build {
                true => {
                    drop(kept);
                    self.take_reading(file)
                }
                false => kept.reading.clone(),
            }
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
        let reading = kept(&|kept: &Kept| kept.key == key).unwrap_or_else(|| {
            self.parsed.fetch_add(1, Ordering::Relaxed);
            parse(&bytes)
        });
        self.note(|changes| {
            changes.read.insert(file.to_owned());
        });
        if let Ok(mut posts) = self.posts.lock() {
            let kept = Kept {
                seen,
                key,
                authors_key: authors_key.to_owned(),
                reading: (!self.one_build).then(|| reading.clone()),
            };
            posts.insert(file.to_owned(), Arc::new(kept));
        }
        reading
    }

    /// Notes a change for the next store, while one is to come.
    fn note(&self, change: impl FnOnce(&mut Changes)) {
        if let Some(changes) = self.changes.lock().ok().as_mut().and_then(|c| c.as_mut()) {
            change(changes);
        }
    }

    /// The reading of `file` kept, given to the build of a memo of one build rather than
    /// copied: the memo keeps how it was read.
    fn take_reading(&self, file: &Path) -> Option<Read> {
        let mut posts = self.posts.lock().ok()?;
        Arc::get_mut(posts.get_mut(file)?)?.reading.take()
    }

    /// What the documents' stage uses: the posts' terms for the search index.
    pub(crate) fn search(&self) -> &SearchMemo {
        &self.search
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
            let wanted: HashSet<&PathBuf> = files.iter().collect();
            let gone: Vec<PathBuf> = posts
                .keys()
                .filter(|file| !wanted.contains(file))
                .cloned()
                .collect();
            for file in &gone {
                posts.remove(file);
            }
            self.note(|changes| changes.gone.extend(gone));
        }
    }
}

/// `file` as the memo `posts` keeps how it was read, with what the build read (`read`).
fn reading_of<'a>(
    posts: &'a HashMap<PathBuf, Arc<Kept>>,
    file: &'a Path,
    read: &'a Read,
) -> Option<stored::Reading<'a>> {
    Some((file, posts.get(file)?.as_ref(), read.as_ref().ok()))
}

/// What `slot` holds, taken out of it.
fn take(slot: &Mutex<Option<PathBuf>>) -> Option<PathBuf> {
    slot.lock().ok().and_then(|mut slot| slot.take())
}

/// The warning that what a build read could not be kept at `path`.
fn not_stored(path: &Path, error: &std::io::Error) -> Problem {
    Problem::whole_file(
        path,
        format!("cannot keep what this build read for the next one: {error}"),
        "check that the cache folder is writable; until it is, every build reads every post",
    )
}

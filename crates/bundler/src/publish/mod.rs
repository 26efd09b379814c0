//! Puts a build into its output folder, redoing only what changed. Every file of the build is
//! planned with its source: bytes already made, a file to copy, or a page to render with the
//! fingerprint of what it is made from. A file whose fingerprint and stamp match the ledger of
//! the last build (`ledger.rs`) is left as it is, bytes and modification time; any other is made,
//! and written and compressed only if its bytes differ from what is there. Then the output
//! folder holds exactly the planned files and their compressed copies: anything else the build
//! once wrote, or that does not belong there, is removed (hidden entries at the top, such as
//! `.git`, are kept).
//!
//! Nothing in the output changes until every new file is written: they go into a temporary
//! folder inside the output folder first, then each is renamed into place. A failure before
//! that leaves the output as it was. An empty output folder (a build from scratch) is written
//! into directly, and emptied again if the build fails. So is a folder published `in_place`
//! (the dev server's, whose readers wait while it builds): a changed file is written over the
//! old one, which spares making a folder for it in the temporary one, and renaming it.

pub mod collisions;
pub mod compress;
pub mod fingerprint;
mod folders;
pub mod kept_copies;
pub mod ledger;

use std::{
    borrow::Cow,
    collections::{BTreeMap, BTreeSet},
    fs,
    io::{self, Write as _},
    path::{Path, PathBuf},
    sync::atomic::{AtomicU64, AtomicUsize, Ordering},
    time::{Duration, Instant},
};

use indicatif::ProgressBar;
use rayon::prelude::*;

use ledger::{Entry, Ledger, Stamp};

/// The prefix of the temporary folders the bundler makes inside the output folder.
pub const TEMPORARY_PREFIX: &str = ".folio-tmp-";

/// Makes a file's bytes, when they are needed; the error says what went wrong.
pub type Make<'a> = Box<dyn Fn() -> Result<Vec<u8>, String> + Send + Sync + 'a>;

/// One file of the build.
pub struct Planned<'a> {
    /// Its path in the output folder, `/`-separated, e.g. `posts/hello/index.html`.
    pub path: String,
    pub source: Source<'a>,
}

/// Where a planned file's bytes come from.
pub enum Source<'a> {
    /// Bytes already made (the data, the feeds): their fingerprint is their key.
    Bytes(Cow<'a, [u8]>),
    /// A file copied as it is: read every time, its bytes' fingerprint is its key (a size and
    /// a time would miss two edits within the file system's clock tick).
    File(PathBuf),
    /// Bytes made on demand (a page): `key` fingerprints everything they are made from.
    Made { key: u128, make: Make<'a> },
    /// A file of the app, read like `File`, whose compressed copies are kept in `store`
    /// (`kept_copies`): made once for every build with the same app.
    AppFile { file: PathBuf, store: PathBuf },
}

impl<'a> Planned<'a> {
    /// A file of `bytes` at `path`.
    pub fn bytes(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Planned<'a> {
        Planned {
            path: path.into(),
            source: Source::Bytes(Cow::Owned(bytes.into())),
        }
    }
}

/// How to publish.
#[derive(Clone, Debug)]
pub struct PublishOptions {
    /// Write compressed copies beside the text files (`compress::extensions`).
    pub compress: bool,
    /// The ledger of the output folder (`ledger::path_for`).
    pub ledger: PathBuf,
    /// Take the ledger's word for what the output folder holds, without looking: files whose
    /// key did not change are not checked on disk, and what to remove comes from the ledger,
    /// not from a walk of the folder. Only for a folder nothing else writes into, published
    /// by the same process the build before (the dev server after its first build).
    pub trust_ledger: bool,
    /// Write changed files over the old ones rather than through a temporary folder. Only for
    /// a folder nobody reads while it is published (the dev server's): a failure halfway
    /// leaves it part old, part new, until the next build, which checks every file again.
    pub in_place: bool,
}

/// What publishing did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Published {
    /// The files the output holds now, compressed copies left out.
    pub files: usize,
    /// Files whose key changed: pages rendered again, bytes compared with what is there.
    pub made: usize,
    /// Files written because their bytes changed or were missing.
    pub written: usize,
    /// Files compressed (into the copies `compress::extensions` names), the app's files whose
    /// copies were kept from an earlier build (`kept_copies`) left out.
    pub compressed: usize,
    /// Files removed: what the build no longer makes, with its copies.
    pub removed: usize,
    /// Time spent, added up over the threads: making files (rendering pages), compressing and
    /// writing them.
    pub making: Duration,
    pub compressing: Duration,
    pub writing: Duration,
}

impl Published {
    /// Files taken as they were: neither made nor written.
    pub fn reused(&self) -> usize {
        self.files - self.made
    }
}

/// Why the output could not be published.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot make {path}: {message} (this is a bug in folio-bundler; please report it)")]
    Make { path: String, message: String },
    #[error("{} holds files, but no site that Folio built; empty it, or choose another output folder", .0.display())]
    NotOurs(PathBuf),
}

/// Publishes `plan` into `out_dir` (made if missing). `progress` advances by one for every
/// planned file.
pub fn publish(
    plan: Vec<Planned<'_>>,
    out_dir: &Path,
    options: &PublishOptions,
    progress: &ProgressBar,
) -> Result<Published, PublishError> {
    let old = Ledger::load(&options.ledger);
    if old.files.is_empty() && holds_foreign_files(out_dir) {
        return Err(PublishError::NotOurs(out_dir.to_owned()));
    }
    fs::create_dir_all(out_dir).map_err(write_error(out_dir))?;
    // Into an empty folder, files are written where they go: there is nothing to keep whole.
    let fresh = is_empty(out_dir);
    let staging = match fresh {
        true => out_dir.to_owned(),
        false => out_dir.join(format!("{TEMPORARY_PREFIX}{}", std::process::id())),
    };
    if !fresh {
        remove_all(&staging)?;
    }
    let writer = Writer {
        out_dir,
        staging: &staging,
        direct: fresh || options.in_place,
    };
    let counts = Counts::default();
    let settled: Result<Vec<(String, Entry, Vec<String>)>, PublishError> = plan
        .into_par_iter()
        .map(|planned| {
            let result = settle(
                &planned,
                old.files.get(&planned.path),
                &writer,
                options,
                &counts,
            );
            progress.inc(1);
            result.map(|(entry, staged)| (planned.path, entry, staged))
        })
        .collect();
    let settled = match settled {
        Ok(settled) => settled,
        Err(error) => {
            let _ = match fresh {
                true => empty(out_dir),
                false => remove_all(&staging),
            };
            return Err(error);
        }
    };
    if !fresh {
        let staged: Vec<&String> = settled.iter().flat_map(|(_, _, staged)| staged).collect();
        let placed = staged
            .par_iter()
            .try_for_each(|relative| place(out_dir, &staging, relative));
        remove_all(&staging)?;
        placed?;
    }

    let files: BTreeMap<String, Entry> = settled
        .into_iter()
        .map(|(path, entry, _)| (path, entry))
        .collect();
    // The folders' stamps are kept for a build that checks the output folder: one that takes
    // the ledger at its word needs none.
    let folders = folders::planned(&files);
    let (removed, stamps) = match (fresh, options.trust_ledger) {
        (true, _) => (0, folders::stamps(out_dir, &folders)),
        (false, true) => (
            remove_unlisted(out_dir, &old.files, &files, &folders)?,
            BTreeMap::new(),
        ),
        (false, false) => {
            let unlisted = remove_unlisted(out_dir, &old.files, &files, &folders)?;
            let (swept, stamps) = folders::sweep(out_dir, &files, &folders, &old.folders)?;
            (unlisted + swept, stamps)
        }
    };
    let published = Published {
        files: files.len(),
        made: counts.made.load(Ordering::Relaxed),
        written: counts.written.load(Ordering::Relaxed),
        compressed: counts.compressed.load(Ordering::Relaxed),
        removed,
        making: counts.making.total(),
        compressing: counts.compressing.total(),
        writing: counts.writing.total(),
    };
    // A ledger with nothing new stays as it is.
    let ledger = Ledger::new(files, stamps);
    if ledger != old {
        ledger
            .save(&options.ledger)
            .map_err(write_error(&options.ledger))?;
    }
    Ok(published)
}

#[derive(Default)]
struct Counts {
    made: AtomicUsize,
    written: AtomicUsize,
    compressed: AtomicUsize,
    making: Clock,
    compressing: Clock,
    writing: Clock,
}

/// Time added up over the threads.
#[derive(Default)]
struct Clock(AtomicU64);

impl Clock {
    /// Runs `work`, adding the time it took.
    fn time<T>(&self, work: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let result = work();
        let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.0.fetch_add(nanos, Ordering::Relaxed);
        result
    }

    fn total(&self) -> Duration {
        Duration::from_nanos(self.0.load(Ordering::Relaxed))
    }
}

/// Where a build's files are written.
struct Writer<'a> {
    out_dir: &'a Path,
    /// The temporary folder, or the output folder itself when it was empty.
    staging: &'a Path,
    /// Whether files are written where they go, into the output folder.
    direct: bool,
}

impl Writer<'_> {
    /// Writes `bytes` at `relative`: where it goes if the writer is `direct` and that works,
    /// else into the temporary folder (whatever stands in the way is dealt with when it is
    /// moved into place). The stamp the file has, and whether it waits to be moved.
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<(Stamp, bool), PublishError> {
        if self.direct {
            match stage(self.out_dir, relative, bytes) {
                Ok(stamp) => return Ok((stamp, false)),
                Err(error) if self.staging == self.out_dir => return Err(error),
                Err(_) => {}
            }
        }
        let stamp = stage(self.staging, relative, bytes)?;
        Ok((stamp, self.staging != self.out_dir))
    }
}

/// Decides what one planned file needs, and writes what changed: its entry in the new ledger
/// and the paths it left in the temporary folder.
fn settle(
    planned: &Planned<'_>,
    old: Option<&Entry>,
    writer: &Writer<'_>,
    options: &PublishOptions,
    counts: &Counts,
) -> Result<(Entry, Vec<String>), PublishError> {
    let out_dir = writer.out_dir;
    let path = planned.path.as_str();
    // The bytes of a file given or copied are at hand: their fingerprint is the key. A made
    // file's key says what it is made from, and its bytes are made only when needed.
    let (given, key): (Option<Cow<'_, [u8]>>, u128) = match &planned.source {
        Source::Bytes(bytes) => (
            Some(Cow::Borrowed(bytes.as_ref())),
            fingerprint::of_u128(bytes),
        ),
        Source::File(source) | Source::AppFile { file: source, .. } => {
            let bytes = fs::read(source).map_err(|error| PublishError::Read {
                path: source.clone(),
                source: error,
            })?;
            let key = fingerprint::of_u128(&bytes);
            (Some(Cow::Owned(bytes)), key)
        }
        Source::Made { key, .. } => (None, *key),
    };
    let wanted: &[&str] = match options.compress {
        true => compress::extensions(path),
        false => &[],
    };
    let target = out_dir.join(path);
    let trusted = options.trust_ledger;
    let main_intact = |entry: &Entry| trusted || Stamp::of(&target).ok() == Some(entry.stamp);
    let copies_intact = |entry: &Entry| {
        entry.copies.len() == wanted.len()
            && wanted.iter().all(|&extension| {
                entry.copies.get(extension).is_some_and(|&stamp| {
                    trusted || Stamp::of(&beside(&target, extension)).ok() == Some(stamp)
                })
            })
    };
    if let Some(entry) = old.filter(|entry| entry.key == key) {
        // Copies no longer wanted are dropped from the entry, and so removed.
        if main_intact(entry) && (wanted.is_empty() || copies_intact(entry)) {
            let copies = match wanted.is_empty() {
                true => BTreeMap::new(),
                false => entry.copies.clone(),
            };
            return Ok((
                Entry {
                    copies,
                    ..entry.clone()
                },
                Vec::new(),
            ));
        }
    }

    counts.made.fetch_add(1, Ordering::Relaxed);
    let (bytes, hash) = match (given, &planned.source) {
        (Some(bytes), _) => (bytes, key),
        (None, Source::Made { make, .. }) => {
            let bytes = counts
                .making
                .time(make)
                .map_err(|message| PublishError::Make {
                    path: path.to_owned(),
                    message,
                })?;
            let hash = fingerprint::of_u128(&bytes);
            (Cow::Owned(bytes), hash)
        }
        (None, _) => (Cow::Borrowed(&[][..]), key),
    };
    let bytes = bytes.as_ref();
    let same = old.filter(|entry| entry.bytes == hash && main_intact(entry));
    let mut staged = Vec::new();
    let stamp = match same {
        Some(entry) => entry.stamp,
        None => {
            counts.written.fetch_add(1, Ordering::Relaxed);
            let (stamp, waits) = counts.writing.time(|| writer.write(path, bytes))?;
            if waits {
                staged.push(path.to_owned());
            }
            stamp
        }
    };
    let kept_copies = same
        .filter(|entry| copies_intact(entry))
        .map(|entry| entry.copies.clone());
    let copies = match kept_copies {
        Some(copies) => copies,
        None if wanted.is_empty() => BTreeMap::new(),
        None => {
            let compressed = counts.compressing.time(|| match &planned.source {
                Source::AppFile { store, .. } => {
                    kept_copies::copies(store, path, &fingerprint::hex(hash), bytes)
                }
                _ => compress::compress(path, bytes).map(|copies| (copies, true)),
            });
            let (copies, made) = compressed.map_err(|error| PublishError::Make {
                path: path.to_owned(),
                message: format!("compressing: {error}"),
            })?;
            if made {
                counts.compressed.fetch_add(1, Ordering::Relaxed);
            }
            let mut stamps = BTreeMap::new();
            for (&extension, bytes) in wanted.iter().zip(copies) {
                let name = format!("{path}.{extension}");
                let (stamp, waits) = counts.writing.time(|| writer.write(&name, &bytes))?;
                stamps.insert(extension.to_owned(), stamp);
                if waits {
                    staged.push(name);
                }
            }
            stamps
        }
    };
    let entry = Entry {
        key,
        bytes: hash,
        stamp,
        copies,
    };
    Ok((entry, staged))
}

/// Writes `bytes` at `relative` under `folder` (the output folder or the temporary one); the
/// stamp the file has.
fn stage(folder: &Path, relative: &str, bytes: &[u8]) -> Result<Stamp, PublishError> {
    let path = folder.join(relative);
    // A file written over is not truncated first, only cut to its new length after: its
    // blocks are written again rather than freed and taken anew, which costs the file
    // system less.
    let open = || {
        fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
    };
    // Most files go into a folder that is there already (a page's copies beside it): its
    // folder is made only when the file cannot be.
    let file = match open() {
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(write_error(parent))?;
            }
            open()
        }
        opened => opened,
    };
    let mut file = file.map_err(write_error(&path))?;
    file.write_all(bytes).map_err(write_error(&path))?;
    let mut meta = file.metadata().map_err(write_error(&path))?;
    if meta.len() != bytes.len() as u64 {
        file.set_len(bytes.len() as u64)
            .map_err(write_error(&path))?;
        meta = file.metadata().map_err(write_error(&path))?;
    }
    Stamp::from_metadata(&meta).map_err(write_error(&path))
}

/// Moves the staged file at `relative` into its place in `out_dir`, replacing a folder there
/// and removing a file where it needs a folder (both left from an earlier build).
fn place(out_dir: &Path, staging: &Path, relative: &str) -> Result<(), PublishError> {
    let target = out_dir.join(relative);
    if let Some(folder) = target.parent() {
        if fs::create_dir_all(folder).is_err() {
            let mut at = out_dir.to_owned();
            for part in Path::new(relative)
                .parent()
                .into_iter()
                .flat_map(Path::components)
            {
                at.push(part);
                if fs::symlink_metadata(&at).is_ok_and(|meta| !meta.is_dir()) {
                    // Another thread may have removed it first.
                    match fs::remove_file(&at) {
                        Err(error) if error.kind() != io::ErrorKind::NotFound => {
                            return Err(write_error(&at)(error))
                        }
                        _ => {}
                    }
                }
            }
            fs::create_dir_all(folder).map_err(write_error(folder))?;
        }
    }
    if fs::symlink_metadata(&target).is_ok_and(|meta| meta.is_dir()) {
        fs::remove_dir_all(&target).map_err(write_error(&target))?;
    }
    fs::rename(staging.join(relative), &target).map_err(write_error(&target))
}

/// Removes from `out_dir` what the ledger of the last build, `old`, lists and `files` no longer
/// does, with the copies either no longer has, and the folders no planned file needs
/// (`folders`), with whatever else is in them; how many files it removed.
fn remove_unlisted(
    out_dir: &Path,
    old: &BTreeMap<String, Entry>,
    files: &BTreeMap<String, Entry>,
    folders: &BTreeSet<String>,
) -> Result<usize, PublishError> {
    let mut removed = 0;
    let mut unplanned = BTreeSet::new();
    // Both in path order: each file's entry now is found walking beside the old ones.
    let mut now = files.iter().peekable();
    for (path, entry) in old {
        while now.next_if(|(now, _)| *now < path).is_some() {}
        let kept = now
            .peek()
            .filter(|(now, _)| *now == path)
            .map(|(_, kept)| *kept);
        let mut gone = Vec::new();
        if kept.is_none() {
            gone.push(path.clone());
        }
        gone.extend(
            entry
                .copies
                .keys()
                .filter(|&extension| kept.is_none_or(|kept| !kept.copies.contains_key(extension)))
                .map(|extension| format!("{path}.{extension}")),
        );
        for relative in gone {
            let file = out_dir.join(&relative);
            // A folder may stand there now, or a file where a folder was: `place` made room.
            if fs::symlink_metadata(&file).is_ok_and(|meta| !meta.is_dir()) {
                fs::remove_file(&file).map_err(write_error(&file))?;
                removed += 1;
            }
            unplanned.extend(highest_unplanned(&relative, folders));
        }
    }
    for folder in unplanned {
        let path = out_dir.join(&folder);
        if fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_dir()) {
            removed += folders::remove_tree(&path, true)?;
        }
    }
    Ok(removed)
}

/// The highest of the folders of `relative` that is not planned, `/`-terminated.
fn highest_unplanned(relative: &str, folders: &BTreeSet<String>) -> Option<String> {
    relative
        .match_indices('/')
        .map(|(slash, _)| &relative[..=slash])
        .find(|folder| !folders.contains(*folder))
        .map(str::to_owned)
}

/// Whether a hidden entry at the top of the output folder is left alone: any but the
/// bundler's own temporary folders.
fn kept_hidden(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') && !name.starts_with(TEMPORARY_PREFIX)
}

/// Whether `out_dir` holds visible files but no site that Folio built (`data/site.json`).
fn holds_foreign_files(out_dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(out_dir) else {
        return false;
    };
    let visible = entries.flatten().any(|entry| {
        !kept_hidden(&entry.file_name())
            && !entry
                .file_name()
                .to_string_lossy()
                .starts_with(TEMPORARY_PREFIX)
    });
    visible && !out_dir.join(folio_content::paths::SITE).is_file()
}

/// `file` with `.extension` added to its name.
fn beside(file: &Path, extension: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

/// Whether `folder` holds nothing at all.
fn is_empty(folder: &Path) -> bool {
    fs::read_dir(folder).is_ok_and(|mut entries| entries.next().is_none())
}

/// Removes everything in `folder`, leaving it empty.
fn empty(folder: &Path) -> Result<(), PublishError> {
    let entries = fs::read_dir(folder).map_err(write_error(folder))?;
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type().is_ok_and(|kind| kind.is_dir()) {
            true => remove_all(&path)?,
            false => fs::remove_file(&path).map_err(write_error(&path))?,
        }
    }
    Ok(())
}

/// Removes `path` and everything in it, if it exists.
fn remove_all(path: &Path) -> Result<(), PublishError> {
    match fs::remove_dir_all(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(write_error(path)(error)),
        _ => Ok(()),
    }
}

fn write_error(path: &Path) -> impl FnOnce(io::Error) -> PublishError + '_ {
    move |source| PublishError::Write {
        path: path.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests;

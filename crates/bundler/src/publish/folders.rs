//! What the output folder holds besides the planned files, and its removal. Every folder the
//! plan needs has a stamp in the ledger: the time its list of entries last changed (its
//! ctime), taken once the last build was done. A folder whose stamp is the same holds exactly
//! what it held then, so it is not read again: after one edit at 10,000 posts, some ten
//! folders are read rather than 13,600 (a walk of them all took 60 ms). A stamp too close to
//! the time it was taken is not kept (`RACY`), as an entry added within the same tick of the
//! file system's clock would leave it as it was. (An entry added by another program while a
//! build writes into the same folder may be missed until that folder changes again.)

use std::{
    collections::{BTreeMap, BTreeSet},
    fs, io,
    path::Path,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use rayon::prelude::*;

use super::{kept_hidden, ledger::Entry, write_error, PublishError};

/// How recent a folder's stamp may be and still be kept, where the file system's times have
/// digits below the millisecond (its clock ticks every few milliseconds: ext4, XFS, Btrfs,
/// APFS, NTFS)...
const RACY: Duration = Duration::from_millis(100);

/// ...and where they are whole milliseconds or coarser (FAT keeps 2 s, HFS+ 1 s).
const RACY_COARSE: Duration = Duration::from_secs(3);

/// Every folder that holds a planned file, `/`-terminated, and the top as `""`.
pub fn planned(files: &BTreeMap<String, Entry>) -> BTreeSet<String> {
    let mut folders = BTreeSet::from([String::new()]);
    for path in files.keys() {
        let mut end = path.len();
        while let Some(slash) = path[..end].rfind('/') {
            if !folders.insert(path[..=slash].to_owned()) {
                break;
            }
            end = slash;
        }
    }
    folders
}

/// When the entries of the folder at `path` last changed, in nanoseconds since 1970.
pub(super) fn stamp(path: &Path) -> io::Result<u128> {
    let meta = fs::symlink_metadata(path)?;
    if !meta.is_dir() {
        return Err(io::Error::other("not a folder"));
    }
    changed(&meta)
}

#[cfg(unix)]
fn changed(meta: &fs::Metadata) -> io::Result<u128> {
    use std::os::unix::fs::MetadataExt;
    let seconds = u128::try_from(meta.ctime()).map_err(io::Error::other)?;
    let nanos = u128::try_from(meta.ctime_nsec()).map_err(io::Error::other)?;
    Ok(seconds * 1_000_000_000 + nanos)
}

#[cfg(not(unix))]
fn changed(meta: &fs::Metadata) -> io::Result<u128> {
    let modified = meta.modified()?.duration_since(UNIX_EPOCH);
    Ok(modified.map_err(io::Error::other)?.as_nanos())
}

/// Removes from `out_dir` whatever is not a planned file (`files`), one of its compressed
/// copies or a planned folder (`folders`), in the folders whose stamp is not the one in
/// `stamps`, and hidden entries at the top but the bundler's temporary folders. How many
/// files it removed, and the stamps to keep for the next build.
pub fn sweep(
    out_dir: &Path,
    files: &BTreeMap<String, Entry>,
    folders: &BTreeSet<String>,
    stamps: &BTreeMap<String, u128>,
) -> Result<(usize, BTreeMap<String, u128>), PublishError> {
    let swept: Vec<(usize, Option<(String, u128)>)> = folders
        .par_iter()
        .map(|folder| {
            let path = out_dir.join(folder);
            let unchanged = stamp(&path)
                .ok()
                .filter(|now| stamps.get(folder) == Some(now));
            let (removed, now) = match unchanged {
                Some(now) => (0, now),
                None => {
                    let removed = sweep_one(out_dir, folder, files, folders)?;
                    let now = stamp(&path).map_err(|error| PublishError::Read {
                        path: path.clone(),
                        source: error,
                    })?;
                    (removed, now)
                }
            };
            Ok((removed, settled(now).then(|| (folder.clone(), now))))
        })
        .collect::<Result<_, PublishError>>()?;
    let removed = swept.iter().map(|(removed, _)| removed).sum();
    Ok((
        removed,
        swept.into_iter().filter_map(|(_, kept)| kept).collect(),
    ))
}

/// Whether a stamp is old enough to be kept (`RACY`, `RACY_COARSE`).
fn settled(stamp: u128) -> bool {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |now| now.as_nanos());
    now.saturating_sub(stamp) >= racy(stamp).as_nanos()
}

/// How recent a stamp may be and still be kept, by the file system's clock it came from.
fn racy(stamp: u128) -> Duration {
    match stamp % 1_000_000 {
        0 => RACY_COARSE,
        _ => RACY,
    }
}

/// The stamps of `folders` under `out_dir` worth keeping: those old enough (`settled`).
pub fn stamps(out_dir: &Path, folders: &BTreeSet<String>) -> BTreeMap<String, u128> {
    folders
        .par_iter()
        .filter_map(|folder| {
            let now = stamp(&out_dir.join(folder)).ok()?;
            settled(now).then(|| (folder.clone(), now))
        })
        .collect()
}

/// `sweep` in the one folder at `folder` (`""` or `/`-terminated): what is neither planned
/// nor a planned folder goes, with everything in it. How many files it removed.
fn sweep_one(
    out_dir: &Path,
    folder: &str,
    files: &BTreeMap<String, Entry>,
    folders: &BTreeSet<String>,
) -> Result<usize, PublishError> {
    let path = out_dir.join(folder);
    let entries = fs::read_dir(&path).map_err(|error| PublishError::Read {
        path: path.clone(),
        source: error,
    })?;
    let mut removed = 0;
    for entry in entries {
        let entry = entry.map_err(|error| PublishError::Read {
            path: path.clone(),
            source: error,
        })?;
        let name = entry.file_name();
        if folder.is_empty() && kept_hidden(&name) {
            continue;
        }
        let relative = format!("{folder}{}", name.to_string_lossy());
        // The entry itself, not what a link leads to.
        let is_folder = entry.file_type().is_ok_and(|kind| kind.is_dir());
        let wanted = match is_folder {
            true => folders.contains(&format!("{relative}/")),
            false => is_planned(&relative, files),
        };
        if !wanted {
            removed += remove_tree(&entry.path(), is_folder)?;
        }
    }
    Ok(removed)
}

/// Whether `relative` is a planned file or one of its compressed copies.
fn is_planned(relative: &str, files: &BTreeMap<String, Entry>) -> bool {
    files.contains_key(relative)
        || relative.rsplit_once('.').is_some_and(|(file, extension)| {
            files
                .get(file)
                .is_some_and(|entry| entry.copies.contains_key(extension))
        })
}

/// Removes the file, or the folder and everything in it, at `path`: how many files went.
pub fn remove_tree(path: &Path, is_folder: bool) -> Result<usize, PublishError> {
    if !is_folder {
        fs::remove_file(path).map_err(write_error(path))?;
        return Ok(1);
    }
    let entries = fs::read_dir(path).map_err(write_error(path))?;
    let mut removed = 0;
    for entry in entries {
        let entry = entry.map_err(write_error(path))?;
        let is_folder = entry.file_type().is_ok_and(|kind| kind.is_dir());
        removed += remove_tree(&entry.path(), is_folder)?;
    }
    fs::remove_dir(path).map_err(write_error(path))?;
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_folder_of_a_planned_file_is_planned() {
        let entry = |path: &str| {
            (
                path.to_owned(),
                Entry {
                    key: 0,
                    bytes: 0,
                    stamp: super::super::ledger::Stamp {
                        len: 0,
                        modified: 0,
                    },
                    copies: BTreeMap::from([(
                        "br".to_owned(),
                        super::super::ledger::Stamp {
                            len: 0,
                            modified: 0,
                        },
                    )]),
                },
            )
        };
        let files = BTreeMap::from([
            entry("index.html"),
            entry("posts/a/index.html"),
            entry("posts/b/index.html"),
            entry("data/posts/a.json"),
        ]);
        let folders: Vec<String> = planned(&files).into_iter().collect();
        assert_eq!(
            folders,
            ["", "data/", "data/posts/", "posts/", "posts/a/", "posts/b/"]
        );
        assert!(is_planned("posts/a/index.html", &files));
        assert!(is_planned("posts/a/index.html.br", &files));
        assert!(!is_planned("posts/a/index.html.gz", &files));
        assert!(!is_planned("posts/a/other.html", &files));
    }

    #[test]
    fn a_stamp_taken_just_now_is_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let now = stamp(dir.path()).unwrap();
        assert!(!settled(now));
        assert!(settled(now - racy(now).as_nanos()));
        assert_eq!(racy(1_700_000_000_123_456_789), RACY);
        assert_eq!(
            racy(1_700_000_000_000_000_000),
            RACY_COARSE,
            "whole seconds"
        );
        assert!(stamp(&dir.path().join("missing")).is_err());
    }
}

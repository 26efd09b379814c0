//! Puts a build in the output folder all at once. Every file is first written to a temporary
//! folder inside the output folder; only when all of them are there does each top-level entry
//! (`data/`, `feed.xml`, ...) replace the old one whole, by renames. A failure midway leaves the
//! old files as they were, never a half-written `data/`.

use std::{
    collections::BTreeSet,
    fs, io,
    path::{Path, PathBuf},
};

use rayon::prelude::*;

use crate::output::Output;

/// A file of the output that could not be written, or a folder that could not be moved.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}", path.display())]
pub struct WriteError {
    /// The file or folder that could not be made, moved or removed.
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// The prefix of the temporary folders the bundler makes inside the output folder.
pub const TEMPORARY_PREFIX: &str = ".folio-tmp-";

/// Writes every file of `output` under `out_dir` (made if missing), replacing each top-level
/// entry the output has (the whole of `data/`, `feed.xml`, ...) and leaving anything else in
/// `out_dir` alone.
pub fn write(output: &Output, out_dir: &Path) -> Result<(), WriteError> {
    fs::create_dir_all(out_dir).map_err(at(out_dir))?;
    let id = std::process::id();
    let staging = out_dir.join(format!("{TEMPORARY_PREFIX}{id}"));
    let aside = out_dir.join(format!("{TEMPORARY_PREFIX}{id}-old"));
    for folder in [&staging, &aside] {
        remove(folder)?;
    }
    let result = stage(output, &staging).and_then(|()| swap(output, out_dir, &staging, &aside));
    // The temporary folders go whatever happened; the first error is the one to report.
    let cleaned = remove(&staging).and_then(|()| remove(&aside));
    result.and(cleaned)
}

/// Every path of `output`, written or copied.
fn paths(output: &Output) -> impl Iterator<Item = &str> {
    output
        .files
        .keys()
        .chain(output.copies.keys())
        .map(String::as_str)
}

/// Writes every file of `output` under `staging`, and copies those it copies: the folders
/// first, then the files in parallel.
fn stage(output: &Output, staging: &Path) -> Result<(), WriteError> {
    fs::create_dir(staging).map_err(at(staging))?;
    let folders: BTreeSet<&str> = paths(output)
        .filter_map(|path| path.rsplit_once('/').map(|(folder, _)| folder))
        .collect();
    for folder in folders {
        let path = staging.join(folder);
        fs::create_dir_all(&path).map_err(at(&path))?;
    }
    output.files.par_iter().try_for_each(|(relative, bytes)| {
        let path = staging.join(relative);
        fs::write(&path, bytes).map_err(at(&path))
    })?;
    output.copies.par_iter().try_for_each(|(relative, source)| {
        let path = staging.join(relative);
        fs::copy(source, &path).map(drop).map_err(at(source))
    })
}

/// Moves each top-level entry of `staging` into `out_dir`. An existing folder (or anything in
/// the way of a folder) is first moved into `aside`, and put back if the new one cannot go in.
fn swap(output: &Output, out_dir: &Path, staging: &Path, aside: &Path) -> Result<(), WriteError> {
    let entries: BTreeSet<&str> = paths(output)
        .filter_map(|path| path.split('/').next())
        .collect();
    for name in entries {
        let new = staging.join(name);
        let target = out_dir.join(name);
        let existing = fs::symlink_metadata(&target).ok();
        let whole = existing.as_ref().is_some_and(|meta| meta.is_dir()) || new.is_dir();
        if existing.is_none() || !whole {
            // A file replaces a file in one rename.
            fs::rename(&new, &target).map_err(at(&target))?;
            continue;
        }
        fs::create_dir_all(aside).map_err(at(aside))?;
        let old = aside.join(name);
        fs::rename(&target, &old).map_err(at(&target))?;
        if let Err(error) = fs::rename(&new, &target) {
            // Put the old one back so that the site stays as it was.
            let _ = fs::rename(&old, &target);
            return Err(at(&target)(error));
        }
    }
    Ok(())
}

/// Removes `path` and everything in it, if it exists.
fn remove(path: &Path) -> Result<(), WriteError> {
    match fs::remove_dir_all(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(at(path)(error)),
        _ => Ok(()),
    }
}

fn at(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError {
        path: path.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(files: &[(&str, &str)]) -> Output {
        let mut output = Output::default();
        for (path, text) in files {
            output
                .files
                .insert((*path).into(), text.as_bytes().to_vec());
        }
        output
    }

    /// Every file under `dir`, relative, `/`-separated, with its text.
    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut found = Vec::new();
        let mut folders = vec![dir.to_owned()];
        while let Some(folder) = folders.pop() {
            for entry in fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    let relative = path
                        .strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/");
                    found.push((relative, fs::read_to_string(&path).unwrap()));
                }
            }
        }
        found.sort();
        found
    }

    fn owned(files: &[(&str, &str)]) -> Vec<(String, String)> {
        files
            .iter()
            .map(|(a, b)| ((*a).into(), (*b).into()))
            .collect()
    }

    #[test]
    fn writes_into_a_new_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new/out");
        let files = [("data/posts/x.json", "{}"), ("feed.xml", "<feed/>")];
        write(&output(&files), &out).unwrap();
        assert_eq!(tree(&out), owned(&files));
    }

    #[test]
    fn replaces_data_whole_and_leaves_other_files_alone() {
        let dir = tempfile::tempdir().unwrap();
        let before = [
            ("data/posts/stale.json", "old"),
            ("data/site.json", "old"),
            ("feed.xml", "old"),
            ("index.html", "shell"),
        ];
        write(&output(&before), dir.path()).unwrap();
        write(
            &output(&[("data/site.json", "new"), ("feed.xml", "new")]),
            dir.path(),
        )
        .unwrap();
        assert_eq!(
            tree(dir.path()),
            owned(&[
                ("data/site.json", "new"),
                ("feed.xml", "new"),
                ("index.html", "shell")
            ])
        );
    }

    #[test]
    fn a_failure_midway_leaves_the_old_files_and_no_temporary_folder() {
        let dir = tempfile::tempdir().unwrap();
        let before = [("data/site.json", "old"), ("feed.xml", "old")];
        write(&output(&before), dir.path()).unwrap();
        // The second file needs a folder where the first one is a file: writing stops there.
        let broken = output(&[
            ("data/a.json", "new"),
            ("data/a.json/b.json", "new"),
            ("feed.xml", "new"),
        ]);
        let error = write(&broken, dir.path()).unwrap_err();
        assert!(error.to_string().starts_with("cannot write "), "{error}");
        assert!(
            error.path.ends_with("data/a.json"),
            "{}",
            error.path.display()
        );
        assert_eq!(tree(dir.path()), owned(&before));
    }

    #[test]
    fn a_folder_can_replace_a_file_and_a_file_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("data"), "a file where a folder should be").unwrap();
        fs::create_dir_all(dir.path().join("feed.xml/inside")).unwrap();
        let files = [("data/site.json", "{}"), ("feed.xml", "<feed/>")];
        write(&output(&files), dir.path()).unwrap();
        assert_eq!(tree(dir.path()), owned(&files));
    }

    #[test]
    fn copies_files_beside_the_written_ones() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("chart.png");
        fs::write(&source, "png").unwrap();
        let mut output = output(&[("data/site.json", "{}")]);
        output.copies.insert("posts/a/chart.png".into(), source);
        let out = dir.path().join("out");
        write(&output, &out).unwrap();
        assert_eq!(
            tree(&out),
            owned(&[("data/site.json", "{}"), ("posts/a/chart.png", "png")])
        );
        // A copy that cannot be read stops the build and names the file.
        output
            .copies
            .insert("b.png".into(), dir.path().join("missing.png"));
        let error = write(&output, &out).unwrap_err();
        assert!(
            error.path.ends_with("missing.png"),
            "{}",
            error.path.display()
        );
    }

    #[test]
    fn says_which_folder_it_could_not_make() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("file");
        fs::write(&out, "not a folder").unwrap();
        let error = write(&output(&[("data/site.json", "{}")]), &out).unwrap_err();
        assert_eq!(error.path, out);
    }
}

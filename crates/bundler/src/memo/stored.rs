//! The posts a build read, kept in the cache folder for the next run of the bundler
//! (`records.rs`): a build in a new process (`cargo xtask build`, `folio-bundler` again, the
//! dev server starting) parses only the posts that changed since, and reads only those whose
//! stat changed. Only readings without problems are kept: the others are read again, to
//! report their problems.

use std::{
    collections::HashMap,
    io,
    path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};

use super::{seen::Seen, Kept};
use crate::{post::Post, records};

/// The file's name in the cache folder.
pub const FILE: &str = "posts.readings";

/// What the file holds, and the layout of its records.
const KIND: &str = "post readings 2";

/// One post's reading, as written; without a post, the file's reading is forgotten (the file
/// is gone, or has problems). A later record of a file replaces an earlier one.
#[derive(Serialize)]
struct Record<'a> {
    file: &'a Path,
    seen: Option<Seen>,
    key: &'a str,
    authors_key: &'a str,
    post: Option<&'a Post>,
}

/// One post's reading, as read back: the fields of `Record`, owned.
#[derive(Deserialize)]
struct Loaded {
    file: PathBuf,
    seen: Option<Seen>,
    key: String,
    authors_key: String,
    post: Option<Post>,
}

/// What the file at `path` holds: each file's last reading, and how many records that took
/// (more than readings once some were replaced); nothing, and `None`, if it cannot be read.
pub fn load(path: &Path) -> (Vec<(PathBuf, Kept)>, Option<usize>) {
    let loaded: Option<Vec<Loaded>> = records::load(path, KIND);
    let held = loaded.as_ref().map(Vec::len);
    let loaded = loaded.unwrap_or_default();
    let count = loaded.len();
    let mut readings: HashMap<PathBuf, Kept> = HashMap::with_capacity(count);
    for loaded in loaded {
        let Some(post) = loaded.post else {
            readings.remove(&loaded.file);
            continue;
        };
        let kept = Kept {
            seen: loaded.seen,
            key: loaded.key,
            authors_key: loaded.authors_key,
            reading: Some(Ok(post)),
        };
        readings.insert(loaded.file, kept);
    }
    (readings.into_iter().collect(), held)
}

/// A post file, how it was read, and the post, if it read without problems.
pub type Reading<'a> = (&'a Path, &'a Kept, Option<&'a Post>);

/// Writes the file at `path` anew, with each of `readings` that has a post.
pub fn save<'a>(path: &Path, readings: impl Iterator<Item = Reading<'a>>) -> io::Result<()> {
    let records = readings.filter(|reading| reading.2.is_some()).map(record);
    records::save(path, KIND, records)
}

/// What changed since the file was written: a file read again, or gone.
pub enum Change<'a> {
    Read(Reading<'a>),
    Gone(&'a Path),
}

/// Adds `changes` to the file at `path`, files gone and those without a post forgotten;
/// `false` if there is no file of this program's there to add to.
pub fn append<'a>(path: &Path, changes: impl Iterator<Item = Change<'a>>) -> io::Result<bool> {
    let records = changes.map(|change| match change {
        Change::Read(reading) => record(reading),
        Change::Gone(file) => Record {
            file,
            seen: None,
            key: "",
            authors_key: "",
            post: None,
        },
    });
    records::append(path, KIND, records)
}

fn record<'a>((file, kept, post): Reading<'a>) -> Record<'a> {
    Record {
        file,
        seen: kept.seen,
        key: &kept.key,
        authors_key: &kept.authors_key,
        post,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::site;

    /// Every post of the fixture sites read without problems (code, images, aliases, outlines,
    /// covers) comes back from the file as it was read.
    #[test]
    fn readings_come_back_as_they_were() {
        let fixtures = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/sites"
        ));
        let mut readings: Vec<(PathBuf, Kept)> = Vec::new();
        for site_dir in [
            "full",
            "kitchen-sink",
            "search",
            "valid",
            "broken-links",
            "bad-date",
        ] {
            let site_dir = fixtures.join(site_dir);
            let settings = std::fs::read_to_string(site_dir.join(site::SITE_FILE)).unwrap();
            let authors = site::parse(&settings)
                .map(|config| config.authors)
                .unwrap_or_default();
            for file in crate::sources::files::post_files(&site_dir).unwrap() {
                let path = site_dir.join(&file);
                let kept = Kept {
                    seen: Seen::before_reading(&path),
                    key: format!("key of {}", path.display()),
                    authors_key: "authors".to_owned(),
                    reading: Some(crate::post::parse(
                        &file,
                        &std::fs::read(&path).unwrap(),
                        &authors,
                    )),
                };
                readings.push((path, kept));
            }
        }
        let good = readings
            .iter()
            .filter(|(_, kept)| matches!(kept.reading, Some(Ok(_))))
            .count();
        assert!(
            good >= 20 && good < readings.len(),
            "{good} of {}",
            readings.len()
        );

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        // As the memo stores them: the posts read without problems.
        let posts = readings.iter().map(|(file, kept)| {
            let post = kept
                .reading
                .as_ref()
                .and_then(|reading| reading.as_ref().ok());
            (file.as_path(), kept, post)
        });
        save(&path, posts).unwrap();
        let (loaded, records) = load(&path);
        assert_eq!((loaded.len(), records), (good, Some(good)));
        for (file, kept) in &loaded {
            let (_, read) = readings.iter().find(|(read, _)| read == file).unwrap();
            assert_eq!(kept.reading, read.reading, "{}", file.display());
            assert_eq!(
                (kept.seen, &kept.key, &kept.authors_key),
                (read.seen, &read.key, &read.authors_key)
            );
        }

        // Added to: a post gone, one read again, and one read again with problems.
        let (gone, again) = (&loaded[0].0, &loaded[1]);
        let broken = readings
            .iter()
            .find(|(file, _)| *file == loaded[2].0)
            .unwrap();
        let changes = [
            Change::Gone(gone),
            Change::Read((again.0.as_path(), &again.1, None)),
            Change::Read((broken.0.as_path(), &broken.1, None)),
        ];
        assert!(append(&path, changes.into_iter()).unwrap());
        let (after, records) = load(&path);
        assert_eq!((after.len(), records), (good - 3, Some(good + 3)));
        let again_read = (
            again.0.as_path(),
            &again.1,
            again.1.reading.as_ref().unwrap().as_ref().ok(),
        );
        assert!(append(&path, [Change::Read(again_read)].into_iter()).unwrap());
        let (after, records) = load(&path);
        assert_eq!((after.len(), records), (good - 2, Some(good + 4)));
        let found = after.iter().find(|(file, _)| file == &again.0).unwrap();
        assert_eq!(found.1.reading, again.1.reading);
    }
}

//! The posts a build read, kept in the cache folder for the next run of the bundler
//! (`records.rs`): a build in a new process (`cargo xtask build`, `folio-bundler` again, the
//! dev server starting) parses only the posts that changed since, and reads only those whose
//! stat changed. Only readings without problems are kept: the others are read again, to
//! report their problems.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{seen::Seen, Kept};
use crate::{post::Post, records};

/// The file's name in the cache folder.
pub const FILE: &str = "posts.readings";

/// What the file holds, and the layout of its records.
const KIND: &str = "post readings 1";

/// One post's reading, as written.
#[derive(Serialize)]
struct Record<'a> {
    file: &'a Path,
    seen: Option<Seen>,
    key: &'a str,
    authors_key: &'a str,
    post: &'a Post,
}

/// One post's reading, as read back: the fields of `Record`, owned.
#[derive(Deserialize)]
struct Loaded {
    file: PathBuf,
    seen: Option<Seen>,
    key: String,
    authors_key: String,
    post: Post,
}

/// The readings stored at `path`, by file; none if they cannot be read.
pub fn load(path: &Path) -> Vec<(PathBuf, Kept)> {
    let loaded: Vec<Loaded> = records::load(path, KIND).unwrap_or_default();
    loaded
        .into_iter()
        .map(|loaded| {
            let kept = Kept {
                seen: loaded.seen,
                key: loaded.key,
                authors_key: loaded.authors_key,
                reading: Some(Ok(loaded.post)),
            };
            (loaded.file, kept)
        })
        .collect()
}

/// Writes each post read without problems at `path`, with how it was read.
pub fn save<'a>(
    path: &Path,
    readings: impl Iterator<Item = (&'a Path, &'a Kept, &'a Post)>,
) -> std::io::Result<()> {
    let records = readings.map(|(file, kept, post)| Record {
        file,
        seen: kept.seen,
        key: &kept.key,
        authors_key: &kept.authors_key,
        post,
    });
    records::save(path, KIND, records)
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
        let posts = readings.iter().filter_map(|(file, kept)| {
            let post = kept.reading.as_ref()?.as_ref().ok()?;
            Some((file.as_path(), kept, post))
        });
        save(&path, posts).unwrap();
        let loaded = load(&path);
        assert_eq!(loaded.len(), good);
        for (file, kept) in loaded {
            let (_, read) = readings.iter().find(|(read, _)| *read == file).unwrap();
            assert_eq!(kept.reading, read.reading, "{}", file.display());
            assert_eq!(
                (kept.seen, &kept.key, &kept.authors_key),
                (read.seen, &read.key, &read.authors_key)
            );
        }
    }
}

//! The posts a build read, kept in the cache folder for the next run of the bundler
//! (`records.rs`): a build in a new process (`cargo xtask build`, `folio-bundler` again, the
//! dev server starting) parses only the posts that changed since, and reads only those whose
//! stat changed. Only readings without problems are kept: the others are read again, to
//! report their problems.

use std::{
    borrow::Cow,
    collections::HashMap,
    fmt,
    fs::File,
    io,
    path::{Path, PathBuf},
    sync::Arc,
};

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use super::{seen::Seen, Kept};
use crate::{
    post::{text::Text, Post},
    records,
};

/// The file's name in the cache folder.
pub const FILE: &str = "posts.readings";

/// What the file holds, and the layout of its records.
const KIND: &str = "post readings 3";

/// One post's reading, as written; without a post, the file's reading is forgotten (the file
/// is gone, or has problems). A later record of a file replaces an earlier one. The post's
/// text is not in the post but after it, ending the record, where a build that needs it reads
/// it back (`post/text.rs`).
#[derive(Serialize)]
struct Record<'a> {
    file: &'a Path,
    seen: Option<Seen>,
    key: &'a str,
    authors_key: &'a str,
    post: Option<Cow<'a, Post>>,
    text_key: u128,
    text: TextBytes,
}

/// One post's reading, as read back: the fields of `Record`, owned, but for the text, of which
/// only its length is read.
#[derive(Deserialize)]
struct Loaded {
    file: PathBuf,
    seen: Option<Seen>,
    key: String,
    authors_key: String,
    post: Option<Post>,
    text_key: u128,
    text: TextLength,
}

/// A post's text as kept (`Text::encode`), or why it could not be had.
struct TextBytes(Result<Vec<u8>, String>);

impl Serialize for TextBytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Ok(bytes) => serializer.serialize_bytes(bytes),
            Err(error) => Err(serde::ser::Error::custom(error)),
        }
    }
}

/// How long a kept text is: its bytes are left where they are.
struct TextLength(usize);

impl<'de> Deserialize<'de> for TextLength {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TextLength, D::Error> {
        struct Length;
        impl de::Visitor<'_> for Length {
            type Value = TextLength;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a post's text")
            }
            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<TextLength, E> {
                Ok(TextLength(bytes.len()))
            }
        }
        deserializer.deserialize_bytes(Length)
    }
}

/// What the file at `path` holds: each file's last reading, and how many records that took
/// (more than readings once some were replaced); nothing, and `None`, if it cannot be read.
/// The posts' texts stay in the file, which they keep open.
pub fn load(path: &Path) -> (Vec<(PathBuf, Kept)>, Option<usize>) {
    let loaded = File::open(path).ok().and_then(|file| {
        let file = Arc::new(file);
        records::load_from(&file, KIND, |bytes, at| {
            let mut loaded: Loaded = postcard::from_bytes(bytes).ok()?;
            // The text ends the record.
            let text_at = at + (bytes.len() - loaded.text.0) as u64;
            if let Some(post) = &mut loaded.post {
                post.text = Text::kept(loaded.text_key, Arc::clone(&file), text_at, loaded.text.0);
            }
            Some(loaded)
        })
    });
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
            text_key: 0,
            text: TextBytes(Ok(Vec::new())),
        },
    });
    records::append(path, KIND, records)
}

fn record<'a>((file, kept, post): Reading<'a>) -> Record<'a> {
    let (post, text_key, text) = match post {
        Some(post) => {
            let text = match post.text.kept_bytes() {
                Some(kept) => kept.map_err(|error| format!("reading the text kept: {error}")),
                None => Text::encode(&post.body).map_err(|error| error.to_string()),
            };
            let headless = match post.text.is_here() {
                true => Cow::Owned(post.without_text()),
                false => Cow::Borrowed(post),
            };
            (Some(headless), post.text.key(), text)
        }
        None => (None, 0, Ok(Vec::new())),
    };
    Record {
        file,
        seen: kept.seen,
        key: &kept.key,
        authors_key: &kept.authors_key,
        post,
        text_key,
        text: TextBytes(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::site;

    /// A reading's post with its text read back from the file.
    fn whole(reading: &Option<crate::memo::Read>) -> Option<crate::memo::Read> {
        let post = reading.as_ref()?.as_ref().ok()?;
        let body = post.text.full(&post.body).unwrap().into_owned();
        Some(Ok(Post {
            body,
            ..post.clone()
        }))
    }

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
            assert_eq!(whole(&kept.reading), read.reading, "{}", file.display());
            let post = kept.reading.as_ref().unwrap().as_ref().unwrap();
            assert!(
                !post.text.is_here() && post.body.markdown.is_empty(),
                "kept apart"
            );
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
        assert_eq!(
            whole(&found.1.reading),
            whole(&again.1.reading),
            "a kept text stored again"
        );
    }
}

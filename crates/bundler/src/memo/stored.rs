//! The posts a build read, kept in the cache folder for the next run of the bundler
//! (`records.rs`): a build in a new process (`cargo xtask build`, `folio-bundler` again, the
//! dev server starting) parses only the posts that changed since, and reads only those whose
//! stat changed. Only readings without problems are kept: the others are read again, to
//! report their problems.

use std::{
    borrow::Cow,
    collections::HashMap,
    fs::{self, File},
    io::{self, BufRead as _, BufReader, BufWriter, Seek as _, SeekFrom, Write as _},
    path::{Path, PathBuf},
    sync::Arc,
    time::{SystemTime, UNIX_EPOCH},
};

use serde::{Deserialize, Serialize};

use super::{seen::Seen, Kept};
use crate::{
    post::{text::Text, Post},
    publish::fingerprint,
    records,
};

/// The file's name in the cache folder.
pub const FILE: &str = "posts.readings";

/// The name of the file of the posts' texts, beside it.
const TEXTS: &str = "posts.texts";

/// The first line of the file of texts; the second names its generation.
const TEXTS_HEADER: &str = "folio post texts 1\n";

/// What the file holds, and the layout of its records, for the file of texts of `generation`:
/// a file of readings and one of texts written apart (a build stopped between the two) do not
/// match, and read as nothing.
fn kind(generation: &str) -> String {
    format!("post readings 5 {generation}")
}

/// One post's reading, as written; without a post, the file's reading is forgotten (the file
/// is gone, or has problems). A later record of a file replaces an earlier one. The post's
/// text is not in the post but in the file of texts (`post/text.rs`), `text_len` bytes at
/// `text_at`, where a build that needs it reads it back.
#[derive(Serialize)]
struct Record<'a> {
    file: &'a Path,
    seen: Option<Seen>,
    key: &'a str,
    authors_key: &'a str,
    post: Option<Cow<'a, Post>>,
    text_key: u128,
    text_at: u64,
    text_len: u64,
}

/// One post's reading, as read back: the fields of `Record`, owned.
#[derive(Deserialize)]
struct Loaded {
    file: PathBuf,
    seen: Option<Seen>,
    key: String,
    authors_key: String,
    post: Option<Post>,
    text_key: u128,
    text_at: u64,
    text_len: u64,
}

/// What the file at `path` holds: each file's last reading, and how many records that took
/// (more than readings once some were replaced); nothing, and `None`, if it cannot be read.
/// The posts' texts stay in the file of texts, which they keep open.
pub fn load(path: &Path) -> (Vec<(PathBuf, Kept)>, Option<usize>) {
    let loaded = open_texts(&texts_path(path)).and_then(|(texts, generation)| {
        // A text past the end of the file is a damaged record: the file reads as nothing.
        let texts_len = texts.metadata().ok()?.len();
        let texts = Arc::new(texts);
        let readings = File::open(path).ok()?;
        records::load_from(&readings, &kind(&generation), |bytes| {
            let mut loaded: Loaded = postcard::from_bytes(bytes).ok()?;
            if let Some(post) = &mut loaded.post {
                if loaded.text_at.checked_add(loaded.text_len)? > texts_len {
                    return None;
                }
                let len = usize::try_from(loaded.text_len).ok()?;
                post.text = Text::kept(loaded.text_key, Arc::clone(&texts), loaded.text_at, len);
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

/// A reading to store: the post file, how it was read, and its post if it has no problems.
pub type Reading<'a> = (&'a Path, &'a Kept, Option<&'a Post>);

/// Writes the file at `path` anew, with each of `readings` that has a post, and the file of
/// their texts beside it.
pub fn save<'a>(path: &Path, readings: impl Iterator<Item = Reading<'a>>) -> io::Result<()> {
    let texts_path = texts_path(path);
    let partial = texts_path.with_extension(format!("texts.partial-{}", std::process::id()));
    let written = (|| {
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)?;
        }
        let generation = new_generation(path);
        let mut texts = Texts::create(&partial, &generation)?;
        let records: Vec<Record<'a>> = readings
            .filter(|reading| reading.2.is_some())
            .map(|reading| texts.record(reading))
            .collect::<io::Result<_>>()?;
        texts.finish()?;
        records::save(path, &kind(&generation), records.into_iter())?;
        fs::rename(&partial, &texts_path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&partial);
    }
    written
}

/// What changed since the file was written: a file read again, or gone.
pub enum Change<'a> {
    Read(Reading<'a>),
    Gone(&'a Path),
}

/// Adds `changes` to the file at `path`, files gone and those without a post forgotten, and
/// their texts to the file of texts; `false` if there are no files of this program's there to
/// add to.
pub fn append<'a>(path: &Path, changes: impl Iterator<Item = Change<'a>>) -> io::Result<bool> {
    let Some(mut texts) = Texts::open_to_add(&texts_path(path))? else {
        return Ok(false);
    };
    let records: Vec<Record<'a>> = changes
        .map(|change| match change {
            Change::Read(reading) => texts.record(reading),
            Change::Gone(file) => Ok(Record {
                file,
                seen: None,
                key: "",
                authors_key: "",
                post: None,
                text_key: 0,
                text_at: 0,
                text_len: 0,
            }),
        })
        .collect::<io::Result<_>>()?;
    texts.finish()?;
    // The texts are written before the readings that name them.
    records::append(path, &kind(&texts.generation), records.into_iter())
}

fn texts_path(path: &Path) -> PathBuf {
    path.with_file_name(TEXTS)
}

/// A name for a file of texts written now, which no other has.
fn new_generation(path: &Path) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |now| now.as_nanos());
    let process = std::process::id();
    fingerprint::of_parts([
        &now.to_le_bytes()[..],
        &process.to_le_bytes(),
        path.as_os_str().as_encoded_bytes(),
    ])
}

/// The file of texts at `path`, open, and its generation; `None` if there is none, or it is
/// not one.
fn open_texts(path: &Path) -> Option<(File, String)> {
    let file = File::open(path).ok()?;
    let generation = generation_of(&file)?;
    Some((file, generation))
}

/// The generation a file of texts names in its header.
fn generation_of(file: &File) -> Option<String> {
    let mut reader = BufReader::new(file);
    let mut first = String::new();
    reader.read_line(&mut first).ok()?;
    let mut generation = String::new();
    reader.read_line(&mut generation).ok()?;
    (first == TEXTS_HEADER && generation.ends_with('\n')).then(|| generation.trim_end().to_owned())
}

/// A file of texts being written: each post's text after the one before.
struct Texts {
    writer: BufWriter<File>,
    generation: String,
    /// Where the next text goes.
    at: u64,
}

impl Texts {
    /// A new file of texts at `path`, of `generation`.
    fn create(path: &Path, generation: &str) -> io::Result<Texts> {
        let mut writer = BufWriter::with_capacity(1 << 20, File::create(path)?);
        let header = format!("{TEXTS_HEADER}{generation}\n");
        writer.write_all(header.as_bytes())?;
        Ok(Texts {
            writer,
            generation: generation.to_owned(),
            at: header.len() as u64,
        })
    }

    /// The file of texts at `path`, to add to at its end; `None` if there is no such file.
    fn open_to_add(path: &Path) -> io::Result<Option<Texts>> {
        let Ok(mut file) = fs::OpenOptions::new().read(true).append(true).open(path) else {
            return Ok(None);
        };
        let Some(generation) = generation_of(&file) else {
            return Ok(None);
        };
        let at = file.seek(SeekFrom::End(0))?;
        Ok(Some(Texts {
            writer: BufWriter::new(file),
            generation,
            at,
        }))
    }

    /// The record of `reading`, its post's text written into the file: the text kept
    /// elsewhere (read back from the file it was loaded from), or the one its body holds.
    fn record<'a>(&mut self, (file, kept, post): Reading<'a>) -> io::Result<Record<'a>> {
        let (post, text_key, text_at, text_len) = match post {
            Some(post) => {
                let text = match post.text.kept_bytes() {
                    Some(kept) => kept?,
                    None => Text::encode(&post.body).map_err(io::Error::other)?,
                };
                let at = self.at;
                self.writer.write_all(&text)?;
                self.at += text.len() as u64;
                let headless = match post.text.is_here() {
                    true => Cow::Owned(post.without_text()),
                    false => Cow::Borrowed(post),
                };
                (Some(headless), post.text.key(), at, text.len() as u64)
            }
            None => (None, 0, 0, 0),
        };
        Ok(Record {
            file,
            seen: kept.seen,
            key: &kept.key,
            authors_key: &kept.authors_key,
            post,
            text_key,
            text_at,
            text_len,
        })
    }

    fn finish(&mut self) -> io::Result<()> {
        self.writer.flush()
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

        // Written anew, the texts are a new generation: readings and texts of two different
        // writings do not go together, and read as nothing.
        let texts = texts_path(&path);
        let older = fs::read(&texts).unwrap();
        let kept = after.iter().map(|(file, kept)| {
            let post = kept.reading.as_ref().and_then(|read| read.as_ref().ok());
            (file.as_path(), kept, post)
        });
        save(&path, kept).unwrap();
        assert_eq!(load(&path).1, Some(good - 2), "written anew");
        fs::write(&texts, older).unwrap();
        let (mismatched, records) = load(&path);
        assert!(mismatched.is_empty() && records.is_none());

        // Texts cut short: a record that names bytes past the end reads as nothing.
        let kept = after.iter().map(|(file, kept)| {
            let post = kept.reading.as_ref().and_then(|read| read.as_ref().ok());
            (file.as_path(), kept, post)
        });
        save(&path, kept).unwrap();
        let whole_texts = fs::read(&texts).unwrap();
        fs::write(&texts, &whole_texts[..whole_texts.len() - 1]).unwrap();
        let (cut, records) = load(&path);
        assert!(cut.is_empty() && records.is_none(), "texts cut short");
    }
}

//! A post's text: its Markdown and its highlighted code, most of what a post weighs. A post
//! read from its file holds its text in its body. A post taken from the cache folder
//! (`memo/stored.rs`) leaves it in the file of texts there, and reads it back only when
//! something needs it: its bundle encoded anew, the feeds, the search index's terms of a post
//! it has not read. At 10,000 posts a build after one edit then loads 19 MB of readings
//! rather than 118 MB.
//! Either way the text's key, the fingerprint of both parts, stands for it in the keys of
//! what it is made into.

use std::{borrow::Cow, fmt, fs::File, io, sync::Arc};

use folio_content::{Body, Heading, HighlightedCode, ImageFacts, LocalLink};
use serde::{Deserialize, Serialize};

use crate::publish::fingerprint;

/// Where a post's text is, and its key.
#[derive(Clone, Default)]
pub struct Text {
    key: u128,
    /// `None` while the body holds the text.
    kept: Option<Kept>,
}

/// A text left in a file of the cache: `len` bytes at `at`, the postcard encoding of `Parts`.
#[derive(Clone)]
struct Kept {
    file: Arc<File>,
    at: u64,
    len: usize,
}

/// The text's two parts, as kept.
#[derive(Serialize, Deserialize)]
struct Parts<'a> {
    markdown: Cow<'a, str>,
    code: Cow<'a, [Option<HighlightedCode>]>,
}

/// What a body holds besides its text: its outline, links, images and formulas. The one place that
/// names the text's parts, for a body kept without them (`Post::without_text`) and for a key
/// that stands for them by the text's key (`outputs/post_bundle.rs`).
pub fn rest_of(body: &Body) -> (&[Heading], &[LocalLink], &[ImageFacts], &[String]) {
    let Body {
        markdown: _,
        code: _,
        outline,
        links,
        images,
        math,
    } = body;
    (outline, links, images, math)
}

impl Text {
    /// The text `body` holds.
    pub fn here(body: &Body) -> Text {
        Text {
            key: fingerprint::of_value(&(&body.markdown, &body.code)),
            kept: None,
        }
    }

    /// A text of `key` kept in `file`: `len` bytes at `at`, as `encode` made them.
    pub fn kept(key: u128, file: Arc<File>, at: u64, len: usize) -> Text {
        Text {
            key,
            kept: Some(Kept { file, at, len }),
        }
    }

    /// The fingerprint of the text.
    pub fn key(&self) -> u128 {
        self.key
    }

    /// Whether the body holds the text.
    pub fn is_here(&self) -> bool {
        self.kept.is_none()
    }

    /// `body`'s text as it is kept in the cache: its bytes are then all `Text::kept` needs.
    pub fn encode(body: &Body) -> postcard::Result<Vec<u8>> {
        postcard::to_allocvec(&Parts {
            markdown: Cow::Borrowed(&body.markdown),
            code: Cow::Borrowed(&body.code),
        })
    }

    /// The kept bytes of the text, if it is kept.
    pub fn kept_bytes(&self) -> Option<io::Result<Vec<u8>>> {
        self.kept.as_ref().map(Kept::read)
    }

    /// `body` with its text: as it is, or with the text read back from the cache.
    pub fn full<'a>(&self, body: &'a Body) -> io::Result<Cow<'a, Body>> {
        let Some(kept) = &self.kept else {
            return Ok(Cow::Borrowed(body));
        };
        let bytes = kept.read()?;
        let parts: Parts<'_> = postcard::from_bytes(&bytes).map_err(io::Error::other)?;
        Ok(Cow::Owned(Body {
            markdown: parts.markdown.into_owned(),
            code: parts.code.into_owned(),
            ..body.clone()
        }))
    }
}

impl Kept {
    fn read(&self) -> io::Result<Vec<u8>> {
        let mut bytes = vec![0; self.len];
        read_at(&self.file, &mut bytes, self.at)?;
        Ok(bytes)
    }
}

#[cfg(unix)]
fn read_at(file: &File, bytes: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

#[cfg(windows)]
fn read_at(file: &File, mut bytes: &mut [u8], mut at: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        match file.seek_read(bytes, at)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            read => {
                bytes = &mut bytes[read..];
                at += read as u64;
            }
        }
    }
    Ok(())
}

/// Two texts are equal when their keys are.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.key == other.key
    }
}

impl Eq for Text {}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = if self.is_here() { "here" } else { "kept" };
        write!(f, "Text({:032x}, {place})", self.key)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    #[test]
    fn a_kept_text_reads_back_as_it_was() {
        let body = crate::markdown::body(
            "Some *text*.\n\n```rust\nfn main() {}\n```\n".into(),
            std::path::Path::new("t.md"),
            |_| (1, 1),
        )
        .unwrap();
        let text = Text::here(&body);
        let bytes = Text::encode(&body).unwrap();
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(b"before").unwrap();
        file.write_all(&bytes).unwrap();
        let kept = Text::kept(text.key(), Arc::new(file), 6, bytes.len());
        assert!(!kept.is_here() && text.is_here());
        assert_eq!(kept, text);
        let empty = Body {
            markdown: String::new(),
            code: Vec::new(),
            ..body.clone()
        };
        assert_eq!(kept.full(&empty).unwrap().as_ref(), &body);
        assert_eq!(text.full(&body).unwrap().as_ref(), &body);
        assert_eq!(kept.kept_bytes().unwrap().unwrap(), bytes);
        let moved = Text::kept(text.key(), kept.kept.unwrap().file, 7, bytes.len());
        assert!(moved.full(&empty).is_err(), "bytes that do not decode");
        assert_ne!(Text::here(&empty), text);
    }
}

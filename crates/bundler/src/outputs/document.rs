//! One file a build makes in memory, with its key: the fingerprint of what it is made from.
//! A JSON document keeps its value and is encoded only when its bytes are asked for, which
//! publishing does only when its key is not the one the last build wrote: after one edit at
//! 10,000 posts, a few documents are encoded rather than every bundle and listing (0.2 s).

use std::{borrow::Cow, fmt};

use serde::Serialize;

use crate::publish::fingerprint;

/// A file made in memory: its bytes, or a value encoded as compact JSON when asked.
pub struct Document {
    key: u128,
    made: Made,
}

enum Made {
    Bytes(Vec<u8>),
    Json(Box<dyn Json>),
}

/// A value that encodes as JSON.
trait Json: Send + Sync {
    fn encode(&self) -> serde_json::Result<Vec<u8>>;
}

impl<T: Serialize + Send + Sync> Json for T {
    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(self)
    }
}

impl Document {
    /// A file of `bytes` (a feed, the sitemap): its key is their fingerprint.
    pub fn bytes(bytes: Vec<u8>) -> Document {
        Document {
            key: fingerprint::of_u128(&bytes),
            made: Made::Bytes(bytes),
        }
    }

    /// `value` as compact JSON, encoded when first asked for. Its key is the fingerprint of
    /// its value (`Hash` writes every field) and of this program, which decides how it is
    /// encoded: far cheaper to make than the JSON.
    pub fn json<T: Serialize + std::hash::Hash + Send + Sync + 'static>(value: T) -> Document {
        Document {
            key: fingerprint::of_value(&(fingerprint::of_this_program(), &value)),
            made: Made::Json(Box::new(value)),
        }
    }

    /// The fingerprint of what the file is made from: two documents with one key have the
    /// same bytes.
    pub fn key(&self) -> u128 {
        self.key
    }

    /// Its bytes, encoded now for a JSON document; the error can only come from a bug (a
    /// value serde cannot encode).
    pub fn contents(&self) -> Result<Cow<'_, [u8]>, String> {
        match &self.made {
            Made::Bytes(bytes) => Ok(Cow::Borrowed(bytes)),
            Made::Json(value) => value
                .encode()
                .map(Cow::Owned)
                .map_err(|error| error.to_string()),
        }
    }

    /// Its bytes if they are made already, not encoded on demand.
    pub fn made_bytes(&self) -> Option<&[u8]> {
        match &self.made {
            Made::Bytes(bytes) => Some(bytes),
            Made::Json(_) => None,
        }
    }
}

/// Two documents are equal when their bytes are.
impl PartialEq for Document {
    fn eq(&self, other: &Document) -> bool {
        self.contents() == other.contents()
    }
}

impl Eq for Document {}

impl fmt::Debug for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let contents = self.contents();
        let text = match &contents {
            Ok(bytes) => String::from_utf8_lossy(bytes),
            Err(error) => Cow::Owned(format!("(cannot encode: {error})")),
        };
        write!(f, "Document({text:?})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Hash)]
    struct Doc {
        text: &'static str,
        number: u32,
    }

    #[test]
    fn a_json_document_is_keyed_by_its_value_and_encoded_when_asked() {
        let one = Document::json(Doc {
            text: "one",
            number: 1,
        });
        assert_eq!(
            one.contents().unwrap().as_ref(),
            br#"{"text":"one","number":1}"#
        );
        assert_eq!(one.made_bytes(), None);
        let same = Document::json(Doc {
            text: "one",
            number: 1,
        });
        assert_eq!(one.key(), same.key());
        for other in [("two", 1), ("one", 2)] {
            let other = Document::json(Doc {
                text: other.0,
                number: other.1,
            });
            assert_ne!(one.key(), other.key());
            assert_ne!(one, other);
        }
        assert_eq!(one, same);
    }

    #[test]
    fn a_file_of_bytes_is_keyed_by_them() {
        let feed = Document::bytes(b"<feed/>".to_vec());
        assert_eq!(feed.made_bytes(), Some(&b"<feed/>"[..]));
        assert_eq!(feed.key(), Document::bytes(b"<feed/>".to_vec()).key());
        assert_ne!(feed.key(), Document::bytes(b"<feed />".to_vec()).key());
    }
}

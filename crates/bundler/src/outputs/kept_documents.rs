//! JSON documents already encoded, for builds that follow one another in one process: a
//! document whose value did not change since the last build (by the fingerprint of its `Hash`)
//! is not encoded again.

use std::{
    hash::Hash,
    sync::{Arc, Mutex},
};

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::publish::fingerprint;

/// Each document's path, with the fingerprint of its value and its bytes.
#[derive(Default)]
pub struct Documents(Mutex<FxHashMap<String, Encoded>>);

/// The fingerprint of a document's value, and its bytes.
type Encoded = (u128, Arc<Vec<u8>>);

impl Documents {
    /// `document` encoded as compact JSON: the bytes kept at `path` if it has the value it had
    /// then, else encoded now and kept.
    pub fn json(
        &self,
        path: &str,
        document: &(impl Serialize + Hash),
    ) -> serde_json::Result<Vec<u8>> {
        let key = fingerprint::of_value(document);
        if let Ok(kept) = self.0.lock() {
            let found = kept.get(path).filter(|(kept, _)| *kept == key);
            if let Some(bytes) = found.map(|(_, bytes)| Arc::clone(bytes)) {
                drop(kept);
                return Ok(bytes.as_ref().clone());
            }
        }
        let bytes = serde_json::to_vec(document)?;
        if let Ok(mut kept) = self.0.lock() {
            kept.insert(path.to_owned(), (key, Arc::new(bytes.clone())));
        }
        Ok(bytes)
    }

    /// Forgets the documents whose paths `wanted` refuses (no longer made).
    pub fn keep_only(&self, wanted: impl Fn(&str) -> bool) {
        if let Ok(mut kept) = self.0.lock() {
            kept.retain(|path, _| wanted(path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document whose `Hash` leaves out `unhashed`: what shows whether it was encoded again.
    #[derive(Serialize)]
    struct Doc {
        text: &'static str,
        unhashed: u32,
    }

    impl Hash for Doc {
        fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
            self.text.hash(state);
        }
    }

    #[test]
    fn a_document_is_encoded_again_only_when_its_value_changes() {
        let documents = Documents::default();
        let json = |path, text, unhashed| {
            let bytes = documents.json(path, &Doc { text, unhashed }).unwrap();
            String::from_utf8(bytes).unwrap()
        };
        assert_eq!(json("a.json", "one", 1), r#"{"text":"one","unhashed":1}"#);
        assert_eq!(
            json("a.json", "one", 2),
            r#"{"text":"one","unhashed":1}"#,
            "kept"
        );
        assert_eq!(json("a.json", "two", 3), r#"{"text":"two","unhashed":3}"#);
        assert_eq!(
            json("b.json", "two", 4),
            r#"{"text":"two","unhashed":4}"#,
            "by path"
        );
        documents.keep_only(|path| path == "b.json");
        assert_eq!(
            json("a.json", "two", 5),
            r#"{"text":"two","unhashed":5}"#,
            "forgotten"
        );
        assert_eq!(json("b.json", "two", 6), r#"{"text":"two","unhashed":4}"#);
    }
}

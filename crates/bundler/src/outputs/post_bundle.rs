//! A post's bundle as a document of the build (`document.rs`): keyed by everything in it, its
//! text by the text's key, so that a post whose text the cache kept (`post/text.rs`) is
//! keyed alike without reading it back; and encoded with its text, read back if need be.

use std::hash::{Hash, Hasher};

use folio_content::PostBundle;
use serde::{Serialize, Serializer};

use crate::post::text::{rest_of, Text};

/// A post's bundle, whose body holds its text only if `text` says it is here.
pub struct Bundle {
    pub bundle: PostBundle,
    pub text: Text,
}

impl Hash for Bundle {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let PostBundle {
            format,
            post,
            description,
            word_count,
            previous,
            next,
            call_for_comments,
            series,
            related,
            body,
        } = &self.bundle;
        (format, post, description, word_count, previous, next).hash(state);
        (call_for_comments, series, related, rest_of(body)).hash(state);
        self.text.key().hash(state);
    }
}

impl Serialize for Bundle {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.text.is_here() {
            return self.bundle.serialize(serializer);
        }
        let body = self
            .text
            .full(&self.bundle.body)
            .map_err(|error| serde::ser::Error::custom(format!("reading the post's text from the cache: {error}; delete the cache folder and build again")))?;
        PostBundle {
            body: body.into_owned(),
            ..self.bundle.clone()
        }
        .serialize(serializer)
    }
}

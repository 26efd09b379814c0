//! `Slug`: the URL-safe name of a post. Made from a file name by the bundler and checked again
//! when it comes from a URL, so a slug can never step outside `data/posts/`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// Lowercase letters and digits (any script) separated by single hyphens.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Derives a slug from free text such as a file stem: lowercases, turns every run of other
    /// characters into one hyphen. Returns `None` when nothing usable is left.
    pub fn derive(text: &str) -> Option<Slug> {
        let out = hyphenate(text);
        (!out.is_empty()).then_some(Slug(out))
    }

    /// The slug of a tag's or an author's name: as `derive`, with the symbols that tell such
    /// names apart spelled out: `C++` is `c-plus-plus` and `C#` `c-sharp`, so that `C`, `C++`
    /// and `C#` each get a page of their own rather than one page for all three.
    pub fn of_name(name: &str) -> Option<Slug> {
        let mut spelled = String::with_capacity(name.len() + 8);
        let mut previous: Option<char> = None;
        for c in name.chars() {
            match c {
                '+' => spelled.push_str(" plus "),
                '#' | '♯' if previous.is_some_and(char::is_alphanumeric) => {
                    spelled.push_str(" sharp ")
                }
                _ => spelled.push(c),
            }
            previous = Some(c);
        }
        Slug::derive(&spelled)
    }

    /// Accepts `text` only if it already is a slug: letters and digits that are not upper case,
    /// in runs joined by single hyphens. Checked without lowercasing, because the browser checks
    /// every slug in a URL and the lowercase tables would cost 12 KB of wasm. (Title-case letters
    /// such as `ǅ`, which `derive` never leaves, pass; they still cannot leave `data/posts/`.)
    pub fn parse(text: &str) -> Option<Slug> {
        let joined = !text.is_empty()
            && !text.starts_with('-')
            && !text.ends_with('-')
            && !text.contains("--");
        let allowed = text
            .chars()
            .all(|c| c == '-' || (c.is_alphanumeric() && !c.is_uppercase()));
        (joined && allowed).then(|| Slug(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Lowercases `text`, keeps letters and digits of any script that are not upper case, and turns
/// every run of other characters into one hyphen, with no hyphen at either end. Slugs and heading anchors share it.
pub(crate) fn hyphenate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        // Some capitals have no lower case (e.g. mathematical 𝕆): they count as separators,
        // so that every derived slug passes `parse`.
        if c.is_alphanumeric() && !c.is_uppercase() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Slug::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{text}\" is not a valid slug")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_from_file_stems() {
        let slug = |s| Slug::derive(s).map(|s| s.0);
        assert_eq!(
            slug("leading-for-innovation").as_deref(),
            Some("leading-for-innovation")
        );
        assert_eq!(slug("  Hello, World!  ").as_deref(), Some("hello-world"));
        assert_eq!(slug("Ünïcödé Straße").as_deref(), Some("ünïcödé-straße"));
        assert_eq!(slug("a__b..c").as_deref(), Some("a-b-c"));
        assert_eq!(slug("--- !!! ---"), None);
    }

    #[test]
    fn names_that_differ_in_a_symbol_get_slugs_of_their_own() {
        let slug = |s| Slug::of_name(s).map(|s| s.0);
        assert_eq!(slug("C").as_deref(), Some("c"));
        assert_eq!(slug("C++").as_deref(), Some("c-plus-plus"));
        assert_eq!(slug("C#").as_deref(), Some("c-sharp"));
        assert_eq!(slug("F♯ minor").as_deref(), Some("f-sharp-minor"));
        assert_eq!(slug("#rust").as_deref(), Some("rust"));
        assert_eq!(
            slug("Local Government").as_deref(),
            Some("local-government")
        );
        assert_eq!(slug("+").as_deref(), Some("plus"));
        assert_eq!(slug("#"), None);
    }

    #[test]
    fn parse_rejects_anything_that_could_leave_the_folder() {
        assert!(Slug::parse("leading-for-innovation").is_some());
        for bad in ["", "../etc", "a/b", "A", "a--b", "-a", "a.json", "a b"] {
            assert_eq!(Slug::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn every_derived_slug_parses() {
        let samples = [
            "Leading for Innovation",
            "Ünïcödé Straße",
            "日本語のタイトル",
            "Ελληνικά Κεφαλαία",
            "x__2015--10",
            "İstanbul",
            "ÀÉÎÕÜ ß",
        ];
        for sample in samples {
            let slug = Slug::derive(sample).unwrap();
            assert_eq!(Slug::parse(slug.as_str()), Some(slug.clone()), "{sample}");
        }
    }

    #[test]
    fn deserializing_checks_the_slug() {
        assert!(serde_json::from_str::<Slug>("\"ok-slug\"").is_ok());
        assert!(serde_json::from_str::<Slug>("\"../x\"").is_err());
    }
}

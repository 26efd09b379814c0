//! YAML front matter (between `---` lines, as Jekyll and Hugo write it) read into the shared
//! `value::Table`, with hard limits on aliases so that an alias bomb fails fast and small.

use std::{fmt, ops::Range, path::Path};

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Location, Spanned};

use crate::{
    front_matter::value::{Key, Node, Table, Value},
    problem::Problem,
};

/// The most alias (`*name`) uses front matter may hold.
const MAX_ALIASES: usize = 100;
/// The most values aliases may expand to in all: far more than any front matter needs.
const MAX_REPLAYED: usize = 10_000;
/// The most values in the front matter.
const MAX_NODES: usize = 10_000;

/// Reads `yaml`, which starts at byte `base` (the start of a line) of `text`, the contents of
/// `file`. A document that is empty or only comments is an empty table.
pub fn parse(file: &Path, text: &str, yaml: &str, base: usize) -> Result<Table, Problem> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_aliases: MAX_ALIASES,
            max_nodes: MAX_NODES,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_REPLAYED,
        },
    };
    let at = Place { text, yaml, base };
    let root = serde_saphyr::from_str_with_options::<Spanned<Raw>>(yaml, options)
        .map_err(|error| at.error(file, &error))?;
    let span = at.span(&root.referenced);
    match at.node(root).value {
        Value::Table(table) => Ok(table),
        Value::Null => Ok(Table::default()),
        other => Err(Problem::at(
            file,
            text.as_bytes(),
            span.start,
            format!("the front matter is {}, not fields", other.describe()),
            "write one field a line, as title: \"...\"",
        )),
    }
}

/// Where the YAML is in the file.
struct Place<'a> {
    text: &'a str,
    yaml: &'a str,
    base: usize,
}

impl Place<'_> {
    /// The span in the file of a node at `location` in the YAML.
    fn span(&self, location: &Location) -> Range<usize> {
        let span = location.span();
        let start = match span.byte_offset() {
            Some(offset) => usize::try_from(offset).unwrap_or(usize::MAX),
            None => self.offset_of(location.line(), location.column()),
        };
        let len = span
            .byte_len()
            .and_then(|len| usize::try_from(len).ok())
            .unwrap_or(0);
        let start = start.min(self.yaml.len()) + self.base;
        start..(start + len).min(self.text.len())
    }

    /// The byte offset in the YAML of a 1-based line and column (in characters).
    fn offset_of(&self, line: u64, column: u64) -> usize {
        let mut offset = 0;
        for (number, text) in (1..).zip(self.yaml.split_inclusive('\n')) {
            if number == line {
                let skip = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
                return offset
                    + text
                        .char_indices()
                        .nth(skip)
                        .map_or(text.len(), |(at, _)| at);
            }
            offset += text.len();
        }
        self.yaml.len()
    }

    fn node(&self, raw: Spanned<Raw>) -> Node {
        let span = self.span(&raw.referenced);
        let value = match raw.value {
            Raw::Scalar(value) => value,
            Raw::List(items) => {
                Value::Array(items.into_iter().map(|item| self.node(item)).collect())
            }
            Raw::Map(entries) => Value::Table(Table {
                entries: entries
                    .into_iter()
                    .map(|(key, value)| {
                        let key = Key {
                            span: self.span(&key.referenced),
                            name: key.value,
                        };
                        (key, self.node(value))
                    })
                    .collect(),
            }),
        };
        Node { value, span }
    }

    /// A YAML error as a problem at its place in the file.
    fn error(&self, file: &Path, error: &serde_saphyr::Error) -> Problem {
        let plain = error.without_snippet().to_string();
        let first = plain.lines().next().unwrap_or("invalid YAML");
        let message = first.split(" at line ").next().unwrap_or(first).trim();
        let (message, help) = if message.contains("alias replay limit")
            || message.contains("budget breached: Aliases")
        {
            (
                "the YAML aliases expand to too much (is this an alias bomb?)".to_owned(),
                "write the values out instead of repeating them with & anchors and * aliases",
            )
        } else if message.contains("budget breached") {
            (
                format!("the front matter holds too many values (at most {MAX_NODES})"),
                "front matter is for a post's fields: move long content into the body",
            )
        } else {
            (
                message.to_owned(),
                "fix the YAML syntax between the \"---\" lines (quote text that holds \": \" or starts with a symbol)",
            )
        };
        let offset = match error.location() {
            Some(location) => self.span(&location).start,
            None => self.base,
        };
        Problem::at(file, self.text.as_bytes(), offset, message, help)
    }
}

/// A YAML node as serde hands it over, before spans are moved into the file.
enum Raw {
    Scalar(Value),
    List(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<String>, Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Scalar(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Scalar(Value::Null))
    }

    fn visit_bool<E>(self, flag: bool) -> Result<Raw, E> {
        Ok(Raw::Scalar(Value::Boolean(flag)))
    }

    fn visit_i64<E>(self, number: i64) -> Result<Raw, E> {
        Ok(Raw::Scalar(Value::Integer(Some(number))))
    }

    fn visit_u64<E>(self, number: u64) -> Result<Raw, E> {
        Ok(Raw::Scalar(Value::Integer(i64::try_from(number).ok())))
    }

    fn visit_i128<E>(self, number: i128) -> Result<Raw, E> {
        Ok(Raw::Scalar(Value::Integer(i64::try_from(number).ok())))
    }

    fn visit_u128<E>(self, number: u128) -> Result<Raw, E> {
        Ok(Raw::Scalar(Value::Integer(i64::try_from(number).ok())))
    }

    fn visit_f64<E>(self, number: f64) -> Result<Raw, E> {
        Ok(Raw::Scalar(Value::Float(number)))
    }

    fn visit_str<E>(self, text: &str) -> Result<Raw, E> {
        Ok(Raw::Scalar(Value::String(text.to_owned())))
    }

    fn visit_string<E>(self, text: String) -> Result<Raw, E> {
        Ok(Raw::Scalar(Value::String(text)))
    }

    fn visit_bytes<E>(self, bytes: &[u8]) -> Result<Raw, E> {
        Ok(Raw::Scalar(Value::String(
            String::from_utf8_lossy(bytes).into_owned(),
        )))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Raw::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str) -> Result<Table, Problem> {
        let text = format!("---\n{yaml}---\n");
        parse(Path::new("p.md"), &text, &text[4..4 + yaml.len()], 4)
    }

    fn problem(yaml: &str) -> String {
        let p = read(yaml).unwrap_err();
        format!("{}:{} {}", p.line, p.column, p.message)
    }

    #[test]
    fn reads_fields_with_their_places_in_the_file() {
        let yaml = "title: \"Ünï\"\ntags: [a, b]\ndraft: true\nn: 3\nnothing:\n";
        let table = read(yaml).unwrap();
        let text = format!("---\n{yaml}---\n");
        let title = table.get("title").unwrap();
        assert_eq!(title.value, Value::String("Ünï".into()));
        assert_eq!(&text[title.span.clone()], "\"Ünï\"");
        let Value::Array(tags) = &table.get("tags").unwrap().value else {
            panic!("a list")
        };
        assert_eq!(&text[tags[1].span.clone()], "b");
        assert_eq!(table.get("draft").unwrap().value, Value::Boolean(true));
        assert_eq!(table.get("n").unwrap().value, Value::Integer(Some(3)));
        assert_eq!(table.get("nothing").unwrap().value, Value::Null);
        assert_eq!(&text[table.entries[1].0.span.clone()], "tags");
    }

    #[test]
    fn empty_front_matter_has_no_fields() {
        assert_eq!(read("").unwrap(), Table::default());
        assert_eq!(read("# just a comment\n").unwrap(), Table::default());
    }

    #[test]
    fn reports_syntax_errors_at_their_place_in_the_file() {
        assert_eq!(problem("title: [oops\n"), "2:8 unclosed bracket '['");
        assert_eq!(
            problem("title: a\n  b: c\n"),
            "3:4 mapping values are not allowed in this context"
        );
        assert!(problem("t: a\nt: b\n").starts_with("3:1 duplicate mapping key"));
        assert_eq!(
            problem("- a\n- b\n"),
            "2:1 the front matter is a list, not fields"
        );
    }

    #[test]
    fn an_alias_bomb_fails_fast() {
        let mut yaml = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip("abcdefgh".chars())
        {
            let list = vec![format!("*{previous}"); 9].join(", ");
            yaml.push_str(&format!("{name}: &{name} [{list}]\n"));
        }
        let started = std::time::Instant::now();
        let error = read(&yaml).unwrap_err();
        assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
        assert!(error.message.contains("alias bomb"), "{}", error.message);
        let many: String = (0..=MAX_ALIASES).map(|i| format!("k{i}: *a\n")).collect();
        let error = read(&format!("a: &a x\n{many}")).unwrap_err();
        assert!(error.message.contains("alias bomb"), "{}", error.message);
    }

    #[test]
    fn other_limits_and_mistakes_have_their_own_messages() {
        let big: String = (0..=MAX_NODES / 2).map(|i| format!("k{i}: 1\n")).collect();
        assert!(problem(&big).contains("holds too many values"));
        assert_eq!(
            problem("title: *nope\n"),
            "2:8 alias references unknown anchor"
        );
    }
}

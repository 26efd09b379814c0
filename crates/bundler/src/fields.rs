//! Typed reading of a parsed TOML table that keeps every key's position: each wrong key or value
//! becomes a located `Problem` and reading goes on, so one run reports all of them.

use std::ops::Range;

use toml::{
    de::{DeTable, DeValue},
    Spanned,
};

use crate::{
    problem::{Locator, Problem},
    suggest::closest,
};

/// The fields of one TOML table: the whole document, or one `[[authors]]` entry.
pub struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    at: Locator<'t>,
    /// Where to report a missing field: a span of the TOML, or `None` for the file's first line.
    missing_at: Option<Range<usize>>,
    /// How the table is named in messages, e.g. "the front matter".
    what: &'static str,
}

impl<'t, 'i> Fields<'t, 'i> {
    /// Wraps `table` and reports its keys that are not `accepted`.
    pub fn new(
        table: &'t DeTable<'i>,
        at: Locator<'t>,
        missing_at: Option<Range<usize>>,
        what: &'static str,
        accepted: &[&str],
        problems: &mut Vec<Problem>,
    ) -> Self {
        let mut unknown: Vec<_> = table
            .keys()
            .filter(|key| !accepted.contains(&key.get_ref().as_ref()))
            .collect();
        unknown.sort_by_key(|key| key.span().start);
        for key in unknown {
            let name = key.get_ref().as_ref();
            let list = accepted.join(", ");
            let help = match closest(name, accepted) {
                Some(guess) => format!("did you mean \"{guess}\"? accepted fields: {list}"),
                None => format!("remove it; accepted fields: {list}"),
            };
            problems.push(at.problem(
                &key.span(),
                format!("unknown field \"{name}\" in {what}"),
                help,
            ));
        }
        Fields {
            table,
            at,
            missing_at,
            what,
        }
    }

    /// Where spans of this table are reported.
    pub fn locator(&self) -> Locator<'t> {
        self.at
    }

    /// The raw value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    /// Reports that the required field `key` is absent; `example` shows how to write it.
    pub fn missing(&self, key: &str, example: &str, problems: &mut Vec<Problem>) {
        let message = format!("missing required field \"{key}\" in {}", self.what);
        let help = format!("add {example} to {}", self.what);
        problems.push(match &self.missing_at {
            Some(span) => self.at.problem(span, message, help),
            None => Problem::at(self.at.file, self.at.text.as_bytes(), 0, message, help),
        });
    }

    /// Reports that `key` has the wrong type; `example` shows how to write it.
    pub fn wrong_type(
        &self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        expected: &str,
        example: &str,
        problems: &mut Vec<Problem>,
    ) {
        let message = format!(
            "\"{key}\" must be {expected}, not {}",
            describe(value.get_ref())
        );
        problems.push(
            self.at
                .problem(&value.span(), message, format!("write it as {example}")),
        );
    }

    /// An optional string field, with its span.
    pub fn string(&self, key: &str, problems: &mut Vec<Problem>) -> Option<(String, Range<usize>)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(text) => Some((text.to_string(), value.span())),
            _ => {
                self.wrong_type(
                    key,
                    value,
                    "a string",
                    &format!("{key} = \"...\""),
                    problems,
                );
                None
            }
        }
    }

    /// A required string field that must not be blank; returned trimmed.
    pub fn required_string(&self, key: &str, problems: &mut Vec<Problem>) -> Option<String> {
        let example = format!("{key} = \"...\"");
        if self.get(key).is_none() {
            self.missing(key, &example, problems);
            return None;
        }
        let (text, span) = self.string(key, problems)?;
        let trimmed = text.trim();
        if trimmed.is_empty() {
            let message = format!("\"{key}\" is empty");
            problems.push(self.at.problem(
                &span,
                message,
                format!("write it as {example} with some text"),
            ));
            return None;
        }
        Some(trimmed.to_owned())
    }

    /// An optional boolean field.
    pub fn bool(&self, key: &str, problems: &mut Vec<Problem>) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(flag) => Some(*flag),
            _ => {
                self.wrong_type(
                    key,
                    value,
                    "true or false",
                    &format!("{key} = true"),
                    problems,
                );
                None
            }
        }
    }

    /// An optional integer field, with its span.
    pub fn integer(&self, key: &str, problems: &mut Vec<Problem>) -> Option<(i64, Range<usize>)> {
        let value = self.get(key)?;
        let number = match value.get_ref() {
            DeValue::Integer(number) => i64::from_str_radix(number.as_str(), number.radix()).ok(),
            _ => None,
        };
        if number.is_none() {
            self.wrong_type(
                key,
                value,
                "a whole number",
                &format!("{key} = 10"),
                problems,
            );
        }
        number.map(|number| (number, value.span()))
    }

    /// An optional array of strings; each is trimmed and must not be blank.
    pub fn strings(&self, key: &str, problems: &mut Vec<Problem>) -> Option<Vec<String>> {
        let value = self.get(key)?;
        let example = format!("{key} = [\"...\", \"...\"]");
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, "an array of strings", &example, problems);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(text) if !text.trim().is_empty() => {
                    out.push(text.trim().to_owned())
                }
                DeValue::String(_) => {
                    let message = format!("\"{key}\" holds an empty string");
                    problems.push(self.at.problem(
                        &item.span(),
                        message,
                        "remove it or write some text",
                    ));
                }
                _ => self.wrong_type(key, item, "an array of strings", &example, problems),
            }
        }
        Some(out)
    }

    /// An optional array of tables, such as `[[authors]]`: each with its span.
    pub fn tables(
        &self,
        key: &str,
        example: &str,
        problems: &mut Vec<Problem>,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, "an array of tables", example, problems);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(table) => out.push((table, item.span())),
                _ => self.wrong_type(key, item, "an array of tables", example, problems),
            }
        }
        out
    }
}

/// A value's type as readers of a message know it.
pub fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date or time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const ACCEPTED: &[&str] = &["title", "count", "tags", "draft", "authors"];

    /// What `read` found.
    struct Read {
        problems: Vec<Problem>,
        title: Option<String>,
        count: Option<i64>,
        tags: Option<Vec<String>>,
        draft: Option<bool>,
    }

    fn read(toml: &str) -> Read {
        let table = DeTable::parse(toml).unwrap();
        let at = Locator {
            file: Path::new("t.toml"),
            text: toml,
            base: 0,
        };
        let mut problems = Vec::new();
        let fields = Fields::new(
            table.get_ref(),
            at,
            None,
            "the test",
            ACCEPTED,
            &mut problems,
        );
        let title = fields.required_string("title", &mut problems);
        let count = fields
            .integer("count", &mut problems)
            .map(|(count, _)| count);
        let tags = fields.strings("tags", &mut problems);
        let draft = fields.bool("draft", &mut problems);
        Read {
            problems,
            title,
            count,
            tags,
            draft,
        }
    }

    #[test]
    fn reads_typed_fields() {
        let read = read("title = \" Hi \"\ncount = 0x10\ntags = [\"a\", \" b \"]\ndraft = true\n");
        assert_eq!(read.problems, vec![]);
        assert_eq!(read.title.as_deref(), Some("Hi"));
        assert_eq!(read.count, Some(16));
        assert_eq!(read.tags, Some(vec!["a".to_owned(), "b".to_owned()]));
        assert_eq!(read.draft, Some(true));
    }

    #[test]
    fn reports_every_wrong_field_where_it_is() {
        let problems =
            read("titel = \"x\"\ncount = \"ten\"\ntags = [\"a\", 3, \" \"]\ndraft = 1\n").problems;
        let shown: Vec<_> = problems
            .iter()
            .map(|p| format!("{}:{} {}", p.line, p.column, p.message))
            .collect();
        assert_eq!(
            shown,
            [
                "1:1 unknown field \"titel\" in the test",
                "1:1 missing required field \"title\" in the test",
                "2:9 \"count\" must be a whole number, not a string",
                "3:14 \"tags\" must be an array of strings, not an integer",
                "3:17 \"tags\" holds an empty string",
                "4:9 \"draft\" must be true or false, not an integer",
            ]
        );
        assert!(
            problems[0].help.starts_with("did you mean \"title\"?"),
            "{}",
            problems[0].help
        );
    }

    #[test]
    fn empty_strings_are_missing_values() {
        let read = read("title = \"  \"");
        assert_eq!(read.title, None);
        assert_eq!(read.problems[0].message, "\"title\" is empty");
    }
}

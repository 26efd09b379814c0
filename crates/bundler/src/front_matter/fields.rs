//! Typed reading of a table of fields (TOML or YAML, see `value`) that keeps every key's place:
//! each wrong key or value becomes a located `Problem` and reading goes on, so one run reports
//! all of them. The one place where fields are checked.

use std::{ops::Range, path::Path};

use crate::{
    front_matter::value::{Node, Syntax, Table, Value},
    problem::Problem,
    suggest::closest,
};

/// The fields of one table: a whole document, or one `[[authors]]` entry.
pub struct Fields<'t> {
    table: &'t Table,
    file: &'t Path,
    /// The whole text of the file; spans are byte offsets in it.
    text: &'t str,
    syntax: Syntax,
    /// Where to report a missing field: a span, or `None` for the file's first line.
    missing_at: Option<Range<usize>>,
    /// How the table is named in messages, e.g. "the front matter".
    what: &'static str,
}

/// Where a table comes from: the file, its text, and its language.
#[derive(Clone, Copy, Debug)]
pub struct Source<'t> {
    pub file: &'t Path,
    pub text: &'t str,
    pub syntax: Syntax,
}

impl<'t> Fields<'t> {
    /// Wraps `table` and reports its keys that are not `accepted`.
    pub fn new(
        table: &'t Table,
        source: Source<'t>,
        missing_at: Option<Range<usize>>,
        what: &'static str,
        accepted: &[&str],
        problems: &mut Vec<Problem>,
    ) -> Self {
        let fields = Fields {
            table,
            file: source.file,
            text: source.text,
            syntax: source.syntax,
            missing_at,
            what,
        };
        let list = accepted.join(", ");
        for (key, _) in &table.entries {
            let name = key.name.as_str();
            if accepted.contains(&name) {
                continue;
            }
            let help = match closest(name, accepted) {
                Some(guess) => format!("did you mean \"{guess}\"? accepted fields: {list}"),
                None => format!("remove it; accepted fields: {list}"),
            };
            let message = format!("unknown field \"{name}\" in {what}");
            problems.push(fields.problem(&key.span, message, help));
        }
        fields
    }

    /// A problem at `span` of the file.
    pub fn problem(
        &self,
        span: &Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Problem {
        Problem::at(self.file, self.text.as_bytes(), span.start, message, help)
    }

    /// Where this table comes from, to read a nested table with.
    pub fn source(&self) -> Source<'t> {
        Source {
            file: self.file,
            text: self.text,
            syntax: self.syntax,
        }
    }

    /// How `key` with `value` is written in this table's language.
    pub fn example(&self, key: &str, value: &str) -> String {
        self.syntax.example(key, value)
    }

    /// The value of `key`, if present. A YAML `key:` with nothing after it counts as absent.
    pub fn get(&self, key: &str) -> Option<&'t Node> {
        self.table.get(key).filter(|node| node.value != Value::Null)
    }

    /// Reports that the required field `key` is absent; `value` shows how to write it.
    pub fn missing(&self, key: &str, value: &str, problems: &mut Vec<Problem>) {
        let message = format!("missing required field \"{key}\" in {}", self.what);
        let help = format!("add {} to {}", self.example(key, value), self.what);
        problems.push(match &self.missing_at {
            Some(span) => self.problem(span, message, help),
            None => Problem::at(self.file, self.text.as_bytes(), 0, message, help),
        });
    }

    /// Reports that `key` holds `node`, of the wrong type; `value` shows how to write it.
    pub fn wrong_type(
        &self,
        key: &str,
        node: &Node,
        expected: &str,
        value: &str,
        problems: &mut Vec<Problem>,
    ) {
        let message = format!(
            "\"{key}\" must be {expected}, not {}",
            node.value.describe()
        );
        let help = format!("write it as {}", self.example(key, value));
        problems.push(self.problem(&node.span, message, help));
    }

    /// An optional string field, with its span.
    pub fn string(&self, key: &str, problems: &mut Vec<Problem>) -> Option<(String, Range<usize>)> {
        let node = self.get(key)?;
        match &node.value {
            Value::String(text) => Some((text.clone(), node.span.clone())),
            _ => {
                self.wrong_type(key, node, "a string", "\"...\"", problems);
                None
            }
        }
    }

    /// A required string field that must not be blank; returned trimmed.
    pub fn required_string(&self, key: &str, problems: &mut Vec<Problem>) -> Option<String> {
        let entry = self.table.entries.iter().find(|(k, _)| k.name == key);
        let (text, span) = match entry {
            None => {
                self.missing(key, "\"...\"", problems);
                return None;
            }
            // YAML's `title:` with nothing after it: shown at the key.
            Some((k, node)) if node.value == Value::Null => (String::new(), k.span.clone()),
            Some(_) => self.string(key, problems)?,
        };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            let help = format!(
                "write it as {} with some text",
                self.example(key, "\"...\"")
            );
            problems.push(self.problem(&span, format!("\"{key}\" is empty"), help));
            return None;
        }
        Some(trimmed.to_owned())
    }

    /// An optional boolean field.
    pub fn bool(&self, key: &str, problems: &mut Vec<Problem>) -> Option<bool> {
        let node = self.get(key)?;
        match node.value {
            Value::Boolean(flag) => Some(flag),
            _ => {
                self.wrong_type(key, node, "true or false", "true", problems);
                None
            }
        }
    }

    /// An optional integer field, with its span.
    pub fn integer(&self, key: &str, problems: &mut Vec<Problem>) -> Option<(i64, Range<usize>)> {
        let node = self.get(key)?;
        match node.value {
            Value::Integer(Some(number)) => Some((number, node.span.clone())),
            _ => {
                self.wrong_type(key, node, "a whole number", "10", problems);
                None
            }
        }
    }

    /// An optional list of strings, each trimmed and not blank. With `one_allowed`, a single
    /// string stands for a list of one.
    pub fn strings(
        &self,
        key: &str,
        one_allowed: bool,
        problems: &mut Vec<Problem>,
    ) -> Option<Vec<String>> {
        let located = self.located_strings(key, one_allowed, problems)?;
        Some(located.into_iter().map(|(text, _)| text).collect())
    }

    /// `strings`, each with its span.
    pub fn located_strings(
        &self,
        key: &str,
        one_allowed: bool,
        problems: &mut Vec<Problem>,
    ) -> Option<Vec<(String, Range<usize>)>> {
        let node = self.get(key)?;
        let (expected, example) = if one_allowed {
            ("a string or a list of strings", "[\"...\", \"...\"]")
        } else {
            ("a list of strings", "[\"...\", \"...\"]")
        };
        let items: Vec<&Node> = match &node.value {
            Value::Array(items) => items.iter().collect(),
            Value::String(_) if one_allowed => vec![node],
            _ => {
                self.wrong_type(key, node, expected, example, problems);
                return None;
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match &item.value {
                Value::String(text) if !text.trim().is_empty() => {
                    out.push((text.trim().to_owned(), item.span.clone()));
                }
                Value::String(_) | Value::Null => {
                    let message = format!("\"{key}\" holds an empty string");
                    problems.push(self.problem(
                        &item.span,
                        message,
                        "remove it or write some text",
                    ));
                }
                _ => self.wrong_type(key, item, expected, example, problems),
            }
        }
        Some(out)
    }

    /// The 1-based line and column of `span`'s start.
    pub fn line_column(&self, span: &Range<usize>) -> (usize, usize) {
        crate::problem::line_column(self.text.as_bytes(), span.start)
    }

    /// An optional list of tables, such as `[[authors]]`: each with its span.
    pub fn tables(
        &self,
        key: &str,
        example: &str,
        problems: &mut Vec<Problem>,
    ) -> Vec<(&'t Table, Range<usize>)> {
        let Some(node) = self.get(key) else {
            return Vec::new();
        };
        let Value::Array(items) = &node.value else {
            self.wrong_type(key, node, "a list of tables", example, problems);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match &item.value {
                Value::Table(table) => out.push((table, item.span.clone())),
                _ => self.wrong_type(key, item, "a list of tables", example, problems),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use toml::de::DeTable;

    use super::*;
    use crate::front_matter::value::from_toml;

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
        let table = from_toml(DeTable::parse(toml).unwrap().get_ref(), 0);
        let source = Source {
            file: Path::new("t.toml"),
            text: toml,
            syntax: Syntax::Toml,
        };
        let mut problems = Vec::new();
        let fields = Fields::new(&table, source, None, "the test", ACCEPTED, &mut problems);
        let title = fields.required_string("title", &mut problems);
        let count = fields
            .integer("count", &mut problems)
            .map(|(count, _)| count);
        let tags = fields.strings("tags", false, &mut problems);
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
            .map(|p| format!("{}:{} {} | {}", p.line, p.column, p.message, p.help))
            .collect();
        assert_eq!(
            shown,
            [
                "1:1 unknown field \"titel\" in the test | did you mean \"title\"? accepted fields: title, count, tags, draft, authors",
                "1:1 missing required field \"title\" in the test | add title = \"...\" to the test",
                "2:9 \"count\" must be a whole number, not a string | write it as count = 10",
                "3:14 \"tags\" must be a list of strings, not an integer | write it as tags = [\"...\", \"...\"]",
                "3:17 \"tags\" holds an empty string | remove it or write some text",
                "4:9 \"draft\" must be true or false, not an integer | write it as draft = true",
            ]
        );
    }

    #[test]
    fn empty_strings_are_missing_values() {
        let read = read("title = \"  \"");
        assert_eq!(read.title, None);
        assert_eq!(read.problems[0].message, "\"title\" is empty");
    }
}

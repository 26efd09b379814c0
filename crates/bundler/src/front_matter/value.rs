//! The fields of a TOML or YAML document in one shape, each value with its place in the file, so
//! that one set of checks (`fields`) serves `site.toml` and both kinds of front matter.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

pub use crate::sources::split::Syntax;

impl Syntax {
    /// How `key` with `value` is written, e.g. `title = "..."` or `title: "..."`.
    pub fn example(self, key: &str, value: &str) -> String {
        match self {
            Syntax::Toml => format!("{key} = {value}"),
            Syntax::Yaml => format!("{key}: {value}"),
        }
    }
}

/// A value with where it is: byte offsets in the whole file.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Range<usize>,
}

/// A key of a table with where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub name: String,
    pub span: Range<usize>,
}

/// A table's entries in the order they are written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub entries: Vec<(Key, Node)>,
}

impl Table {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, node)| node)
    }
}

/// A value of either language.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    String(String),
    /// `None` when the number does not fit in 64 bits.
    Integer(Option<i64>),
    Float(f64),
    Boolean(bool),
    /// A TOML date, time or date-time, as written.
    Datetime(toml::value::Datetime),
    /// YAML's `~`, `null` or an empty value.
    Null,
    Array(Vec<Node>),
    Table(Table),
}

impl Value {
    /// The value's type as readers of a message know it.
    pub fn describe(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Float(_) => "a decimal number",
            Value::Boolean(_) => "a boolean",
            Value::Datetime(_) => "a date or time",
            Value::Null => "an empty value",
            Value::Array(_) => "a list",
            Value::Table(_) => "a table",
        }
    }
}

/// Converts a parsed TOML table whose text starts at byte `base` of the file.
pub fn from_toml(table: &DeTable<'_>, base: usize) -> Table {
    let shift = |span: Range<usize>| span.start + base..span.end + base;
    let mut entries: Vec<(Key, Node)> = table
        .iter()
        .map(|(key, value)| {
            let key = Key {
                name: key.get_ref().to_string(),
                span: shift(key.span()),
            };
            let node = Node {
                value: toml_value(value.get_ref(), base),
                span: shift(value.span()),
            };
            (key, node)
        })
        .collect();
    entries.sort_by_key(|(key, _)| key.span.start);
    Table { entries }
}

fn toml_value(value: &DeValue<'_>, base: usize) -> Value {
    match value {
        DeValue::String(text) => Value::String(text.to_string()),
        DeValue::Integer(number) => {
            Value::Integer(i64::from_str_radix(number.as_str(), number.radix()).ok())
        }
        DeValue::Float(number) => Value::Float(number.as_str().parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(flag) => Value::Boolean(*flag),
        DeValue::Datetime(datetime) => Value::Datetime(*datetime),
        DeValue::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| Node {
                    value: toml_value(item.get_ref(), base),
                    span: item.span().start + base..item.span().end + base,
                })
                .collect(),
        ),
        DeValue::Table(table) => Value::Table(from_toml(table, base)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_toml_with_spans_in_the_file() {
        let text = "+++\ntitle = \"T\"\nn = 0x10\ntags = [\"a\"]\n";
        let table = DeTable::parse(&text[4..]).unwrap();
        let table = from_toml(table.get_ref(), 4);
        let names: Vec<_> = table.entries.iter().map(|(k, _)| k.name.as_str()).collect();
        assert_eq!(names, ["title", "n", "tags"]);
        let title = table.get("title").unwrap();
        assert_eq!(&text[title.span.clone()], "\"T\"");
        assert_eq!(table.get("n").unwrap().value, Value::Integer(Some(16)));
        let Value::Array(tags) = &table.get("tags").unwrap().value else {
            panic!("tags is a list")
        };
        assert_eq!(&text[tags[0].span.clone()], "\"a\"");
        assert_eq!(Syntax::Yaml.example("k", "1"), "k: 1");
    }
}

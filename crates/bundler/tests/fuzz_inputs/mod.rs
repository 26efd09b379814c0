//! What the bundler's fuzz targets (`fuzz_front_matter.rs`, `fuzz_post.rs`) share: how many
//! cases to run, and generators of hostile post files: front matter in TOML and YAML with
//! every edge case of either language (huge numbers, odd dates, tags, anchors and aliases,
//! multi-line strings, tables where strings belong), fences unbalanced or of the wrong kind, a
//! byte order mark, CRLF or lone CR line endings, bytes that are not UTF-8, and a hostile
//! Markdown body (`markdown.rs`).

#![allow(dead_code)]

pub mod config;
pub mod markdown;

use folio_bundler::front_matter::ACCEPTED;
use proptest::prelude::*;

/// A line ending, or a mixture: every line ends in `\n`, `\r\n` or a lone `\r`.
#[derive(Clone, Copy, Debug)]
pub enum Endings {
    Lf,
    CrLf,
    Cr,
    Mixed(u64),
}

impl Endings {
    /// `text`, written with `\n`, with these line endings.
    pub fn apply(self, text: &str) -> String {
        match self {
            Endings::Lf => text.to_owned(),
            Endings::CrLf => text.replace('\n', "\r\n"),
            Endings::Cr => text.replace('\n', "\r"),
            Endings::Mixed(mut bits) => {
                let mut out = String::with_capacity(text.len() + text.len() / 8);
                for c in text.chars() {
                    if c == '\n' {
                        out.push_str(if bits & 1 == 1 { "\r\n" } else { "\n" });
                        bits = bits.rotate_right(1);
                    } else {
                        out.push(c);
                    }
                }
                out
            }
        }
    }
}

pub fn endings() -> impl Strategy<Value = Endings> {
    prop_oneof![
        20 => Just(Endings::Lf),
        12 => Just(Endings::CrLf),
        1 => Just(Endings::Cr),
        4 => any::<u64>().prop_map(Endings::Mixed),
    ]
}

/// A value of a front matter field, before it is written in either language.
#[derive(Clone, Debug)]
pub enum Value {
    /// A string, quoted and escaped as the language wants.
    Str(String),
    /// Written as it is in both languages: numbers, dates, booleans, null.
    Bare(String),
    /// Written as it is, in TOML only (in YAML, `Yaml`'s text).
    Raw {
        toml: String,
        yaml: String,
    },
    Array(Vec<Value>),
    Table(Vec<(String, Value)>),
}

/// `text` as a double-quoted string, valid in both TOML and YAML.
pub fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}') => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Value {
    /// The value in TOML (inline: arrays and tables on one line).
    pub fn toml(&self) -> String {
        match self {
            Value::Str(text) => quoted(text),
            Value::Bare(text) => text.clone(),
            Value::Raw { toml, .. } => toml.clone(),
            Value::Array(items) => {
                let items: Vec<String> = items.iter().map(Value::toml).collect();
                format!("[{}]", items.join(", "))
            }
            Value::Table(entries) => {
                let entries: Vec<String> = entries
                    .iter()
                    .map(|(key, value)| format!("{key} = {}", value.toml()))
                    .collect();
                format!("{{ {} }}", entries.join(", "))
            }
        }
    }

    /// The value in YAML, in flow style.
    pub fn yaml(&self) -> String {
        match self {
            Value::Str(text) => quoted(text),
            Value::Bare(text) => text.clone(),
            Value::Raw { yaml, .. } => yaml.clone(),
            Value::Array(items) => {
                let items: Vec<String> = items.iter().map(Value::yaml).collect();
                format!("[{}]", items.join(", "))
            }
            Value::Table(entries) => {
                let entries: Vec<String> = entries
                    .iter()
                    .map(|(key, value)| format!("{key}: {}", value.yaml()))
                    .collect();
                format!("{{{}}}", entries.join(", "))
            }
        }
    }
}

/// Dates and times, well formed or not, and the numbers and words that are not dates.
fn date_text() -> BoxedStrategy<String> {
    let fixed = prop::sample::select(vec![
        "2024-02-29",
        "2023-02-29",
        "2024-04-31",
        "2024-13-01",
        "2024-00-10",
        "0000-01-01",
        "0001-01-01",
        "9999-12-31",
        "10000-01-01",
        "2024-1-1",
        "24-01-01",
        "2024-01-01T00:00:00Z",
        "1979-05-27T07:32:00-08:00",
        "1979-05-27T00:32:00.999999999999-07:00",
        "1979-05-27 07:32:00",
        "1979-05-27t07:32:00z",
        "2024-01-01T25:61:61Z",
        "2024-01-01T23:59:60Z",
        "07:32:00",
        "-2024-01-01",
        "+002024-01-01",
        "2024-01-01T",
        "2024-W01-1",
        "2024-001",
        "20240101",
    ]);
    prop_oneof![
        4 => (1u32..10_000, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        3 => fixed.prop_map(str::to_owned),
        1 => (0u32..12_000, 0u32..15, 0u32..35)
            .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => (1900u32..2100, 1u32..13, 1u32..29, 0u32..30, 0u32..70, -20i32..20)
            .prop_map(|(y, m, d, h, min, tz)| format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:00{tz:+03}:00")),
    ]
    .boxed()
}

/// Numbers too large, too small or not numbers at all, booleans in every spelling, nulls.
fn scalar_text() -> BoxedStrategy<String> {
    prop::sample::select(vec![
        "0",
        "-0",
        "1",
        "-1",
        "007",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        "99999999999999999999999999999999999999999",
        "1e308",
        "1e309",
        "-1e400",
        "1.7976931348623157e308",
        "5e-324",
        "0.1e-400",
        "1_000",
        "1__000",
        "0x1F",
        "0o17",
        "0b101",
        "0xG",
        "nan",
        "-nan",
        "inf",
        "+inf",
        ".nan",
        ".inf",
        "-.inf",
        "true",
        "false",
        "True",
        "yes",
        "no",
        "on",
        "off",
        "y",
        "~",
        "null",
        "Null",
        "NULL",
    ])
    .prop_map(str::to_owned)
    .boxed()
}

/// What only one of the languages makes something of, or neither.
fn raw_value() -> BoxedStrategy<Value> {
    let pairs = prop::sample::select(vec![
        ("'''literal\nover lines'''", "|\n  a block\n  of lines"),
        ("\"\"\"\nbasic \\\n   folded\"\"\"", ">-\n  folded\n  text"),
        ("'single'", "'single ''quoted'''"),
        ("\"\\uD800\"", "\"\\uD800\""),
        ("\"\\U00110000\"", "\"\\U00110000\""),
        ("\"\\U0010FFFF\"", "\"\\U0010FFFF\""),
        ("\"\\x41\"", "\"\\x41\""),
        ("\"\\e\"", "\"\\e\""),
        ("\"unterminated", "\"unterminated"),
        ("'unterminated", "'unterminated"),
        ("[", "["),
        ("]", "]"),
        ("{", "{"),
        ("[1, \"two\", 3.0, [4]]", "[1, two, 3.0, [4]]"),
        ("{ a = { b = { c = [] } } }", "{a: {b: {c: []}}}"),
        ("plain words", "plain words"),
        ("", ""),
        ("= 1", "&anchor [x, y]"),
        ("1 2", "*anchor"),
        ("\"a\" \"b\"", "*undefined"),
        ("x # comment", "!!binary aGVsbG8="),
        ("\"\\\"", "!!int \"3\""),
        ("\"\\ \"", "!custom tag"),
        ("[[]]", "? complex\n: value"),
        ("'''", "key: value: other"),
        ("\"\"\"", "- a\n- b"),
        ("[\n1,\n2,\n]", "\n  - nested\n  - list"),
        ("{ }", "{}"),
        ("[]", "[]"),
        ("'\u{0}'", "\"\\0\""),
        ("\"\t\"", "\t"),
        ("\"\u{7f}\"", "\u{7f}"),
        ("𝔘", "𝔘"),
        ("\"a\"\n[table]\nkey = 1", "a\n%YAML 1.2"),
        ("\"a\"\n[[array]]\nx = 1", "a\n..."),
        ("\"a\"\n---\n", "a\n+++\n"),
        ("1979-05-27T07:32:00Z", "2001-12-14t21:59:43.10-05:00"),
    ]);
    pairs
        .prop_map(|(toml, yaml)| Value::Raw {
            toml: toml.to_owned(),
            yaml: yaml.to_owned(),
        })
        .boxed()
}

/// Any value a field might be given.
pub fn value() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        4 => markdown::text().prop_map(Value::Str),
        1 => "[a-zA-Z][a-zA-Z0-9 -]{0,20}".prop_map(Value::Str),
        2 => date_text().prop_map(Value::Bare),
        1 => date_text().prop_map(Value::Str),
        2 => scalar_text().prop_map(Value::Bare),
        2 => raw_value(),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            2 => prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            1 => prop::collection::vec(("[a-z]{1,6}", inner), 0..3).prop_map(Value::Table),
        ]
    })
    .boxed()
}

/// A value that a field of this name could take, usually of the right type.
fn field_value(key: &'static str) -> BoxedStrategy<Value> {
    let names = || {
        prop::collection::vec(
            prop_oneof![3 => "[A-Za-z][A-Za-z ]{0,12}".prop_map(Value::Str), 1 => value()],
            0..4,
        )
        .prop_map(Value::Array)
    };
    let path = prop::sample::select(vec![
        "/2015/10/old-name/",
        "old-name",
        "/old.html",
        "/data/",
        "/feed.xml",
        "/INDEX.HTML",
        "//evil.example.org/",
        "https://example.org/old/",
        "/a b/",
        "/a?b",
        "/%2e%2e/",
        "/../../etc/",
        "/*",
        "/:splat",
        "/posts/x/",
        "/",
        "",
        "cover.png",
        "../static/images/cover.png",
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "#x",
    ]);
    let typical = match key {
        "title" | "summary" | "description" | "call_for_comments" => {
            markdown::text().prop_map(Value::Str).boxed()
        }
        "date" | "updated" => date_text().prop_map(Value::Bare).boxed(),
        "author" | "tags" => {
            prop_oneof![3 => names(), 1 => markdown::text().prop_map(Value::Str)].boxed()
        }
        "draft" => prop::sample::select(vec!["true", "false"])
            .prop_map(|b| Value::Bare(b.to_owned()))
            .boxed(),
        "slug" => prop_oneof![
            "[a-z0-9-]{0,12}".prop_map(Value::Str),
            markdown::text().prop_map(Value::Str),
        ]
        .boxed(),
        "aliases" => {
            prop::collection::vec(path.clone().prop_map(|p| Value::Str(p.to_owned())), 0..4)
                .prop_map(Value::Array)
                .boxed()
        }
        "image" => path.prop_map(|p| Value::Str(p.to_owned())).boxed(),
        _ => value(),
    };
    prop_oneof![12 => typical, 1 => value()].boxed()
}

/// Fields the bundler does not know: misspelt, quoted, dotted, empty, with a space.
const UNKNOWN_KEYS: &[&str] = &[
    "titel",
    "Title",
    "weight",
    "extra",
    "\"title\"",
    "'date'",
    "a.b",
    "\"\"",
    "tit le",
];

/// The fields the bundler knows (`ACCEPTED`), and some it does not.
fn keys() -> Vec<&'static str> {
    ACCEPTED.iter().chain(UNKNOWN_KEYS).copied().collect()
}

/// A line of front matter: any field, known or not, and its value.
fn entry() -> BoxedStrategy<(String, Value)> {
    prop::sample::select(keys())
        .prop_flat_map(|key| field_value(key).prop_map(move |value| (key.to_owned(), value)))
        .boxed()
}

/// Lines of front matter after the title and the date: the other known fields, each at most
/// once, in any order; sometimes a field the bundler does not know, or one twice.
fn entries() -> BoxedStrategy<Vec<(String, Value)>> {
    // The known fields after the title and the date.
    let known = prop::sample::subsequence(&ACCEPTED[2..], 0..=6)
        .prop_shuffle()
        .prop_flat_map(|keys| {
            keys.into_iter()
                .map(|key| field_value(key).prop_map(move |value| (key.to_owned(), value)))
                .collect::<Vec<_>>()
        });
    let odd = prop_oneof![
        5 => Just(Vec::new()),
        1 => prop::collection::vec(entry(), 1..3),
    ];
    (known, odd, any::<prop::sample::Index>())
        .prop_map(|(mut known, odd, at)| {
            for entry in odd {
                known.insert(at.index(known.len() + 1), entry);
            }
            known
        })
        .boxed()
}

/// The front matter of a post: usually a title and a date first, then any fields, in TOML or
/// YAML (`yaml`), without its fences, each line ending in `\n`.
pub fn front_matter(yaml: bool) -> BoxedStrategy<String> {
    let extra_lines = prop::sample::select(if yaml {
        vec![
            "",
            "# a comment",
            "\t",
            "  indented: 1",
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
            "<<: {title: merged}",
            "---",
            "...",
            "%TAG ! tag:example.org,2024:",
            "? title\n: keyed",
            "- a list at the top",
            "title",
            ":",
        ]
    } else {
        vec![
            "",
            "# a comment",
            "\t",
            "[extra]\nkey = 1",
            "[[list]]\nx = 1",
            "[title]",
            "title.x = 1",
            "= 1",
            "title =",
            "\"\\u0000\" = 1",
            "key = 1 # trailing",
            "+++",
        ]
    });
    let fields = entries();
    let required = (
        prop_oneof![
            3 => "[A-Za-z0-9].{0,40}".prop_map(Value::Str),
            2 => markdown::text().prop_map(Value::Str),
            1 => field_value("title"),
        ],
        field_value("date"),
        prop::bool::weighted(0.9),
    );
    let extras = prop_oneof![
        4 => Just(Vec::new()),
        1 => prop::collection::vec(extra_lines, 1..3),
    ];
    (required, fields, extras, any::<prop::sample::Index>())
        .prop_map(move |((title, date, complete), fields, extras, at)| {
            let separator = if yaml { ": " } else { " = " };
            let mut lines: Vec<String> = Vec::new();
            if complete {
                lines.push(format!("title{separator}{}", written(&title, yaml)));
                lines.push(format!("date{separator}{}", written(&date, yaml)));
            }
            for (key, value) in &fields {
                lines.push(format!("{key}{separator}{}", written(value, yaml)));
            }
            for extra in extras {
                let at = at.index(lines.len() + 1);
                lines.insert(at, extra.to_owned());
            }
            let mut text = lines.join("\n");
            text.push('\n');
            text
        })
        .boxed()
}

fn written(value: &Value, yaml: bool) -> String {
    if yaml {
        value.yaml()
    } else {
        value.toml()
    }
}

/// How a post file opens and closes its front matter: usually well, sometimes with trailing
/// blanks (accepted), the other language's fence, a longer one, or none to close.
#[derive(Clone, Debug)]
pub struct Fences {
    pub bom: &'static str,
    pub open: String,
    pub close: Option<String>,
}

pub fn fences(yaml: bool) -> BoxedStrategy<Fences> {
    let (fence, other) = if yaml { ("---", "+++") } else { ("+++", "---") };
    let bom = prop_oneof![
        30 => Just(""),
        6 => Just("\u{feff}"),
        1 => prop::sample::select(vec!["\u{feff}\u{feff}", " ", "\n", "\u{fffe}"]),
    ];
    let open = prop_oneof![
        30 => Just(fence),
        1 => prop::sample::select(vec!["++++", "----", other, "+ + +"]),
    ];
    let close = prop_oneof![
        16 => Just(Some(fence)),
        1 => prop::sample::select(vec![
            None,
            Some(other),
            Some("..."),
            Some("++++"),
            Some(" +++"),
            Some("+++ trailing"),
        ]),
    ];
    let blank = || {
        prop_oneof![
            8 => Just(""),
            1 => prop::sample::select(vec![" ", "\t", "  \u{a0}", "\u{3000}"]),
        ]
    };
    (bom, open, blank(), close, blank())
        .prop_map(|(bom, open, after_open, close, after_close)| Fences {
            bom,
            open: format!("{open}{after_open}"),
            close: close.map(|close| format!("{close}{after_close}")),
        })
        .boxed()
}

/// A whole post file, as the bundler reads it: front matter and a hostile Markdown body, with
/// any line endings, sometimes broken further: cut short, or with bytes that are not UTF-8.
/// Half of them have front matter that is well formed, so that the body goes on through the
/// bundler often enough.
pub fn post_file() -> BoxedStrategy<Vec<u8>> {
    prop_oneof![
        post_file_with(markdown::markdown()),
        (any::<bool>(), markdown::markdown(), endings()).prop_flat_map(|(yaml, body, endings)| {
            accepted_front_matter(yaml).prop_map(move |front_matter| {
                let fence = if yaml { "---" } else { "+++" };
                let text = format!("{fence}\n{front_matter}{fence}\n\n{body}");
                endings.apply(&text).into_bytes()
            })
        }),
    ]
    .boxed()
}

/// Front matter the bundler accepts, in TOML or YAML (`yaml`), with any Unicode in its strings.
pub fn accepted_front_matter(yaml: bool) -> BoxedStrategy<String> {
    let named = || {
        "[A-Za-z0-9][^\\n]{0,16}".prop_filter("needs a slug", |name| {
            folio_content::Slug::of_name(name).is_some()
        })
    };
    let date =
        (1u32..10_000, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    (
        "[A-Za-z0-9][^\\n]{0,40}",
        date,
        prop::collection::vec(named(), 0..3),
        prop::collection::vec(named(), 0..4),
        prop::option::of(markdown::text()),
        any::<bool>(),
        prop::option::of("[a-z0-9][a-z0-9-]{0,16}"),
    )
        .prop_map(move |(title, date, authors, tags, summary, draft, slug)| {
            let list =
                |items: &[String]| Value::Array(items.iter().cloned().map(Value::Str).collect());
            let mut fields = vec![
                ("title", Value::Str(title)),
                ("date", Value::Bare(date)),
                ("author", list(&authors)),
                ("tags", list(&tags)),
                ("draft", Value::Bare(draft.to_string())),
            ];
            fields.extend(summary.map(|summary| ("summary", Value::Str(summary))));
            fields.extend(slug.map(|slug| ("slug", Value::Str(slug))));
            let separator = if yaml { ": " } else { " = " };
            fields
                .iter()
                .map(|(key, value)| format!("{key}{separator}{}\n", written(value, yaml)))
                .collect()
        })
        .boxed()
}

/// A post file as `post_file` makes it, with a body from `body`.
pub fn post_file_with(body: BoxedStrategy<String>) -> BoxedStrategy<Vec<u8>> {
    any::<bool>()
        .prop_flat_map(move |yaml| {
            (
                fences(yaml),
                front_matter(yaml),
                body.clone(),
                endings(),
                mutation(),
            )
        })
        .prop_map(|(fences, front_matter, body, endings, mutation)| {
            let mut text = format!("{}{}\n{front_matter}", fences.bom, fences.open);
            if let Some(close) = &fences.close {
                text.push_str(close);
                text.push('\n');
            }
            text.push_str(&body);
            mutation.apply(endings.apply(&text).into_bytes())
        })
        .boxed()
}

/// A last change to a file's bytes: none, most often.
#[derive(Clone, Debug)]
pub enum Mutation {
    None,
    /// Cut at this fraction of its length (which may split a character).
    Truncate(prop::sample::Index),
    /// These bytes put in at this place.
    Insert(prop::sample::Index, Vec<u8>),
}

impl Mutation {
    pub fn apply(&self, mut bytes: Vec<u8>) -> Vec<u8> {
        match self {
            Mutation::None => bytes,
            Mutation::Truncate(at) => {
                bytes.truncate(at.index(bytes.len() + 1));
                bytes
            }
            Mutation::Insert(at, inserted) => {
                let at = at.index(bytes.len() + 1);
                bytes.splice(at..at, inserted.iter().copied());
                bytes
            }
        }
    }
}

pub fn mutation() -> BoxedStrategy<Mutation> {
    prop_oneof![
        18 => Just(Mutation::None),
        1 => any::<prop::sample::Index>().prop_map(Mutation::Truncate),
        1 => (
            any::<prop::sample::Index>(),
            prop_oneof![
                Just(vec![0xff]),
                Just(vec![0xc3]),
                Just(vec![0xed, 0xa0, 0x80]),
                Just(vec![0xef, 0xbb, 0xbf]),
                Just(vec![0]),
                prop::collection::vec(any::<u8>(), 1..8),
            ],
        )
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
    ]
    .boxed()
}

/// Checks that `line` and `column` name a place in `bytes` (1-based, columns in characters,
/// a byte order mark not counted): on one of its lines, at most one past its end.
pub fn check_location(bytes: &[u8], line: usize, column: usize) -> Result<(), String> {
    if line == 0 || column == 0 {
        return Err(format!("{line}:{column} is not 1-based"));
    }
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let Some(text) = lines.get(line - 1) else {
        return Err(format!(
            "line {line} is past the end of the file, which has {} lines",
            lines.len()
        ));
    };
    let text = if line == 1 {
        text.strip_prefix("\u{feff}".as_bytes()).unwrap_or(text)
    } else {
        text
    };
    let characters = text.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    if column > characters + 1 {
        return Err(format!(
            "column {column} is past the end of line {line}, which has {characters} characters"
        ));
    }
    Ok(())
}

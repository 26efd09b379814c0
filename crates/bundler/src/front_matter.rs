//! Front matter: splits a post into its TOML fields (between a first line `+++` and a later line
//! `+++`) and its Markdown body, and reads the fields.

use std::path::Path;

use folio_content::Date;
use toml::de::{DeTable, DeValue};

use crate::{
    fields::{describe, Fields},
    problem::{Locator, Problem},
};

/// The fields a post's front matter accepts.
pub const ACCEPTED: &[&str] = &["title", "date", "author", "tags", "summary", "draft"];

/// The line that opens and closes front matter.
const FENCE: &str = "+++";

/// A post file cut in two.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML between the fences.
    pub toml: &'a str,
    /// Where `toml` starts in the file's text.
    pub toml_start: usize,
    /// The Markdown after the closing fence, leading blank lines removed, line endings `\n`.
    pub body: String,
}

/// Cuts `text`, the contents of `file`, into front matter and body.
pub fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>, Problem> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut lines = lines_with_offsets(text, start);
    let first = lines
        .next()
        .map(|(_, line)| line.trim_end())
        .unwrap_or_default();
    if first != FENCE {
        let help = if first == "---" {
            "Folio reads TOML front matter: replace the \"---\" lines with \"+++\" lines and write the fields as TOML"
        } else {
            "start the file with a line \"+++\", the TOML fields, then a closing \"+++\""
        };
        return Err(Problem::at(
            file,
            text.as_bytes(),
            0,
            "the file does not start with front matter",
            help,
        ));
    }
    let toml_start = lines
        .clone()
        .next()
        .map_or(text.len(), |(offset, _)| offset);
    for (offset, line) in lines {
        if line.trim_end() == FENCE {
            let rest = text.get(offset + line.len()..).unwrap_or_default();
            let toml = text.get(toml_start..offset).unwrap_or_default();
            return Ok(Split {
                toml,
                toml_start,
                body: body_of(rest),
            });
        }
    }
    Err(Problem::at(
        file,
        text.as_bytes(),
        0,
        "front matter opened with \"+++\" is never closed",
        "did you forget the closing \"+++\" line after the fields?",
    ))
}

/// Each line of `text` from byte `start`, with its offset, line ending included.
fn lines_with_offsets(text: &str, start: usize) -> impl Iterator<Item = (usize, &str)> + Clone {
    let rest = text.get(start..).unwrap_or_default();
    rest.split_inclusive('\n').scan(start, |offset, line| {
        let at = *offset;
        *offset += line.len();
        Some((at, line))
    })
}

fn body_of(rest: &str) -> String {
    let body = rest.replace("\r\n", "\n");
    let mut start = 0;
    for line in body.split_inclusive('\n') {
        if !line.trim().is_empty() {
            break;
        }
        start += line.len();
    }
    body.get(start..).unwrap_or_default().to_owned()
}

/// The fields of a post's front matter, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: String,
    pub date: Date,
    pub author: Option<String>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub draft: bool,
}

/// Reads the front matter of `split`, collecting every problem in it.
pub fn parse(file: &Path, text: &str, split: &Split<'_>) -> Result<FrontMatter, Vec<Problem>> {
    let at = Locator {
        file,
        text,
        base: split.toml_start,
    };
    let table = DeTable::parse(split.toml).map_err(|error| {
        vec![at.syntax(&error, "fix the TOML syntax between the \"+++\" lines")]
    })?;
    let mut problems = Vec::new();
    // A missing field is reported at the opening "+++", on the first line.
    let fields = Fields::new(
        table.get_ref(),
        at,
        None,
        "the front matter",
        ACCEPTED,
        &mut problems,
    );

    let title = fields.required_string("title", &mut problems);
    let date = date(&fields, &mut problems);
    let author = fields
        .string("author", &mut problems)
        .map(|(name, _)| name.trim().to_owned());
    let tags = fields.strings("tags", &mut problems).unwrap_or_default();
    let summary = fields
        .string("summary", &mut problems)
        .map(|(text, _)| text.trim().to_owned());
    let draft = fields.bool("draft", &mut problems).unwrap_or(false);

    match (title, date) {
        (Some(title), Some(date)) if problems.is_empty() => Ok(FrontMatter {
            title,
            date,
            author: author.filter(|name| !name.is_empty()),
            tags,
            summary: summary.filter(|text| !text.is_empty()),
            draft,
        }),
        _ => Err(problems),
    }
}

/// The required `date`: a TOML date (`2015-10-25`, a time part is ignored) or a string.
fn date(fields: &Fields<'_, '_>, problems: &mut Vec<Problem>) -> Option<Date> {
    let example = "date = 2015-10-25";
    let Some(value) = fields.get("date") else {
        fields.missing("date", example, problems);
        return None;
    };
    let (shown, date) = match value.get_ref() {
        DeValue::String(text) => (format!("{text:?}"), text.trim().parse::<Date>().ok()),
        DeValue::Datetime(datetime) => {
            let date = datetime
                .date
                .and_then(|d| Date::new(d.year, d.month, d.day));
            (datetime.to_string(), date)
        }
        other => (describe(other).to_owned(), None),
    };
    if date.is_none() {
        let help = format!("write it as YYYY-MM-DD, e.g. {example}");
        problems.push(fields.locator().problem(
            &value.span(),
            format!("{shown} is not a date"),
            help,
        ));
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_ok(text: &str) -> Split<'_> {
        split(Path::new("p.md"), text).unwrap()
    }

    fn problems(text: &str) -> Vec<String> {
        let file = Path::new("p.md");
        let result = split(file, text)
            .map_err(|p| vec![p])
            .and_then(|s| parse(file, text, &s));
        let problems = result.unwrap_err();
        problems
            .iter()
            .map(|p| format!("{}:{} {} | {}", p.line, p.column, p.message, p.help))
            .collect()
    }

    #[test]
    fn splits_front_matter_from_body() {
        let s = split_ok("+++\ntitle = \"T\"\n+++\n\n\nHello\n\nWorld\n");
        assert_eq!(s.toml, "title = \"T\"\n");
        assert_eq!(s.toml_start, 4);
        assert_eq!(s.body, "Hello\n\nWorld\n");
    }

    #[test]
    fn accepts_a_byte_order_mark_and_crlf() {
        let text =
            "\u{feff}+++\r\ntitle = \"T\"\r\ndate = 2015-10-25\r\n+++  \r\n\r\nHi\r\nthere\r\n";
        let s = split_ok(text);
        assert_eq!(s.toml, "title = \"T\"\r\ndate = 2015-10-25\r\n");
        assert_eq!(s.body, "Hi\nthere\n");
        let fm = parse(Path::new("p.md"), text, &s).unwrap();
        assert_eq!(fm.date, Date::new(2015, 10, 25).unwrap());
    }

    #[test]
    fn an_empty_body_is_fine() {
        assert_eq!(split_ok("+++\n+++").body, "");
        assert_eq!(split_ok("+++\n+++\n").toml, "");
    }

    #[test]
    fn reports_missing_and_unclosed_fences() {
        assert_eq!(problems("title = 1"), ["1:1 the file does not start with front matter | start the file with a line \"+++\", the TOML fields, then a closing \"+++\""]);
        assert!(problems("---\ntitle: x\n---\n")[0].contains("replace the \"---\" lines"));
        assert_eq!(problems(""), ["1:1 the file does not start with front matter | start the file with a line \"+++\", the TOML fields, then a closing \"+++\""]);
        assert_eq!(problems("+++\ntitle = \"T\"\n\nBody"), ["1:1 front matter opened with \"+++\" is never closed | did you forget the closing \"+++\" line after the fields?"]);
    }

    #[test]
    fn reads_all_fields() {
        let text = "+++\ntitle = \" T \"\ndate = \"2015-10-25\"\nauthor = \"A\"\ntags = [\"x\"]\nsummary = \"S\"\ndraft = true\n+++\nB";
        let fm = parse(Path::new("p.md"), text, &split_ok(text)).unwrap();
        let expected = FrontMatter {
            title: "T".into(),
            date: Date::new(2015, 10, 25).unwrap(),
            author: Some("A".into()),
            tags: vec!["x".into()],
            summary: Some("S".into()),
            draft: true,
        };
        assert_eq!(fm, expected);
    }

    #[test]
    fn a_time_of_day_is_ignored() {
        let text = "+++\ntitle = \"T\"\ndate = 2015-10-25T10:30:00Z\n+++\n";
        assert_eq!(
            parse(Path::new("p.md"), text, &split_ok(text))
                .unwrap()
                .date
                .to_string(),
            "2015-10-25"
        );
    }

    #[test]
    fn reports_problems_on_their_real_lines() {
        let text = "+++\n# a comment\ntitle = \"\"\ndate = \"2015-13-45\"\nsubtitle = \"S\"\n+++\n";
        assert_eq!(
            problems(text),
            [
                "5:1 unknown field \"subtitle\" in the front matter | remove it; accepted fields: title, date, author, tags, summary, draft",
                "3:9 \"title\" is empty | write it as title = \"...\" with some text",
                "4:8 \"2015-13-45\" is not a date | write it as YYYY-MM-DD, e.g. date = 2015-10-25",
            ]
        );
        assert_eq!(
            problems("+++\ndate = 10:30:00\n+++\n")[1],
            "2:8 10:30:00 is not a date | write it as YYYY-MM-DD, e.g. date = 2015-10-25"
        );
        assert_eq!(
            problems("+++\ndate = 2015\n+++\n")[1],
            "2:8 an integer is not a date | write it as YYYY-MM-DD, e.g. date = 2015-10-25"
        );
    }

    #[test]
    fn reports_missing_fields_at_the_opening_fence() {
        assert_eq!(
            problems("+++\n+++\n"),
            [
                "1:1 missing required field \"title\" in the front matter | add title = \"...\" to the front matter",
                "1:1 missing required field \"date\" in the front matter | add date = 2015-10-25 to the front matter",
            ]
        );
    }

    #[test]
    fn reports_toml_syntax_errors_on_their_real_line() {
        let found = problems("+++\ntitle = \"T\"\ndate = 2015-10-25\ntags = [\"a\",\n+++\n");
        // Line 4 of the file is line 3 of the TOML: the opening "+++" counts.
        assert_eq!(
            found,
            ["4:13 unclosed array, expected `]` | fix the TOML syntax between the \"+++\" lines"]
        );
    }
}

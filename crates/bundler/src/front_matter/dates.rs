//! Dates in front matter: `2015-10-25`, or a date-time such as `2015-10-25T09:30:00Z` or
//! `2015-10-25T09:30:00+01:00` (RFC 3339, and Jekyll's `2015-10-25 09:30:00 +0100`), as a TOML
//! date or a string. Only the date as written is kept.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};
use folio_content::Date;

use crate::{
    front_matter::fields::Fields,
    front_matter::value::{Node, Value},
    problem::Problem,
};

/// How a date is shown in help.
pub const EXAMPLE: &str = "2015-10-25";

/// The date field `key`: reports it when missing (if `required`) or not a date.
pub fn field(
    fields: &Fields<'_>,
    key: &str,
    required: bool,
    problems: &mut Vec<Problem>,
) -> Option<(Date, std::ops::Range<usize>)> {
    let Some(node) = fields.get(key) else {
        if required {
            fields.missing(key, EXAMPLE, problems);
        }
        return None;
    };
    match date_of(node) {
        Ok(date) => Some((date, node.span.clone())),
        Err(shown) => {
            let help = format!(
                "write it as YYYY-MM-DD, e.g. {}, or as a date and time such as 2015-10-25T09:30:00Z",
                fields.example(key, EXAMPLE)
            );
            problems.push(fields.problem(&node.span, format!("{shown} is not a date"), help));
            None
        }
    }
}

/// The date in `node`, or how to show the value in a message.
fn date_of(node: &Node) -> Result<Date, String> {
    match &node.value {
        Value::String(text) => parse(text.trim()).ok_or_else(|| format!("{text:?}")),
        Value::Datetime(datetime) => datetime
            .date
            .and_then(|d| Date::new(d.year, d.month, d.day))
            .ok_or_else(|| datetime.to_string()),
        other => Err(other.describe().to_owned()),
    }
}

/// A date, or the date part of a date-time, from text.
pub fn parse(text: &str) -> Option<Date> {
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let naive = DateTime::parse_from_rfc3339(text)
        .map(|time| time.date_naive())
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S %z").map(|t| t.date_naive()))
        .or_else(|_| local(text))
        .ok()?;
    to_date(naive)
}

/// A date-time without an offset, as TOML allows: `2015-10-25T09:30:00` or with a space.
fn local(text: &str) -> Result<NaiveDate, chrono::ParseError> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f"))
        .map(|time| time.date())
}

fn to_date(naive: NaiveDate) -> Option<Date> {
    let year = u16::try_from(naive.year()).ok()?;
    let month = u8::try_from(naive.month()).ok()?;
    let day = u8::try_from(naive.day()).ok()?;
    Date::new(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Option<String> {
        parse(text).map(|date| date.to_string())
    }

    #[test]
    fn keeps_the_date_as_written() {
        for text in [
            "2015-10-25",
            "2015-10-25T09:30:00Z",
            "2015-10-25T23:30:00-05:00",
            "2015-10-25T00:30:00+01:00",
            "2015-10-25t09:30:00.123z",
            "2015-10-25 09:30:00+01:00",
            "2015-10-25 09:30:00 +0100",
            "2015-10-25T09:30:00",
        ] {
            assert_eq!(shown(text).as_deref(), Some("2015-10-25"), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "2015-13-45",
            "2015-02-29T09:30:00Z",
            "25 October 2015",
            "2015-10-25T25:00:00Z",
            "",
            "0000-01-01T00:00:00Z",
        ] {
            assert_eq!(shown(text), None, "{text}");
        }
    }
}

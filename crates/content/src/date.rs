//! `Date`: a calendar date, written as `YYYY-MM-DD` on the wire and shown as "25 October 2015".

use std::{fmt, str::FromStr};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A valid proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Returns `None` unless the day exists in that month of that year (years 1 to 9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The date as readers see it: "25 October 2015".
    pub fn human(self) -> String {
        let month = MONTHS
            .get(usize::from(self.month) - 1)
            .copied()
            .unwrap_or_default();
        format!("{} {} {}", self.day, month, self.year)
    }
}

/// The English name of a month, 1 to 12: `month_name(10)` is `Some("October")`.
pub fn month_name(month: u8) -> Option<&'static str> {
    MONTHS.get(usize::from(month).checked_sub(1)?).copied()
}

/// Why a text is not a `YYYY-MM-DD` date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a date: write it as YYYY-MM-DD, e.g. 2015-10-25",
            self.0
        )
    }
}

impl std::error::Error for DateError {}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        let error = || DateError(text.to_owned());
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(error());
        }
        let number = |range: std::ops::Range<usize>| text.get(range).and_then(|s| s.parse().ok());
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        match (year, month, day) {
            (Some(y), Some(m), Some(d)) => Date::new(
                y,
                u8::try_from(m).map_err(|_| error())?,
                u8::try_from(d).map_err(|_| error())?,
            )
            .ok_or_else(error),
            _ => Err(error()),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_shows_dates() {
        let date: Date = "2015-10-25".parse().unwrap();
        assert_eq!(date.human(), "25 October 2015");
        assert_eq!(date.to_string(), "2015-10-25");
        assert_eq!("2024-02-29".parse::<Date>().map(|d| d.day()), Ok(29));
    }

    #[test]
    fn names_months_and_only_months() {
        assert_eq!(month_name(1), Some("January"));
        assert_eq!(month_name(10), Some("October"));
        assert_eq!(month_name(12), Some("December"));
        assert_eq!(month_name(0), None);
        assert_eq!(month_name(13), None);
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in [
            "2015-13-01",
            "2015-02-29",
            "1900-02-29",
            "2015-10-32",
            "0000-01-01",
            "25 October 2015",
            "2015-1-01",
            "２０１５-10-25",
            "",
        ] {
            let error = bad.parse::<Date>().unwrap_err().to_string();
            assert!(error.contains("YYYY-MM-DD"), "{bad}: {error}");
        }
    }

    #[test]
    fn round_trips_through_json() {
        let date = Date::new(2015, 10, 25).unwrap();
        let json = serde_json::to_string(&date).unwrap();
        assert_eq!(json, "\"2015-10-25\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), date);
        assert!(serde_json::from_str::<Date>("\"2015-02-30\"").is_err());
    }
}

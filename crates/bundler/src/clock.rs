//! Today's date in UTC from the system clock: posts dated after it are scheduled, not published.

use std::time::{SystemTime, UNIX_EPOCH};

use folio_content::Date;

/// Today's date in UTC, or `None` if the clock is before 1970 or after 9999.
pub fn today_utc() -> Option<Date> {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    date_from_days(i64::try_from(seconds / 86_400).ok()?)
}

/// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`), or `None` outside
/// the years 1 to 9999.
pub fn date_from_days(days: i64) -> Option<Date> {
    // Days counted from 0000-03-01, so that the leap day ends each 400-year era.
    let z = days.checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<Date> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn counts_days_from_the_epoch() {
        assert_eq!(date_from_days(0), date("1970-01-01"));
        assert_eq!(date_from_days(59), date("1970-03-01"));
        assert_eq!(date_from_days(10_957), date("2000-01-01"));
        assert_eq!(date_from_days(11_016), date("2000-02-29"));
        assert_eq!(date_from_days(16_733), date("2015-10-25"));
        assert_eq!(date_from_days(19_782), date("2024-02-29"));
        assert_eq!(date_from_days(-1), date("1969-12-31"));
        assert_eq!(date_from_days(2_932_896), date("9999-12-31"));
        assert_eq!(date_from_days(2_932_897), None);
        assert_eq!(date_from_days(i64::MAX), None);
    }

    #[test]
    fn every_day_follows_the_one_before() {
        let mut previous = date_from_days(-700_000).unwrap();
        for days in -699_999..800_000 {
            let next = date_from_days(days).unwrap();
            assert!(next > previous, "{days}: {next} after {previous}");
            let same_month = next.year() == previous.year() && next.month() == previous.month();
            if same_month {
                assert_eq!(next.day(), previous.day() + 1, "{days}");
            } else {
                assert_eq!(next.day(), 1, "{days}");
            }
            previous = next;
        }
    }

    #[test]
    fn reads_the_clock() {
        assert!(today_utc().unwrap() >= date("2025-01-01").unwrap());
    }
}

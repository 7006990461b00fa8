//! Dates the rules share: calendar dates written as YYYYMMDD inside numbers, and age on a day.

use chrono::{Datelike, NaiveDate};

/// Parses the eight digits YYYYMMDD as a real calendar date (no 30 February).
pub fn parse_yyyymmdd(digits: &str) -> Option<NaiveDate> {
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = digits[0..4].parse().ok()?;
    let month = digits[4..6].parse().ok()?;
    let day = digits[6..8].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Whole years completed on `on` by someone born on `birth` (0 before the first birthday).
/// Someone born on 29 February turns a year older on 1 March in common years.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    if on < birth {
        return 0;
    }
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years as u32
}

/// The day someone born on `birth` turns `years` old (29 February → 1 March in common years).
pub fn birthday(birth: NaiveDate, years: u32) -> NaiveDate {
    let year = birth.year() + years as i32;
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
        .expect("1 March exists in every year")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_only_real_dates() {
        assert_eq!(parse_yyyymmdd("19491231"), Some(d(1949, 12, 31)));
        assert_eq!(parse_yyyymmdd("20000229"), Some(d(2000, 2, 29)));
        assert_eq!(parse_yyyymmdd("19000229"), None);
        assert_eq!(parse_yyyymmdd("19991301"), None);
        assert_eq!(parse_yyyymmdd("1999010"), None);
    }

    #[test]
    fn age_counts_completed_years() {
        assert_eq!(age_on(d(2008, 11, 21), d(2026, 11, 20)), 17);
        assert_eq!(age_on(d(2008, 11, 21), d(2026, 11, 21)), 18);
        assert_eq!(age_on(d(2020, 2, 29), d(2021, 2, 28)), 0);
        assert_eq!(age_on(d(2020, 2, 29), d(2021, 3, 1)), 1);
        assert_eq!(age_on(d(2020, 1, 1), d(2019, 1, 1)), 0);
    }

    #[test]
    fn sixteenth_birthday_of_a_leap_day_child() {
        assert_eq!(birthday(d(2012, 2, 29), 16), d(2028, 2, 29));
        assert_eq!(birthday(d(2011, 2, 28), 16), d(2027, 2, 28));
        assert_eq!(birthday(d(2008, 2, 29), 15), d(2023, 3, 1));
    }
}

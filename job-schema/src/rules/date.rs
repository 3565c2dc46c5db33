//! `date`: a calendar date, `YYYY-MM-DD`, or a full datetime as the `datetime` rule takes
//! it.
//!
//! Accepted: `YYYY-MM-DD` with zero-padded digits naming a real day of the Gregorian
//! calendar (years 0001–9999, months 01–12, Feb 29 only in leap years: divisible by 4 and
//! not by 100 unless by 400), or `YYYY-MM-DD HH:MM:SS` as in
//! [`datetime`]. Rejected: any other shape (`2024-1-5`, `2024/01/05`,
//! `20240105`, a `T` separator, surrounding spaces) and impossible dates (`2026-02-30`). In
//! lax mode `""`, `"0000-00-00"` and `"0000-00-00 00:00:00"` mean "unset" and are accepted;
//! strict mode rejects them.
//!
//! This module also holds the calendar code the `datetime` rule uses.

use crate::options::Mode;
use crate::report::{Code, Phrase, Violation};
use crate::rules::{self, datetime, DATE_FORMAT};

/// The formats named in a violation.
const FORMAT: &str = "YYYY-MM-DD or YYYY-MM-DD HH:MM:SS";

/// The zero date, which lax mode reads as "unset".
const ZERO_DATE: &str = "0000-00-00";

/// What a text that should hold a date (or a datetime) turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// The right shape, and a real date (and time).
    Real,
    /// The right shape, but no such date (or time) exists, like `2025-02-29`.
    Unreal,
    /// Not the right shape.
    Malformed,
}

impl Shape {
    /// The worse of two findings about the parts of one value.
    #[cfg(test)]
    pub(crate) fn and(self, other: Shape) -> Shape {
        match (self, other) {
            (Shape::Malformed, _) | (_, Shape::Malformed) => Shape::Malformed,
            (Shape::Unreal, _) | (_, Shape::Unreal) => Shape::Unreal,
            (Shape::Real, Shape::Real) => Shape::Real,
        }
    }
}

/// The value of a run of ASCII digits, or `None` if any byte is not a digit.
pub(crate) fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit()
            .then(|| acc.saturating_mul(10).saturating_add(u32::from(c - b'0')))
    })
}

/// Checks the ten bytes `YYYY-MM-DD`: their shape, then that the day exists.
pub(crate) fn date_part(bytes: &[u8]) -> Shape {
    let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = bytes else {
        return Shape::Malformed;
    };
    let (Some(year), Some(month), Some(day)) = (
        digits(&[y1, y2, y3, y4]),
        digits(&[m1, m2]),
        digits(&[d1, d2]),
    ) else {
        return Shape::Malformed;
    };
    if year >= 1 && day >= 1 && day <= days_in_month(year, month) {
        Shape::Real
    } else {
        Shape::Unreal
    }
}

/// Whether `year` is a leap year of the Gregorian calendar.
fn is_leap_year(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// The number of days of `month` (1–12) in `year`; 0 for a month that does not exist.
pub(crate) fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether lax mode reads `value` as an unset date: `""`, `0000-00-00` or the zero datetime.
///
/// ```
/// use job_schema::rules::date;
/// assert!(date::is_unset("0000-00-00"));
/// assert!(!date::is_unset("2026-01-01"));
/// ```
pub fn is_unset(value: &str) -> bool {
    value.is_empty() || value == ZERO_DATE || datetime::is_zero(value)
}

/// Whether `value` is a real date as `YYYY-MM-DD`, or a real datetime as
/// `YYYY-MM-DD HH:MM:SS`.
///
/// ```
/// use job_schema::rules::date;
/// assert!(date::is_date("2024-02-29"));
/// assert!(date::is_date("2024-02-29 13:45:00"));
/// assert!(!date::is_date("2025-02-29"));
/// ```
pub fn is_date(value: &str) -> bool {
    shape(value) == Shape::Real
}

/// The shape of `value` as a date or a datetime.
fn shape(value: &str) -> Shape {
    if value.len() == DATE_FORMAT.len() {
        date_part(value.as_bytes())
    } else {
        datetime::shape(value)
    }
}

/// Accepts a date or a datetime; in lax mode also `""` and the zero date or datetime.
///
/// ```
/// use job_schema::rules::date;
/// use job_schema::{Code, Mode};
/// assert!(date::check("2025-06-30", Mode::Strict).is_ok());
/// assert!(date::check("0000-00-00", Mode::Lax).is_ok());
/// assert_eq!(date::check("0000-00-00", Mode::Strict).unwrap_err().code, Code::Date);
/// assert_eq!(date::check("30/06/2025", Mode::Lax).unwrap_err().code, Code::Date);
/// ```
#[inline]
pub fn check(value: &str, mode: Mode) -> Result<(), Violation> {
    let shape = shape(value);
    if shape == Shape::Real {
        return Ok(());
    }
    reject(value, shape, mode)
}

/// [`check`] once `value` has turned out not to be real: accepted only when lax mode reads
/// it as unset. Out of line, so that a good value costs only its reading.
#[inline(never)]
fn reject(value: &str, shape: Shape, mode: Mode) -> Result<(), Violation> {
    let phrase = match shape {
        Shape::Unreal if value.len() == DATE_FORMAT.len() => Phrase::UnrealDate,
        Shape::Unreal => Phrase::UnrealDatetime,
        Shape::Malformed | Shape::Real => Phrase::NotDate,
    };
    // An ISO-8601 datetime gets its datetime form as the fix (a `date` field takes it, and
    // it keeps every digit that was sent but the zone's).
    rules::reject_unless_unset(Code::Date, phrase, FORMAT, is_unset(value), mode)
        .map_err(|violation| datetime::with_iso_fix(violation, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates_pass() {
        for good in [
            "2024-01-01",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "2000-02-29",
            "2023-04-30",
            "2024-02-29 00:00:00",
            "2025-06-30 23:59:59",
        ] {
            assert!(is_date(good), "{good:?}");
            assert!(check(good, Mode::Strict).is_ok(), "{good:?}");
        }
    }

    #[test]
    fn impossible_dates_fail_as_unreal() {
        for bad in [
            "2025-02-29",
            "1900-02-29",
            "2026-02-30",
            "2023-04-31",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "2024-01-32",
            "0000-01-01",
        ] {
            assert!(!is_date(bad), "{bad:?}");
            let v = check(bad, Mode::Lax).unwrap_err();
            assert_eq!(v.code, Code::Date);
            assert_eq!(
                v.message(Some(bad)),
                format!("\"{bad}\" is not a real date")
            );
            assert_eq!(v.params.format(), Some(FORMAT));
        }
        let v = check("2025-02-29 10:00:00", Mode::Lax).unwrap_err();
        assert_eq!(
            v.message(Some("2025-02-29 10:00:00")),
            "\"2025-02-29 10:00:00\" is not a real date and time"
        );
    }

    #[test]
    fn other_shapes_fail() {
        for bad in [
            "2024-1-01",
            "2024-01-1",
            "24-01-01",
            "2024/01/01",
            "20240101",
            " 2024-01-01",
            "2024-01-01 ",
            "2024-01-01T00:00:00",
            "2024-01-01 00:00",
            "2024-01-01 00:00:00Z",
            "+024-01-01",
            "2024-01-0١",
            "２０２４-01-01",
            "abcdefghij",
        ] {
            assert!(!is_date(bad), "{bad:?}");
            let v = check(bad, Mode::Lax).unwrap_err();
            assert_eq!(v.code, Code::Date);
            assert!(
                v.message(Some(bad)).contains("is not a date in the form"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn unset_only_in_lax() {
        for unset in ["", "0000-00-00", "0000-00-00 00:00:00"] {
            assert!(check(unset, Mode::Lax).is_ok(), "{unset:?}");
            let v = check(unset, Mode::Strict).unwrap_err();
            assert_eq!(v.code, Code::Date);
            assert!(
                v.message(Some(unset))
                    .ends_with(crate::report::message::STRICT_UNSET_HINT),
                "{unset:?}"
            );
        }
    }

    #[test]
    fn iso_datetimes_get_their_datetime_form_as_a_fix() {
        let v = check("2026-02-10T02:53:30+10:00", Mode::Lax).unwrap_err();
        assert_eq!(v.code, Code::Date);
        assert_eq!(v.params.suggestion(), Some("2026-02-10 02:53:30"));
        assert_eq!(v.params.format(), Some(FORMAT));
        assert_eq!(v.params.note(), Some(datetime::LOCAL_TIME_NOTE));
        assert!(is_date("2026-02-10 02:53:30"));
        assert_eq!(
            v.message(Some("2026-02-10T02:53:30+10:00")),
            format!(
                "\"2026-02-10T02:53:30+10:00\" is not a date in the form YYYY-MM-DD or \
                 YYYY-MM-DD HH:MM:SS; did you mean \"2026-02-10 02:53:30\"? ({})",
                datetime::LOCAL_TIME_NOTE
            )
        );
        // A date alone with a zone is not a datetime: no fix.
        assert_eq!(
            check("2026-02-10Z", Mode::Lax)
                .unwrap_err()
                .params
                .suggestion(),
            None
        );
    }

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2024));
        assert!(is_leap_year(2000));
        assert!(is_leap_year(1600));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2025));
        assert!(!is_leap_year(2100));
    }

    #[test]
    fn digit_runs() {
        assert_eq!(digits(b"0042"), Some(42));
        assert_eq!(digits(b""), Some(0));
        assert_eq!(digits(b"4x"), None);
    }
}

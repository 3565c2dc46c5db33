//! `datetime`: a date and time, exactly `YYYY-MM-DD HH:MM:SS`.
//!
//! Accepted: 19 characters, zero-padded digits, one space between date and time, a real day
//! of the Gregorian calendar (years 0001–9999, leap years honoured, as in
//! [`date`](crate::rules::date)), hours 00–23, minutes and seconds 00–59 (no leap second).
//! Rejected: a `T` separator, a time zone or `Z`, a fraction of a second, missing padding,
//! surrounding spaces, impossible dates and times. In lax mode `""` and
//! `"0000-00-00 00:00:00"` mean "unset" and are accepted; strict mode rejects them.

use crate::options::Mode;
use crate::report::{Code, Phrase, Violation};
#[cfg(test)]
use crate::rules::date::{date_part, digits};
use crate::rules::date::{days_in_month, Shape};
use crate::rules::{self, DATETIME_FORMAT};

/// The zero datetime, which lax mode reads as "unset".
const ZERO_DATETIME: &str = "0000-00-00 00:00:00";

/// The shape of `value` as a datetime.
///
/// The 19 bytes are read as three overlapping 8-byte words (`YYYY-MM-`, `DD HH:MM`,
/// `HH:MM:SS`): separators and digits are checked a word at a time, then the numbers are
/// taken from the digits. The tests compare it with the same judgement written field by
/// field.
pub(crate) fn shape(value: &str) -> Shape {
    /// A word with `byte` at every position of `mask`.
    const fn spread(byte: u8, mask: u64) -> u64 {
        u64::from_le_bytes([byte; 8]) & mask
    }
    // Per word: the digit positions, the separator positions, the separators.
    const DIGITS: [u64; 3] = [
        0x00FF_FF00_FFFF_FFFF,
        0xFFFF_00FF_FF00_FFFF,
        0xFFFF_00FF_FF00_FFFF,
    ];
    const SEPARATORS: [u64; 3] = [
        0xFF00_00FF_0000_0000,
        0x0000_FF00_00FF_0000,
        0x0000_FF00_00FF_0000,
    ];
    const EXPECTED: [u64; 3] = [
        0x2D00_002D_0000_0000, // '-' '-'
        0x0000_3A00_0020_0000, // ' ' ':'
        0x0000_3A00_003A_0000, // ':' ':'
    ];
    let Ok(bytes) = <&[u8; 19]>::try_from(value.as_bytes()) else {
        return Shape::Malformed;
    };
    let word = |at: usize| {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(eight)
    };
    let words = [word(0), word(8), word(11)];
    let mut wrong = 0;
    let mut values = [0u64; 3];
    for k in 0..3 {
        // A digit is 0x30 to 0x39: minus `0` it is at most 9, so neither it nor it plus 6
        // has a bit in its high nibble (a carry out of a byte comes only from a byte that
        // is already wrong).
        let value = (words[k] ^ spread(b'0', DIGITS[k])) & DIGITS[k];
        wrong |= (words[k] & SEPARATORS[k]) ^ EXPECTED[k];
        wrong |= (value | value.wrapping_add(spread(6, DIGITS[k]))) & spread(0xF0, DIGITS[k]);
        values[k] = value;
    }
    if wrong != 0 {
        return Shape::Malformed;
    }
    // Each word times 0x0A01 holds, at the byte after each pair of digits, ten times the
    // first plus the second (at most 99: no carry into the next byte).
    let pairs = values.map(|value| value.wrapping_mul(0x0A01));
    #[allow(clippy::cast_possible_truncation)]
    let two = |k: usize, at: u32| u32::from((pairs[k] >> (8 * at)) as u8);
    let year = two(0, 1) * 100 + two(0, 3);
    let (month, day) = (two(0, 6), two(1, 1));
    let (hour, minute, second) = (two(2, 1), two(2, 4), two(2, 7));
    let time_real = hour <= 23 && minute <= 59 && second <= 59;
    if time_real && year >= 1 && day >= 1 && day <= days_in_month(year, month) {
        Shape::Real
    } else {
        Shape::Unreal
    }
}

/// [`shape`], written field by field: the pattern of bytes, then each number.
#[cfg(test)]
fn shape_by_parts(value: &str) -> Shape {
    let &[ref date @ .., b' ', h1, h2, b':', n1, n2, b':', s1, s2] = value.as_bytes() else {
        return Shape::Malformed;
    };
    let (Some(hour), Some(minute), Some(second)) =
        (digits(&[h1, h2]), digits(&[n1, n2]), digits(&[s1, s2]))
    else {
        return Shape::Malformed;
    };
    let time = if hour <= 23 && minute <= 59 && second <= 59 {
        Shape::Real
    } else {
        Shape::Unreal
    };
    date_part(date).and(time)
}

/// Whether `value` is a real date and time written as `YYYY-MM-DD HH:MM:SS`.
///
/// ```
/// use job_schema::rules::datetime;
/// assert!(datetime::is_datetime("2024-02-29 23:59:59"));
/// assert!(!datetime::is_datetime("2024-02-29T23:59:59"));
/// ```
pub fn is_datetime(value: &str) -> bool {
    shape(value) == Shape::Real
}

/// Whether `value` is the zero datetime `0000-00-00 00:00:00`, which lax mode reads as
/// "unset".
///
/// ```
/// use job_schema::rules::datetime;
/// assert!(datetime::is_zero("0000-00-00 00:00:00"));
/// assert!(!datetime::is_zero("0000-00-00"));
/// ```
pub fn is_zero(value: &str) -> bool {
    value == ZERO_DATETIME
}

/// Whether lax mode reads `value` as an unset datetime: `""` or `0000-00-00 00:00:00`.
///
/// ```
/// use job_schema::rules::datetime;
/// assert!(datetime::is_unset(""));
/// assert!(!datetime::is_unset("2026-01-01 00:00:00"));
/// ```
pub fn is_unset(value: &str) -> bool {
    value.is_empty() || is_zero(value)
}

/// Accepts a datetime; in lax mode also `""` and the zero datetime.
///
/// ```
/// use job_schema::rules::datetime;
/// use job_schema::{Code, Mode};
/// assert!(datetime::check("2025-06-30 09:15:00", Mode::Strict).is_ok());
/// assert!(datetime::check("0000-00-00 00:00:00", Mode::Lax).is_ok());
/// let v = datetime::check("2025-06-30T09:15:00", Mode::Lax).unwrap_err();
/// assert_eq!(v.code, Code::Datetime);
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
        Shape::Unreal => Phrase::UnrealDatetime,
        Shape::Malformed | Shape::Real => Phrase::NotDatetime,
    };
    rules::reject_unless_unset(
        Code::Datetime,
        phrase,
        DATETIME_FORMAT,
        is_unset(value),
        mode,
    )
    .map_err(|violation| with_iso_fix(violation, value))
}

/// The note of a suggestion made from an ISO-8601 datetime.
pub(crate) const LOCAL_TIME_NOTE: &str = "ServiceM8 takes the account's local time with no \
     zone; the zone and any fraction of a second are dropped, not converted";

/// `violation` with the canonical form of `value` as its fix, when `value` is an ISO-8601
/// datetime (see [`from_iso8601`]).
pub(crate) fn with_iso_fix(mut violation: Violation, value: &str) -> Violation {
    if let Some(fix) = from_iso8601(value) {
        let params = std::mem::take(&mut violation.params);
        violation.params = params.with_fix(fix, Some(LOCAL_TIME_NOTE));
    }
    violation
}

/// The canonical form (`YYYY-MM-DD HH:MM:SS`) of the same digits, when `value` is a real
/// datetime in ISO-8601 form: `T` (or `t`, or a space) between date and time, seconds given,
/// then optionally a fraction of a second (`.123` or `,123`) and a zone (`Z`, `z`, `+10:00`,
/// `-0530`, `+10`). The zone and the fraction are dropped, never applied: ServiceM8 takes the
/// account's local time, and only the sender knows which zone that is. `None` for anything
/// else, and for a datetime whose day or time does not exist.
///
/// Reads each byte of `value` at most once.
///
/// ```
/// use job_schema::rules::datetime;
/// assert_eq!(datetime::from_iso8601("2026-02-10T02:53:30.123Z").as_deref(), Some("2026-02-10 02:53:30"));
/// assert_eq!(datetime::from_iso8601("2026-02-10T02:53:30+10:00").as_deref(), Some("2026-02-10 02:53:30"));
/// assert_eq!(datetime::from_iso8601("2026-02-10T02:53").as_deref(), None);
/// assert_eq!(datetime::from_iso8601("2026-02-30T02:53:30").as_deref(), None);
/// ```
pub fn from_iso8601(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    if bytes.len() < 19 || !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    let mut canonical = [0u8; 19];
    canonical.copy_from_slice(&bytes[..19]);
    canonical[10] = b' ';
    let canonical = std::str::from_utf8(&canonical).ok()?;
    if !is_datetime(canonical) {
        return None;
    }
    let mut rest = &bytes[19..];
    if let [b'.' | b',', fraction @ ..] = rest {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    let zone_ok = match rest {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, zone @ ..] if h1.is_ascii_digit() && h2.is_ascii_digit() => {
            match zone {
                [] => true,
                [b':', m1, m2] | [m1, m2] => m1.is_ascii_digit() && m2.is_ascii_digit(),
                _ => false,
            }
        }
        _ => false,
    };
    zone_ok.then(|| canonical.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_datetimes_pass() {
        for good in [
            "2024-02-29 00:00:00",
            "2000-02-29 12:00:00",
            "2025-12-31 23:59:59",
            "0001-01-01 00:00:00",
            "9999-12-31 23:59:59",
        ] {
            assert!(is_datetime(good), "{good:?}");
            assert!(check(good, Mode::Strict).is_ok(), "{good:?}");
        }
    }

    #[test]
    fn impossible_dates_and_times_fail_as_unreal() {
        for bad in [
            "2025-02-29 00:00:00",
            "1900-02-29 00:00:00",
            "2026-02-30 00:00:00",
            "2024-04-31 00:00:00",
            "2024-13-01 00:00:00",
            "0000-01-01 00:00:00",
            "2024-01-01 23:59:60",
            "2024-01-01 24:00:00",
            "2024-01-01 23:60:00",
            "2024-01-01 99:99:99",
        ] {
            assert!(!is_datetime(bad), "{bad:?}");
            let v = check(bad, Mode::Lax).unwrap_err();
            assert_eq!(v.code, Code::Datetime);
            assert_eq!(
                v.message(Some(bad)),
                format!("\"{bad}\" is not a real date and time")
            );
            assert_eq!(v.params.format(), Some(DATETIME_FORMAT));
        }
    }

    #[test]
    fn other_shapes_fail() {
        for bad in [
            "2024-01-01T00:00:00",
            "2024-01-01 00:00:00Z",
            "2024-01-01 00:00:00.5",
            "2024-01-01 00:00:00+10:00",
            "2024-1-01 00:00:00",
            "2024-01-01 0:00:00",
            "2024-01-01  00:00:00",
            " 2024-01-01 00:00:00",
            "2024-01-01 00:00:00 ",
            "2024-01-01",
            "2024-01-01 00:00",
            "2024-01-01 00-00-00",
            "2024-01-01 ab:cd:ef",
            "2024-01-01 00:00:0é",
            "é",
        ] {
            assert!(!is_datetime(bad), "{bad:?}");
            let v = check(bad, Mode::Lax).unwrap_err();
            assert_eq!(v.code, Code::Datetime);
            assert!(
                v.message(Some(bad))
                    .contains("is not a datetime in the form"),
                "{bad:?}"
            );
        }
        // Without seconds it is no ISO-8601 datetime this rule rewrites: no fix.
        assert_eq!(
            check("2024-01-01T10:00", Mode::Lax)
                .unwrap_err()
                .message(Some("2024-01-01T10:00")),
            "\"2024-01-01T10:00\" is not a datetime in the form YYYY-MM-DD HH:MM:SS"
        );
    }

    #[test]
    fn unset_only_in_lax() {
        for unset in ["", ZERO_DATETIME] {
            assert!(check(unset, Mode::Lax).is_ok(), "{unset:?}");
            let v = check(unset, Mode::Strict).unwrap_err();
            assert_eq!(v.code, Code::Datetime);
            assert!(
                v.message(Some(unset))
                    .ends_with(crate::report::message::STRICT_UNSET_HINT),
                "{unset:?}"
            );
        }
        // The zero date alone is not an unset datetime.
        assert!(check("0000-00-00", Mode::Lax).is_err());
    }

    #[test]
    fn the_word_reading_agrees_with_the_reading_by_parts() {
        let mut rng = crate::test_rng::Rng::new(0xDA7E_u64);
        let mut next = |n: usize| rng.below(n);
        // Bytes next to digits and separators in the table, and a few others.
        let odd = b"/09:;- \x2c\x2e\x1f\x7fTZa\xc3";
        let mut counts = [0usize; 3];
        for round in 0..200_000 {
            let mut bytes: Vec<u8> = format!(
                "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                next(10_000),
                next(14),
                next(33),
                next(26),
                next(62),
                next(62)
            )
            .into_bytes();
            // Three rounds in four, one to three bytes changed; an edit may change the length.
            if round % 4 != 0 {
                for _ in 0..=next(3) {
                    let at = next(bytes.len());
                    match next(8) {
                        0 => drop(bytes.remove(at)),
                        1 => bytes.insert(at, odd[next(odd.len())]),
                        _ => bytes[at] = odd[next(odd.len())],
                    }
                }
            }
            let value = String::from_utf8_lossy(&bytes);
            let expected = shape_by_parts(&value);
            counts[expected as usize] += 1;
            assert_eq!(shape(&value), expected, "{value:?}");
        }
        // Every finding was reached often.
        assert!(counts.iter().all(|&c| c > 10_000), "{counts:?}");
    }

    #[test]
    fn every_year_month_and_day_agrees_with_the_reading_by_parts() {
        // Every year, month 00-13 and day 00-32: the numbers taken from the words by
        // multiplication must be the numbers the parts give.
        let mut real = 0;
        for year in 0..10_000 {
            for month in 0..14 {
                for day in 0..33 {
                    let value = format!("{year:04}-{month:02}-{day:02} 23:59:59");
                    let expected = shape_by_parts(&value);
                    real += usize::from(expected == Shape::Real);
                    assert_eq!(shape(&value), expected, "{value:?}");
                }
            }
        }
        // 9,999 years of 365 days, and 2,424 leap days (years 1 to 9999).
        assert_eq!(real, 9_999 * 365 + 2_424);
        // Every time of day, and the first invalid hour, minute and second.
        for hour in 0..100 {
            for minute in 0..100 {
                for second in [0, 59, 60, 99] {
                    let value = format!("2024-02-29 {hour:02}:{minute:02}:{second:02}");
                    assert_eq!(shape(&value), shape_by_parts(&value), "{value:?}");
                }
            }
        }
    }

    #[test]
    fn iso_datetimes_get_the_same_digits_as_a_fix() {
        for (iso, fix) in [
            ("2026-02-10T02:53:30", "2026-02-10 02:53:30"),
            ("2026-02-10T02:53:30Z", "2026-02-10 02:53:30"),
            ("2026-02-10t02:53:30z", "2026-02-10 02:53:30"),
            ("2026-02-10T02:53:30.123Z", "2026-02-10 02:53:30"),
            ("2026-02-10T02:53:30,5", "2026-02-10 02:53:30"),
            ("2026-02-10T23:59:59.999999999+10:00", "2026-02-10 23:59:59"),
            ("2026-02-10T02:53:30-05:30", "2026-02-10 02:53:30"),
            ("2026-02-10T02:53:30+1000", "2026-02-10 02:53:30"),
            ("2026-02-10T02:53:30+10", "2026-02-10 02:53:30"),
            ("2024-02-29 00:00:00Z", "2024-02-29 00:00:00"),
        ] {
            assert_eq!(from_iso8601(iso).as_deref(), Some(fix), "{iso}");
            let v = check(iso, Mode::Lax).unwrap_err();
            assert_eq!(v.code, Code::Datetime);
            assert_eq!(v.params.suggestion(), Some(fix));
            assert_eq!(v.params.format(), Some(DATETIME_FORMAT));
            assert_eq!(v.params.note(), Some(LOCAL_TIME_NOTE));
            assert_eq!(
                v.message(Some(iso)),
                format!(
                    "\"{iso}\" is not a datetime in the form YYYY-MM-DD HH:MM:SS; \
                     did you mean \"{fix}\"? ({LOCAL_TIME_NOTE})"
                )
            );
            // Strict mode gives the same fix.
            assert_eq!(check(iso, Mode::Strict).unwrap_err(), v);
        }
    }

    #[test]
    fn other_shapes_get_no_fix() {
        for bad in [
            "2026-02-10T02:53",
            "2026-02-10T02:53:3",
            "2026-02-10T02:53:30.",
            "2026-02-10T02:53:30.Z",
            "2026-02-10T02:53:30ZZ",
            "2026-02-10T02:53:30+1",
            "2026-02-10T02:53:30+10:0",
            "2026-02-10T02:53:30+10:00:00",
            "2026-02-10T02:53:30 ",
            "2026-02-10X02:53:30",
            "2026-02-30T02:53:30",
            "2026-02-10T24:00:00Z",
            "2026-02-10T02:53:30é",
            "2026-02-10Té2:53:30",
            "0000-00-00T00:00:00",
            "2026-02-10",
        ] {
            assert_eq!(from_iso8601(bad), None, "{bad:?}");
            if let Err(v) = check(bad, Mode::Lax) {
                assert_eq!(v.params.suggestion(), None, "{bad:?}");
            }
        }
        // A long fraction is read once, and still a fix.
        let long = format!("2026-02-10T02:53:30.{}Z", "1".repeat(1 << 20));
        assert_eq!(from_iso8601(&long).as_deref(), Some("2026-02-10 02:53:30"));
    }

    #[test]
    fn zero() {
        assert!(is_zero(ZERO_DATETIME));
        assert!(!is_zero(""));
        assert!(!is_zero("0000-00-00 00:00:01"));
    }
}

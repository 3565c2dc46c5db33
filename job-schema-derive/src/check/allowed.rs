//! Rules that cannot hold together: an allowed value (`enum_values`) that another rule of the
//! same field rejects, and a pair of rules no value passes. Each is reported at the literal
//! or the rule at fault.
//!
//! The value tests below restate what the runtime's rules accept (`job_schema::rules`:
//! `uuid`, `datetime`, `date`, `number`, `range`, `bool01`), written by parts. A value is
//! rejected here only when the runtime rejects it in every mode: what lax mode reads as unset
//! (`""`, the zero date and datetime) is never rejected. The derive cannot call the runtime
//! (the runtime depends on it), so the pass case `tests/ui/pass/allowed_values.rs` validates
//! every edge value this module accepts with the runtime's own rules.

use proc_macro2::Span;

use super::Errors;
use crate::model::{EnumLit, Field, Format};

/// Reports each allowed value that another rule of `field` rejects, and the pairs of rules
/// that no value passes.
pub(super) fn check(field: &Field, allowed: &[EnumLit], errors: &mut Errors) {
    for lit in allowed {
        match lit {
            EnumLit::Int(value, span) => int(field, *value, *span, errors),
            EnumLit::Str(value, span) => text(field, value, *span, errors),
        }
    }
    // `bool01` takes 0 and 1 only: a range that holds neither leaves nothing.
    if let (Some(_), Some((min, max, span))) = (field.bool01, field.range) {
        if !contains(min, max, 0.0) && !contains(min, max, 1.0) {
            errors.at(
                span,
                format!(
                    "{} holds neither 0 nor 1, the only values `bool01` takes: no value could pass",
                    range(min, max)
                ),
            );
        }
    }
    // A format's shortest value must fit in `max_len`, or only an unset field passes.
    if let (Some((limit, span)), Some((format, _))) = (field.max_len, field.format) {
        let shortest = match format {
            Format::Uuid => Some(("a UUID", 36)),
            Format::Datetime => Some(("a datetime", 19)),
            Format::Date => Some(("a date", 10)),
            Format::Number | Format::UuidList => None,
        };
        if let Some((what, length)) = shortest.filter(|(_, length)| limit < *length) {
            errors.at(
                span,
                format!("`max_len = {limit}` is shorter than {what} ({length} characters, `{}`): no value could pass", format.key()),
            );
        }
    }
}

/// An allowed integer: within the range, and 0 or 1 under `bool01`.
fn int(field: &Field, value: i64, span: Span, errors: &mut Errors) {
    if let Some((min, max, _)) = field.range {
        // The runtime compares the integer as an `f64`, as written here.
        #[allow(clippy::cast_precision_loss)]
        let as_float = value as f64;
        if !contains(min, max, as_float) {
            errors.at(
                span,
                format!(
                    "the allowed value {value} is outside {}: it could never pass",
                    range(min, max)
                ),
            );
        }
    }
    if field.bool01.is_some() && value != 0 && value != 1 {
        errors.at(
            span,
            format!("the allowed value {value} is neither 0 nor 1, the only values `bool01` takes: it could never pass"),
        );
    }
}

/// An allowed string: in the field's format, and a number within the range.
fn text(field: &Field, value: &str, span: Span, errors: &mut Errors) {
    // Lax mode reads `""` as unset for every rule.
    if value.is_empty() {
        return;
    }
    if let Some((format, _)) = field.format {
        let (fits, what) = match format {
            Format::Uuid => (is_uuid(value), "a UUID (8-4-4-4-12 hex digits)"),
            Format::Datetime => (
                is_datetime(value) || value == ZERO_DATETIME,
                "a real date and time written YYYY-MM-DD HH:MM:SS",
            ),
            Format::Date => (
                is_date(value) || value == ZERO_DATE || value == ZERO_DATETIME,
                "a real date written YYYY-MM-DD or YYYY-MM-DD HH:MM:SS",
            ),
            Format::Number => (parse_number(value).is_some(), "a number"),
            // A JSON array of UUIDs in a string: not restated here.
            Format::UuidList => (true, ""),
        };
        if !fits {
            errors.at(
                span,
                format!("the allowed value {value:?} is not {what}, which `{}` requires: it could never pass", format.key()),
            );
            return;
        }
    }
    // `range` with a text format is reported by itself (`range` contradicts the format).
    let numeric = matches!(field.format, None | Some((Format::Number, _)));
    if let (Some((min, max, _)), true) = (field.range, numeric) {
        match parse_number(value) {
            Some(n) if contains(min, max, n) => {}
            Some(_) => errors.at(
                span,
                format!("the allowed value {value:?} is outside {}: it could never pass", range(min, max)),
            ),
            None => errors.at(
                span,
                format!("the allowed value {value:?} is not a number, which {} requires: it could never pass", range(min, max)),
            ),
        }
    }
}

/// `range`'s test: inclusive bounds.
fn contains(min: f64, max: f64, value: f64) -> bool {
    (min..=max).contains(&value)
}

/// The rule as written, its bounds as the runtime writes them (`5`, not `5.0`).
fn range(min: f64, max: f64) -> String {
    format!("`range(min = {min}, max = {max})`")
}

/// The zero datetime and date, which lax mode reads as unset.
const ZERO_DATETIME: &str = "0000-00-00 00:00:00";
const ZERO_DATE: &str = "0000-00-00";

/// 36 bytes: hex digits in groups of 8-4-4-4-12, joined by `-`.
fn is_uuid(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, &b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// The number of `bytes`, all ASCII digits.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// `YYYY-MM-DD`, a day of the Gregorian calendar in the years 0001–9999.
fn is_date_part(bytes: &[u8]) -> bool {
    let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = bytes else {
        return false;
    };
    let (Some(year), Some(month), Some(day)) = (
        digits(&[y1, y2, y3, y4]),
        digits(&[m1, m2]),
        digits(&[d1, d2]),
    ) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    year >= 1 && (1..=days).contains(&day)
}

/// `YYYY-MM-DD HH:MM:SS`, a real day, 00–23 h, 00–59 min and s.
fn is_datetime(value: &str) -> bool {
    let &[ref date @ .., b' ', h1, h2, b':', n1, n2, b':', s1, s2] = value.as_bytes() else {
        return false;
    };
    let (Some(hour), Some(minute), Some(second)) =
        (digits(&[h1, h2]), digits(&[n1, n2]), digits(&[s1, s2]))
    else {
        return false;
    };
    hour <= 23 && minute <= 59 && second <= 59 && is_date_part(date)
}

/// A date, or a datetime.
fn is_date(value: &str) -> bool {
    is_date_part(value.as_bytes()) || is_datetime(value)
}

/// A finite number written as JSON writes one, leading zeros allowed: `-`, digits, then
/// optionally `.` and digits, then optionally `e` or `E`, a sign and digits.
fn parse_number(value: &str) -> Option<f64> {
    fn digits_then(bytes: &[u8]) -> Option<&[u8]> {
        let n = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        (n > 0).then(|| &bytes[n..])
    }
    let bytes = value.as_bytes();
    let mut rest = digits_then(bytes.strip_prefix(b"-").unwrap_or(bytes))?;
    if let Some(fraction) = rest.strip_prefix(b".") {
        rest = digits_then(fraction)?;
    }
    if let [b'e' | b'E', exponent @ ..] = rest {
        let exponent = exponent
            .strip_prefix(b"+")
            .or_else(|| exponent.strip_prefix(b"-"))
            .unwrap_or(exponent);
        rest = digits_then(exponent)?;
    }
    if !rest.is_empty() {
        return None;
    }
    value.parse::<f64>().ok().filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Edge cases, each checked by hand against the documentation of the runtime's rule.

    #[test]
    fn uuids() {
        assert!(is_uuid("5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17"));
        assert!(is_uuid("5F1B7E42-36A4-4C09-9D3E-2B1F0C6A8E17"));
        for bad in [
            "{5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17}",
            "urn:uuid:5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17",
            "5f1b7e4236a44c099d3e2b1f0c6a8e17",
            " 5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e1",
            "5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e1g",
            "5f1b7e42036a4-4c09-9d3e-2b1f0c6a8e17",
            "",
        ] {
            assert!(!is_uuid(bad), "{bad:?}");
        }
    }

    #[test]
    fn datetimes_and_dates() {
        for good in [
            "2024-02-29 23:59:59",
            "0001-01-01 00:00:00",
            "9999-12-31 23:59:59",
        ] {
            assert!(is_datetime(good), "{good:?}");
            assert!(is_date(good), "{good:?}");
        }
        for good in ["2024-02-29", "2000-02-29", "0001-01-01"] {
            assert!(is_date(good), "{good:?}");
            assert!(!is_datetime(good), "{good:?}");
        }
        for bad in [
            "2025-02-29 10:00:00",
            "1900-02-29 10:00:00",
            "2024-04-31 10:00:00",
            "2024-13-01 10:00:00",
            "2024-01-01 24:00:00",
            "2024-01-01 23:60:00",
            "2024-01-01 23:59:60",
            "2024-01-01T10:00:00",
            "2024-01-01 10:00",
            "2024-1-01 10:00:00",
            "0000-00-00 00:00:00",
            " 2024-01-01 10:00:00",
        ] {
            assert!(!is_datetime(bad), "{bad:?}");
            assert!(!is_date(bad), "{bad:?}");
        }
        for bad in [
            "2025-02-29",
            "1900-02-29",
            "2024-00-10",
            "2024-01-00",
            "0000-01-01",
            "2024/01/05",
            "20240105",
            "0000-00-00",
        ] {
            assert!(!is_date(bad), "{bad:?}");
        }
    }

    #[test]
    fn numbers() {
        for (text, n) in [
            ("007", 7.0),
            ("-1.5e3", -1500.0),
            ("1E+2", 100.0),
            ("0.5", 0.5),
            ("-0", 0.0),
        ] {
            assert_eq!(parse_number(text), Some(n), "{text:?}");
        }
        for bad in [
            "", "+1", " 1", "1 ", ".5", "5.", "0x10", "NaN", "inf", "Infinity", "1_000", "1e",
            "1e+", "-", "1e999",
        ] {
            assert_eq!(parse_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn ranges_are_inclusive() {
        assert!(contains(5.0, 9.0, 5.0) && contains(5.0, 9.0, 9.0));
        assert!(!contains(5.0, 9.0, 4.0) && !contains(5.0, 9.0, 10.0));
        assert!(!contains(0.5, 1.5, 0.0) && contains(0.5, 1.5, 1.0));
        assert_eq!(range(0.5, 5.0), "`range(min = 0.5, max = 5)`");
    }
}

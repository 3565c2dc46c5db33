//! `number`: a finite decimal number.
//!
//! As text ([`parse`], [`check_str`]) a number follows the JSON number grammar, except that
//! leading zeros are allowed (`"007"`): an optional `-`, one or more digits, optionally `.`
//! and one or more digits, optionally `e` or `E`, an optional sign and one or more digits.
//! Rejected: a leading `+`, surrounding spaces, `".5"` and `"5."`, hex, `NaN`, `inf`,
//! `Infinity`, digit separators, and numbers too large for a 64-bit float (`"1e999"`). In lax
//! mode `""` means "unset" and is accepted; strict mode rejects it. As a float
//! ([`check_f64`]), any finite value is accepted and NaN and the infinities are rejected.

use crate::options::Mode;
use crate::report::{Code, Form, Params, Phrase, Violation};

/// The bytes after the leading ASCII digits of `bytes`, and how many digits there were.
fn skip_digits(bytes: &[u8]) -> (usize, &[u8]) {
    let n = bytes
        .iter()
        .position(|c| !c.is_ascii_digit())
        .unwrap_or(bytes.len());
    (n, bytes.get(n..).unwrap_or_default())
}

/// Whether `value` follows the number grammar (JSON's, with leading zeros allowed).
fn is_number_text(value: &str) -> bool {
    let mut rest = value.as_bytes();
    if let [b'-', tail @ ..] = rest {
        rest = tail;
    }
    let (n, tail) = skip_digits(rest);
    if n == 0 {
        return false;
    }
    rest = tail;
    if let [b'.', tail @ ..] = rest {
        let (n, tail) = skip_digits(tail);
        if n == 0 {
            return false;
        }
        rest = tail;
    }
    if let [b'e' | b'E', tail @ ..] = rest {
        rest = tail;
        if let [b'+' | b'-', tail @ ..] = rest {
            rest = tail;
        }
        let (n, tail) = skip_digits(rest);
        if n == 0 {
            return false;
        }
        rest = tail;
    }
    rest.is_empty()
}

/// Reads `value` as a finite decimal number.
///
/// ```
/// use job_schema::rules::number;
/// assert_eq!(number::parse("-27.6984444"), Some(-27.6984444));
/// assert_eq!(number::parse("NaN"), None);
/// ```
pub fn parse(value: &str) -> Option<f64> {
    if !is_number_text(value) {
        return None;
    }
    value.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Reads `value` as a finite decimal number: `Ok(Some(n))` for a number, `Ok(None)` for `""`
/// in lax mode (unset).
///
/// ```
/// use job_schema::rules::number;
/// use job_schema::{Code, Mode};
/// assert_eq!(number::check_str("153.6121731", Mode::Strict), Ok(Some(153.6121731)));
/// assert_eq!(number::check_str("", Mode::Lax), Ok(None));
/// assert_eq!(number::check_str("abc", Mode::Lax).unwrap_err().code, Code::Number);
/// ```
pub fn check_str(value: &str, mode: Mode) -> Result<Option<f64>, Violation> {
    if let Some(n) = parse(value) {
        return Ok(Some(n));
    }
    if value.is_empty() && mode == Mode::Lax {
        return Ok(None);
    }
    Err(Violation::deferred(
        Code::Number,
        Form::Quoted(Phrase::NotNumber, value.is_empty()),
        Params::Empty,
    ))
}

/// Accepts a finite float; rejects NaN and the infinities.
///
/// ```
/// use job_schema::rules::number;
/// use job_schema::Code;
/// assert!(number::check_f64(-90.0).is_ok());
/// assert_eq!(number::check_f64(f64::NAN).unwrap_err().code, Code::Number);
/// ```
pub fn check_f64(value: f64) -> Result<(), Violation> {
    if value.is_finite() {
        Ok(())
    } else {
        // Written from the echoed value when read: a JSON number too large for a double is
        // read as an infinity and echoed as it was written (`1e400`).
        Err(Violation::deferred(
            Code::Number,
            Form::NotFinite,
            Params::Empty,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_numbers_parse() {
        let cases: [(&str, f64); 13] = [
            ("-27.6984444", -27.698_444_4),
            ("153.6121731", 153.612_173_1),
            ("0", 0.0),
            ("-0", -0.0),
            ("007", 7.0),
            ("1e3", 1000.0),
            ("1E3", 1000.0),
            ("1e+3", 1000.0),
            ("1.5e-3", 0.0015),
            ("-90", -90.0),
            ("180.000", 180.0),
            ("1e-999", 0.0),
            ("1.7976931348623157e308", f64::MAX),
        ];
        for (text, n) in cases {
            assert_eq!(parse(text), Some(n), "{text:?}");
            assert_eq!(check_str(text, Mode::Strict), Ok(Some(n)), "{text:?}");
        }
    }

    #[test]
    fn other_texts_fail() {
        for bad in [
            "", " 1", "1 ", "+1", "--1", ".5", "5.", "-", "-.5", "1e", "1e+", "e5", "1.2.3", "1,5",
            "1_000", "0x10", "NaN", "nan", "inf", "-inf", "Infinity", "infinity", "1e999",
            "-1e999", "١", "abc", "1a",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
            let v = check_str(bad, Mode::Strict).unwrap_err();
            assert_eq!(v.code, Code::Number, "{bad:?}");
        }
        assert_eq!(
            check_str("abc", Mode::Lax)
                .unwrap_err()
                .message(Some("abc")),
            "\"abc\" is not a finite decimal number"
        );
    }

    #[test]
    fn empty_is_unset_only_in_lax() {
        assert_eq!(check_str("", Mode::Lax), Ok(None));
        let v = check_str("", Mode::Strict).unwrap_err();
        assert!(v
            .message(Some(""))
            .ends_with(crate::report::message::STRICT_UNSET_HINT));
        // A blank is not empty.
        assert!(check_str(" ", Mode::Lax).is_err());
    }

    #[test]
    fn very_long_numbers_are_fine() {
        let long = format!("1.{}", "3".repeat(10_000));
        assert!(parse(&long).is_some());
        let huge = "9".repeat(400);
        assert_eq!(parse(&huge), None);
    }

    #[test]
    fn floats() {
        assert!(check_f64(0.0).is_ok());
        assert!(check_f64(f64::MAX).is_ok());
        assert!(check_f64(f64::MIN_POSITIVE).is_ok());
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(check_f64(bad).unwrap_err().code, Code::Number);
        }
        assert_eq!(
            check_f64(f64::INFINITY).unwrap_err().message(Some("inf")),
            "inf is not a finite decimal number"
        );
    }
}

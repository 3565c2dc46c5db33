//! `bool01`: a flag that is the integer 0 or 1.
//!
//! [`check`] accepts exactly 0 and 1 and rejects every other integer. Lax mode also reads
//! JSON `true`/`false` ([`from_bool`]) and the strings `"0"`/`"1"` ([`from_lax_str`]) as
//! flags; no other string (`"true"`, `" 1"`, `"01"`) is a flag.

use std::borrow::Cow;

use crate::report::{Code, Form, Params, Violation};

/// The values a flag takes.
const ZERO_ONE: &[i64] = &[0, 1];

/// Accepts 0 and 1.
///
/// ```
/// use job_schema::rules::bool01;
/// use job_schema::Code;
/// assert!(bool01::check(1).is_ok());
/// assert_eq!(bool01::check(2).unwrap_err().code, Code::Bool01);
/// ```
pub fn check(value: i64) -> Result<(), Violation> {
    if value == 0 || value == 1 {
        Ok(())
    } else {
        let params = Params::OneOfInts {
            allowed: Cow::Borrowed(ZERO_ONE),
        };
        Err(Violation::deferred(
            Code::Bool01,
            Form::Bool01(value),
            params,
        ))
    }
}

/// Reads the lax string spellings of a flag: `"0"` is 0, `"1"` is 1, anything else is not a
/// flag.
///
/// ```
/// use job_schema::rules::bool01;
/// assert_eq!(bool01::from_lax_str("1"), Some(1));
/// assert_eq!(bool01::from_lax_str("true"), None);
/// ```
pub fn from_lax_str(value: &str) -> Option<i64> {
    match value {
        "0" => Some(0),
        "1" => Some(1),
        _ => None,
    }
}

/// The flag that a word means: `true` and `yes` are 1, `false` and `no` are 0, in any case
/// of ASCII letters; also `"1"` and `"0"`. No flag accepts these words; a `type` error on a
/// flag field offers this as its fix.
///
/// ```
/// use job_schema::rules::bool01;
/// assert_eq!(bool01::from_word("Yes"), Some(1));
/// assert_eq!(bool01::from_word("FALSE"), Some(0));
/// assert_eq!(bool01::from_word("y"), None);
/// ```
pub fn from_word(value: &str) -> Option<i64> {
    const WORDS: [(&str, i64); 6] = [
        ("true", 1),
        ("yes", 1),
        ("1", 1),
        ("false", 0),
        ("no", 0),
        ("0", 0),
    ];
    WORDS
        .iter()
        .find(|(word, _)| word.eq_ignore_ascii_case(value))
        .map(|&(_, flag)| flag)
}

/// Reads a JSON boolean as a flag: `false` is 0, `true` is 1.
///
/// ```
/// use job_schema::rules::bool01;
/// assert_eq!(bool01::from_bool(true), 1);
/// assert!(bool01::check(bool01::from_bool(false)).is_ok());
/// ```
pub fn from_bool(b: bool) -> i64 {
    i64::from(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Allowed;

    #[test]
    fn only_zero_and_one() {
        assert!(check(0).is_ok());
        assert!(check(1).is_ok());
        for bad in [-1, 2, i64::MIN, i64::MAX] {
            let v = check(bad).unwrap_err();
            assert_eq!(v.code, Code::Bool01);
            assert_eq!(v.params.allowed(), Some(Allowed::Ints(&[0, 1])));
        }
        assert_eq!(check(2).unwrap_err().message(Some("2")), "2 is not 0 or 1");
    }

    #[test]
    fn lax_strings() {
        assert_eq!(from_lax_str("0"), Some(0));
        assert_eq!(from_lax_str("1"), Some(1));
        for bad in ["", " 1", "1 ", "01", "true", "false", "2", "-0", "1.0"] {
            assert_eq!(from_lax_str(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn words() {
        for (word, flag) in [
            ("true", 1),
            ("True", 1),
            ("TRUE", 1),
            ("yes", 1),
            ("YES", 1),
            ("1", 1),
            ("false", 0),
            ("False", 0),
            ("no", 0),
            ("No", 0),
            ("0", 0),
        ] {
            assert_eq!(from_word(word), Some(flag), "{word}");
        }
        for other in [
            "", " yes", "yes ", "y", "n", "on", "off", "2", "01", "truee", "ja",
        ] {
            assert_eq!(from_word(other), None, "{other:?}");
        }
    }

    #[test]
    fn booleans() {
        assert_eq!(from_bool(false), 0);
        assert_eq!(from_bool(true), 1);
    }
}

//! `enum_values [...]`: exactly one of a fixed list of values.
//!
//! Strings match exactly and case-sensitively: `"work order"` and `" Quote "` are rejected.
//! When a rejected string equals an allowed value once surrounding whitespace is trimmed and
//! case is ignored, the violation suggests that value. In lax mode `""` means "unset" and is
//! accepted; in strict mode it is rejected like any other value not in the list. Integers
//! ([`check_int`]) must be one of the listed integers.

use crate::options::Mode;
use std::borrow::Cow;

use crate::report::{Code, Form, Params, Texts, Violation};

/// Accepts `value` when it is one of `allowed` (or `""` in lax mode).
///
/// ```
/// use job_schema::rules::enum_values;
/// use job_schema::{Code, Mode};
/// const STATUS: &[&str] = &["Quote", "Work Order", "Unsuccessful", "Completed"];
/// assert!(enum_values::check_str("Work Order", STATUS, Mode::Lax).is_ok());
/// let v = enum_values::check_str("work order", STATUS, Mode::Lax).unwrap_err();
/// assert_eq!(v.code, Code::EnumValues);
/// assert_eq!(v.params.suggestion(), Some("Work Order"));
/// ```
pub fn check_str(
    value: &str,
    allowed: &'static [&'static str],
    mode: Mode,
) -> Result<(), Violation> {
    if allowed.contains(&value) || (value.is_empty() && mode == Mode::Lax) {
        return Ok(());
    }
    let params = Params::OneOf {
        allowed: Texts::from_static(allowed),
        suggestion_index: suggest(value, allowed),
    };
    Err(Violation::deferred(Code::EnumValues, Form::Enum, params))
}

/// Accepts `value` when it is one of `allowed`.
///
/// ```
/// use job_schema::rules::enum_values;
/// use job_schema::Code;
/// assert!(enum_values::check_int(2, &[1, 2, 3]).is_ok());
/// assert_eq!(enum_values::check_int(4, &[1, 2, 3]).unwrap_err().code, Code::EnumValues);
/// ```
pub fn check_int(value: i64, allowed: &'static [i64]) -> Result<(), Violation> {
    if allowed.contains(&value) {
        return Ok(());
    }
    let params = Params::OneOfInts {
        allowed: Cow::Borrowed(allowed),
    };
    Err(Violation::deferred(
        Code::EnumValues,
        Form::EnumInt(value),
        params,
    ))
}

/// Where in `allowed` the value is that `value` equals once trimmed and compared without case.
fn suggest(value: &str, allowed: &[&str]) -> Option<u32> {
    let trimmed = value.trim();
    let ascii = trimmed.is_ascii();
    let found = allowed.iter().position(|a| {
        if ascii && a.is_ascii() {
            // What lower-casing every character compares, for ASCII on both sides.
            a.eq_ignore_ascii_case(trimmed)
        } else {
            a.chars()
                .flat_map(char::to_lowercase)
                .eq(trimmed.chars().flat_map(char::to_lowercase))
        }
    });
    found.and_then(|i| u32::try_from(i).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Allowed;

    const STATUS: &[&str] = &["Quote", "Work Order", "Unsuccessful", "Completed"];

    #[test]
    fn exact_values_pass() {
        for s in STATUS {
            assert!(check_str(s, STATUS, Mode::Lax).is_ok());
            assert!(check_str(s, STATUS, Mode::Strict).is_ok());
        }
    }

    #[test]
    fn empty_is_unset_only_in_lax() {
        assert!(check_str("", STATUS, Mode::Lax).is_ok());
        let v = check_str("", STATUS, Mode::Strict).unwrap_err();
        assert_eq!(v.code, Code::EnumValues);
        assert_eq!(v.params.suggestion(), None);
    }

    #[test]
    fn the_ascii_comparison_agrees_with_lower_casing_every_character() {
        let allowed: &'static [&'static str] = &["Quote", "Work Order", "k", "ǅx", "İ", "ß", ""];
        let values = [
            "quote",
            " QUOTE ",
            "work order",
            "Work  Order",
            "K",
            "\u{212A}",
            "ǆX",
            "Ǆx",
            "i̇",
            "İ",
            "SS",
            "ß",
            "ẞ",
            " ",
            "",
            "Quot",
            "x",
        ];
        for value in values {
            let plain = allowed.iter().position(|a| {
                a.chars()
                    .flat_map(char::to_lowercase)
                    .eq(value.trim().chars().flat_map(char::to_lowercase))
            });
            let plain = plain.map(|i| u32::try_from(i).unwrap());
            assert_eq!(suggest(value, allowed), plain, "{value:?}");
        }
    }

    #[test]
    fn case_and_space_get_a_suggestion() {
        let v = check_str("work order", STATUS, Mode::Lax).unwrap_err();
        assert_eq!(v.code, Code::EnumValues);
        assert_eq!(v.params.suggestion(), Some("Work Order"));
        assert_eq!(
            v.params.allowed(),
            Some(Allowed::Strs(&Texts::from_static(STATUS)))
        );
        assert_eq!(
            v.message(Some("work order")),
            "\"work order\" is not one of \"Quote\", \"Work Order\", \"Unsuccessful\", \
             \"Completed\"; did you mean \"Work Order\"?"
        );
        let v = check_str(" Quote ", STATUS, Mode::Strict).unwrap_err();
        assert_eq!(v.params.suggestion(), Some("Quote"));
        let v = check_str("\tCOMPLETED\n", STATUS, Mode::Lax).unwrap_err();
        assert_eq!(v.params.suggestion(), Some("Completed"));
    }

    #[test]
    fn unicode_case_is_ignored_for_the_suggestion() {
        const CITIES: &[&str] = &["Zürich"];
        let v = check_str("ZÜRICH", CITIES, Mode::Lax).unwrap_err();
        assert_eq!(v.params.suggestion(), Some("Zürich"));
    }

    #[test]
    fn no_suggestion_for_other_values() {
        for bad in ["Quotes", "Work  Order", "WorkOrder", "x", " "] {
            let v = check_str(bad, STATUS, Mode::Lax).unwrap_err();
            assert_eq!(v.params.suggestion(), None, "{bad:?}");
            assert!(!v.message(Some(bad)).contains("did you mean"));
        }
    }

    #[test]
    fn long_values_are_cut_in_the_message() {
        let long = "x".repeat(10_000);
        let v = check_str(&long, STATUS, Mode::Lax).unwrap_err();
        assert!(v.message(Some(&long)).len() < 200);
    }

    #[test]
    fn empty_allowed_list() {
        assert!(check_str("a", &[], Mode::Lax).is_err());
        assert!(check_int(0, &[]).is_err());
    }

    #[test]
    fn integers() {
        const LEVELS: &[i64] = &[1, 2, 3];
        assert!(check_int(1, LEVELS).is_ok());
        let v = check_int(-1, LEVELS).unwrap_err();
        assert_eq!(v.code, Code::EnumValues);
        assert_eq!(v.params.allowed(), Some(Allowed::Ints(LEVELS)));
        assert_eq!(v.message(Some("-1")), "-1 is not one of 1, 2, 3");
    }
}

//! `max_len N`: text of at most N characters.
//!
//! Characters are Unicode scalar values (what [`str::chars`] yields), the unit of JSON
//! Schema's `maxLength`: `"é"` is one character although it takes two bytes. Any text of N
//! characters or fewer is accepted, the empty string included; longer text is rejected.

use crate::report::{Code, Form, Params, Violation};

/// Accepts `value` when it has at most `max` characters.
///
/// Text of at most `max` bytes passes without being counted.
///
/// ```
/// use job_schema::rules::max_len;
/// use job_schema::Code;
/// assert!(max_len::check(&"é".repeat(500), 500).is_ok());
/// assert_eq!(max_len::check(&"é".repeat(501), 500).unwrap_err().code, Code::MaxLen);
/// ```
pub fn check(value: &str, max: usize) -> Result<(), Violation> {
    // A character takes at least one byte, so a short enough byte length settles it.
    if value.len() <= max {
        return Ok(());
    }
    let count = value.chars().count();
    if count <= max {
        return Ok(());
    }
    Err(Violation::deferred(
        Code::MaxLen,
        Form::Length,
        Params::Length {
            limit: max,
            length: count,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_scalar_values_not_bytes() {
        assert!(check(&"é".repeat(500), 500).is_ok());
        let v = check(&"é".repeat(501), 500).unwrap_err();
        assert_eq!(v.code, Code::MaxLen);
        assert_eq!(v.params.limit(), Some(500));
        assert_eq!(v.params.length(), Some(501));
        assert_eq!(v.message(None), "is 501 characters long; the limit is 500");
    }

    #[test]
    fn ascii_edges() {
        assert!(check("", 0).is_ok());
        assert!(check("", 20).is_ok());
        assert!(check(&"a".repeat(20), 20).is_ok());
        assert!(check(&"a".repeat(21), 20).is_err());
        assert_eq!(
            check("a", 0).unwrap_err().message(Some("a")),
            "is 1 character long; the limit is 0"
        );
    }

    #[test]
    fn astral_and_combining_characters() {
        // One emoji is one scalar value (four bytes).
        assert!(check(&"😀".repeat(100), 100).is_ok());
        assert!(check(&"😀".repeat(101), 100).is_err());
        // "e" + combining acute is two scalar values.
        assert!(check("e\u{301}", 1).is_err());
        assert!(check("e\u{301}", 2).is_ok());
    }

    #[test]
    fn huge_limit() {
        assert!(check("anything", usize::MAX).is_ok());
    }
}

//! `required`: the field must be present, and be neither `null` nor `""`.
//!
//! [`check_str`] rejects only the empty string (a string of spaces is not empty); a missing
//! key and a `null` are found by the reader, which reports them with [`missing`] and
//! [`null`].

use crate::report::{Code, Violation};

/// Accepts any string but `""`.
///
/// ```
/// use job_schema::rules::required;
/// use job_schema::Code;
/// assert!(required::check_str("Quote").is_ok());
/// assert_eq!(required::check_str("").unwrap_err().code, Code::Required);
/// ```
pub fn check_str(value: &str) -> Result<(), Violation> {
    if value.is_empty() {
        Err(Violation::new(Code::Required, "must not be empty"))
    } else {
        Ok(())
    }
}

/// The violation for a required key that is absent.
///
/// ```
/// use job_schema::rules::required;
/// use job_schema::Code;
/// assert_eq!(required::missing().code, Code::Required);
/// assert_eq!(required::missing().message(None), "is required");
/// ```
pub fn missing() -> Violation {
    Violation::new(Code::Required, "is required")
}

/// The violation for a required key whose value is `null`.
///
/// ```
/// use job_schema::rules::required;
/// use job_schema::Code;
/// assert_eq!(required::null().code, Code::Required);
/// assert_eq!(required::null().message(None), "is required and must not be null");
/// ```
pub fn null() -> Violation {
    Violation::new(Code::Required, "is required and must not be null")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fails_anything_else_passes() {
        let v = check_str("").unwrap_err();
        assert_eq!(v.code, Code::Required);
        assert_eq!(v.message(Some("")), "must not be empty");
        assert_eq!(v.params, crate::report::Params::default());
        assert!(check_str(" ").is_ok());
        assert!(check_str("0").is_ok());
        assert!(check_str("\u{0}").is_ok());
    }

    #[test]
    fn missing_and_null_messages() {
        assert_eq!(missing().message(None), "is required");
        assert_eq!(null().message(None), "is required and must not be null");
        assert_eq!(null().code, Code::Required);
    }
}

//! `range a..b`: a number within inclusive bounds.
//!
//! Accepted: any `value` with `min <= value <= max`, the bounds themselves included.
//! Rejected: anything outside them, and NaN (which is within no range). The bounds and the
//! value are written in messages the way [`f64`]'s `Display` writes them: `-90`, not `-90.0`.

use crate::report::{Code, Form, Params, Violation};

/// Accepts `value` when `min <= value <= max`.
///
/// ```
/// use job_schema::rules::range;
/// use job_schema::Code;
/// assert!(range::check(-90.0, -90.0, 90.0).is_ok());
/// let v = range::check(-91.0, -90.0, 90.0).unwrap_err();
/// assert_eq!(v.code, Code::Range);
/// assert_eq!(v.message(Some("-91")), "-91 is outside the range -90 to 90");
/// ```
pub fn check(value: f64, min: f64, max: f64) -> Result<(), Violation> {
    if (min..=max).contains(&value) {
        return Ok(());
    }
    Err(Violation::deferred(
        Code::Range,
        Form::Range(value),
        Params::Range { min, max },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_inclusive() {
        assert!(check(-90.0, -90.0, 90.0).is_ok());
        assert!(check(90.0, -90.0, 90.0).is_ok());
        assert!(check(0.0, -90.0, 90.0).is_ok());
        assert!(check(-0.0, 0.0, 0.0).is_ok());
        assert!(check(90.000_000_1, -90.0, 90.0).is_err());
        assert!(check(-180.000_001, -180.0, 180.0).is_err());
    }

    #[test]
    fn violation_carries_the_bounds() {
        let v = check(153.612_173_1, -90.0, 90.0).unwrap_err();
        assert_eq!(v.code, Code::Range);
        assert_eq!(v.params.min(), Some(-90.0));
        assert_eq!(v.params.max(), Some(90.0));
        assert_eq!(
            v.message(Some("153.6121731")),
            "153.6121731 is outside the range -90 to 90"
        );
    }

    #[test]
    fn non_finite_values_fail() {
        assert!(check(f64::NAN, -90.0, 90.0).is_err());
        assert!(check(f64::INFINITY, -90.0, 90.0).is_err());
        assert!(check(f64::NEG_INFINITY, -90.0, 90.0).is_err());
    }
}

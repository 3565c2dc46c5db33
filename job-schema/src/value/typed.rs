//! Typed values (features `uuid` and `chrono`): `uuid::Uuid`, `chrono::NaiveDateTime` and
//! `chrono::NaiveDate` as field types of a `#[derive(Schema)]` struct.
//!
//! Each type implies its format rule ([`Field::FORMAT`]): the reader hands the rule the text
//! it read, exactly as for a `String` field with the rule, and builds the value only from
//! text the rule accepts; `validate()` writes the value's wire text on the stack
//! ([`Field::with_scalar`]) and hands the rule that text. What lax mode reads as unset (`""`,
//! a zero date) is `None` in an `Option`, and the type's [`Field::unset`] value elsewhere.
//!
//! The wire text, [`wire_text`]: a `Uuid` in lower case, hyphenated; a `NaiveDateTime` as
//! `YYYY-MM-DD HH:MM:SS` (chrono's `Display`, which adds a fraction for a value with
//! nanoseconds, a leap second as `:60`, and a sign and more digits for a year beyond 0–9999:
//! the `datetime` rule rejects those, so `validate()` names them); a `NaiveDate` as
//! `YYYY-MM-DD`.

#[cfg(feature = "chrono")]
use std::fmt::{self, Write as _};

use super::{Field, Scalar};
use crate::rules;
use crate::spec::{Rule, Shape};

#[cfg(feature = "chrono")]
/// Room for the longest text chrono writes for a date and time (`+262142-12-31
/// 23:59:60.999999999` is 32 bytes).
const ROOM: usize = 40;

#[cfg(feature = "chrono")]
/// A value's wire text, written on the stack.
pub(crate) struct WireText {
    bytes: [u8; ROOM],
    len: usize,
}

#[cfg(feature = "chrono")]
impl WireText {
    fn new() -> WireText {
        WireText {
            bytes: [0; ROOM],
            len: 0,
        }
    }

    /// The text written so far.
    pub(crate) fn as_str(&self) -> &str {
        // Only whole `str`s are ever copied in, so the bytes are UTF-8.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

#[cfg(feature = "chrono")]
impl fmt::Write for WireText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(feature = "chrono")]
/// Writes `value` with its `Display` into a [`WireText`].
pub(crate) fn wire_text(value: &impl fmt::Display) -> WireText {
    let mut text = WireText::new();
    // Nothing chrono or uuid writes is longer than `ROOM`; if it were, the text would be cut
    // and the rule would reject it rather than pass a value it never saw.
    let _ = write!(text, "{value}");
    text
}

#[cfg(feature = "uuid")]
impl Field for uuid::Uuid {
    const SHAPE: Shape = Shape::Text;
    const FORMAT: Option<Rule> = Some(Rule::Uuid);
    fn scalar(&self) -> Option<Scalar<'_>> {
        None
    }
    fn with_scalar<R>(&self, check: impl FnOnce(Option<Scalar<'_>>) -> R) -> R {
        let mut buffer = [0; uuid::fmt::Hyphenated::LENGTH];
        check(Some(Scalar::Str(
            self.hyphenated().encode_lower(&mut buffer),
        )))
    }
    /// Only from text the `uuid` rule accepts (36 characters, hyphenated, either case):
    /// `uuid`'s own parser would also take braces, a `urn:uuid:` prefix and 32 bare digits.
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        let text = scalar.as_str()?;
        if !rules::uuid::is_uuid(text) {
            return None;
        }
        uuid::Uuid::try_parse(text).ok()
    }
    /// The nil UUID.
    fn unset() -> Self {
        uuid::Uuid::nil()
    }
}

/// The year, month and day of the ten bytes `YYYY-MM-DD` (already checked by a rule).
#[cfg(feature = "chrono")]
fn ymd(bytes: &[u8]) -> Option<chrono::NaiveDate> {
    let year = rules::date::digits(bytes.get(0..4)?)?;
    let month = rules::date::digits(bytes.get(5..7)?)?;
    let day = rules::date::digits(bytes.get(8..10)?)?;
    chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

#[cfg(feature = "chrono")]
impl Field for chrono::NaiveDateTime {
    const SHAPE: Shape = Shape::Text;
    const FORMAT: Option<Rule> = Some(Rule::Datetime);
    fn scalar(&self) -> Option<Scalar<'_>> {
        None
    }
    fn with_scalar<R>(&self, check: impl FnOnce(Option<Scalar<'_>>) -> R) -> R {
        check(Some(Scalar::Str(wire_text(self).as_str())))
    }
    /// Only from `YYYY-MM-DD HH:MM:SS` as the `datetime` rule accepts it.
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        let text = scalar.as_str()?;
        if !rules::datetime::is_datetime(text) {
            return None;
        }
        let bytes = text.as_bytes();
        let hour = rules::date::digits(bytes.get(11..13)?)?;
        let minute = rules::date::digits(bytes.get(14..16)?)?;
        let second = rules::date::digits(bytes.get(17..19)?)?;
        ymd(bytes)?.and_hms_opt(hour, minute, second)
    }
    /// 1970-01-01 00:00:00 (chrono's default).
    fn unset() -> Self {
        chrono::NaiveDateTime::default()
    }
}

#[cfg(feature = "chrono")]
impl Field for chrono::NaiveDate {
    const SHAPE: Shape = Shape::Text;
    const FORMAT: Option<Rule> = Some(Rule::Date);
    fn scalar(&self) -> Option<Scalar<'_>> {
        None
    }
    fn with_scalar<R>(&self, check: impl FnOnce(Option<Scalar<'_>>) -> R) -> R {
        check(Some(Scalar::Str(wire_text(self).as_str())))
    }
    /// From `YYYY-MM-DD`, or from a datetime as the `date` rule accepts it (its time is
    /// dropped).
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        let text = scalar.as_str()?;
        if !rules::date::is_date(text) {
            return None;
        }
        ymd(text.as_bytes())
    }
    /// 1970-01-01 (chrono's default).
    fn unset() -> Self {
        chrono::NaiveDate::default()
    }
}

#[cfg(all(test, feature = "chrono"))]
mod tests {
    use super::*;

    #[test]
    fn wire_text_is_cut_at_room_not_overrun() {
        struct Long;
        impl fmt::Display for Long {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&"x".repeat(ROOM + 1))
            }
        }
        assert_eq!(wire_text(&Long).as_str(), "");
        assert_eq!(wire_text(&"2026-01-02").as_str(), "2026-01-02");
    }
}

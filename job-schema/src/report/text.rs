//! [`Text`]: a message built piece by piece into one allocation.

use std::borrow::Cow;
use std::fmt;

use super::echoing::echo_into;
use super::number::{push_f64, push_u64};
use super::{Allowed, JsonTypes};

/// A message built piece by piece into one allocation, without the formatting machinery
/// (a `format!` costs several hundred instructions, and a record with issues builds a
/// message for each). Numbers are written the way their `Display` writes them.
pub(crate) struct Text(String);

impl Text {
    /// An empty message with room for about `capacity` bytes.
    #[inline]
    pub(crate) fn new(capacity: usize) -> Text {
        Text(String::with_capacity(capacity))
    }

    /// Appends `part`.
    #[inline]
    #[must_use]
    pub(crate) fn str(mut self, part: &str) -> Text {
        self.0.push_str(part);
        self
    }

    /// Appends `value` quoted and echoed (see [`echo`]).
    ///
    /// [`echo`]: super::echo
    #[must_use]
    pub(crate) fn quoted(mut self, value: &str) -> Text {
        self.0.push('"');
        echo_into(&mut self.0, value);
        self.0.push('"');
        self
    }

    /// Appends the names of `types` (`integer or string`).
    #[must_use]
    pub(crate) fn types(mut self, types: JsonTypes) -> Text {
        // Writing to a `String` cannot fail.
        let _ = types.write_to(&mut self.0);
        self
    }

    /// Appends the allowed values, as [`Allowed`]'s `Display` writes them.
    #[must_use]
    pub(crate) fn allowed(mut self, allowed: Allowed) -> Text {
        // Writing to a `String` cannot fail.
        let _ = allowed.write_to(&mut self.0);
        self
    }

    /// Appends `value` quoted as `Debug` quotes a string.
    #[must_use]
    pub(crate) fn debug_str(mut self, value: &str) -> Text {
        // Writing to a `String` cannot fail.
        let _ = write_debug_str(&mut self.0, value);
        self
    }

    /// Appends `value` in decimal.
    #[must_use]
    pub(crate) fn uint(mut self, value: u64) -> Text {
        push_u64(&mut self.0, value);
        self
    }

    /// Appends `value` in decimal.
    #[must_use]
    pub(crate) fn int(mut self, value: i64) -> Text {
        if value < 0 {
            self.0.push('-');
        }
        push_u64(&mut self.0, value.unsigned_abs());
        self
    }

    /// Appends `value` as a message writes a float (`-90`, `0.5`, `NaN`, `1e308`; see
    /// [`NUMBER_LIMIT`]).
    ///
    /// [`NUMBER_LIMIT`]: super::NUMBER_LIMIT
    #[must_use]
    pub(crate) fn float(mut self, value: f64) -> Text {
        push_f64(&mut self.0, value);
        self
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.0
    }
}

impl From<Text> for Cow<'static, str> {
    fn from(text: Text) -> Cow<'static, str> {
        Cow::Owned(text.0)
    }
}

/// Writes `v` quoted as `Debug` quotes a string.
pub(super) fn write_debug_str(out: &mut impl fmt::Write, v: &str) -> fmt::Result {
    // Printable ASCII without quotes or backslashes reads the same quoted as `Debug` quotes
    // it, and is written without the formatting machinery; anything else is left to `Debug`.
    if v.bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
    {
        out.write_char('"')?;
        out.write_str(v)?;
        out.write_char('"')
    } else {
        write!(out, "{v:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::JsonType;

    #[test]
    fn lists_read_as_debug_and_join_write_them() {
        let strs: &[&str] = &[
            "Quote",
            "Work Order",
            "a\"b",
            "back\\slash",
            "é",
            "tab\t",
            "",
        ];
        let debug: Vec<String> = strs.iter().map(|s| format!("{s:?}")).collect();
        let texts = crate::report::Texts::from_static(strs);
        assert_eq!(Allowed::Strs(&texts).to_string(), debug.join(", "));
        assert_eq!(Allowed::Ints(&[-1, 0, 7]).to_string(), "-1, 0, 7");
        assert_eq!(String::from(Text::new(0).debug_str("a\"b")), r#""a\"b""#);
        // Every set of types, against a join of the names.
        for bits in 0..128u8 {
            let types = JsonTypes(bits);
            let names: Vec<&str> = types.iter().map(JsonType::as_str).collect();
            let expected = match names.as_slice() {
                [] => "nothing".to_owned(),
                [one] => (*one).to_owned(),
                [init @ .., last] => format!("{} or {last}", init.join(", ")),
            };
            assert_eq!(types.to_string(), expected);
            assert_eq!(String::from(Text::new(0).types(types)), expected);
        }
    }
}

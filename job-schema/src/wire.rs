//! serde helpers that write a typed value (features `uuid`, `chrono`) in its wire form.
//!
//! A struct that derives serde's `Serialize` writes each field with the field type's own
//! `Serialize`: `uuid::Uuid` (with uuid's `serde` feature) writes the lower-case hyphenated
//! form, the wire form; but `chrono::NaiveDateTime` (with chrono's `serde` feature) writes
//! `2026-01-02T03:04:05`, with a `T`, which the `datetime` rule rejects. Name these in
//! `serialize_with` to write the text the rules judge instead (the value's `Display`: a
//! `Uuid` lower-case hyphenated, a `NaiveDateTime` as `YYYY-MM-DD HH:MM:SS`, a `NaiveDate` as
//! `YYYY-MM-DD`), which needs neither crate's `serde` feature. `job_schema::Job` keeps its
//! values as text and needs none of this.
//!
//! ```
//! # #[cfg(feature = "chrono")] {
//! use chrono::NaiveDate;
//! use job_schema::Schema;
//! use serde::Serialize;
//!
//! #[derive(Schema, Serialize)]
//! struct Visit {
//!     #[serde(serialize_with = "job_schema::wire::text")]
//!     start: chrono::NaiveDateTime,
//!     #[serde(serialize_with = "job_schema::wire::option", skip_serializing_if = "Option::is_none")]
//!     end: Option<chrono::NaiveDateTime>,
//! }
//!
//! let start = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap().and_hms_opt(3, 4, 5).unwrap();
//! let visit = Visit { start, end: None };
//! assert_eq!(serde_json::to_string(&visit).unwrap(), r#"{"start":"2026-01-02 03:04:05"}"#);
//! assert_eq!(Visit::from_json(br#"{"start":"2026-01-02 03:04:05"}"#).unwrap().record.start, start);
//! # }
//! ```

use std::fmt::Display;

use serde::Serializer;

/// Writes `value` as the string its `Display` gives (for `serialize_with`).
pub fn text<T: Display, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

/// Writes an `Option` of a value as [`text`] does, `None` as `null` (for `serialize_with`;
/// with `skip_serializing_if = "Option::is_none"`, an unset value is left out as the
/// canonical form wants).
pub fn option<T: Display, S: Serializer>(
    value: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serializer.collect_str(value),
        None => serializer.serialize_none(),
    }
}

/// Writes a list of values, each as [`text`] does (for `serialize_with`).
pub fn list<T: Display, S: Serializer>(values: &[T], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(values.iter().map(AsText))
}

/// One value that serializes as [`text`] does.
struct AsText<'a, T>(&'a T);

impl<T: Display> serde::Serialize for AsText<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

//! Typed values (features `uuid` and `chrono`): `uuid::Uuid`, `chrono::NaiveDateTime` and
//! `chrono::NaiveDate` as field types of a `#[derive(Schema)]` struct, typed access to
//! [`Job`](crate::Job)'s values, and serde helpers that write a typed value's wire form.
//!
//! ```
//! # #[cfg(all(feature = "uuid", feature = "chrono"))] {
//! use chrono::{NaiveDate, NaiveDateTime};
//! use job_schema::{Code, Job, JobStatus, Schema, Validate};
//! use uuid::Uuid;
//!
//! #[derive(Debug, Schema)]
//! struct Visit {
//!     #[schema(required)]
//!     job: Uuid, // implies `uuid`
//!     start: Option<NaiveDateTime>, // implies `datetime`
//!     day: Option<NaiveDate>, // implies `date`
//! }
//!
//! let body = br#"{"job": "5F1B7E42-36A4-4C09-9D3E-2B1F0C6A8E17", "start": "2026-03-01 09:30:00", "day": ""}"#;
//! let visit = Visit::from_json(body).unwrap().record;
//! assert_eq!(visit.job.to_string(), "5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17");
//! assert_eq!(visit.day, None); // lax mode: `""` is unset
//!
//! // A bad value is its rule's error, as for a `String` field with the rule.
//! let body = br#"{"job": "5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17", "start": "2026-03-01T09:30:00"}"#;
//! let report = Visit::from_json(body).unwrap_err();
//! assert_eq!((&*report.errors[0].field, report.errors[0].code), ("start", Code::Datetime));
//!
//! // `Job` keeps its wire form, with typed getters and setters.
//! let mut job = Job::new(JobStatus::Quote);
//! job.set_company_uuid(visit.job).set_quote_date(visit.start).set_quote_sent(true);
//! assert!(job.validate().is_ok());
//! assert_eq!(
//!     job.to_json(),
//!     r#"{"company_uuid":"5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17","status":"Quote","quote_date":"2026-03-01 09:30:00","quote_sent":1}"#
//! );
//! assert_eq!(job.quote_date(), Ok(visit.start));
//! job.date = Some("2026-02-30".into());
//! assert_eq!(job.date().unwrap_err().code, Code::Date); // the issue `validate()` reports
//! # }
//! ```
//!
//! ## Writing typed values with serde
//!
//! A struct that derives serde's `Serialize` writes each field with the field type's own
//! `Serialize`: `uuid::Uuid` (with uuid's `serde` feature) writes the lower-case hyphenated
//! form, the wire form; but `chrono::NaiveDateTime` (with chrono's `serde` feature) writes
//! `2026-01-02T03:04:05`, with a `T`, which the `datetime` rule rejects. Name [`text`],
//! [`option`] or [`list`] in `serialize_with` to write the text the rules judge instead (the
//! value's `Display`: a `Uuid` lower-case hyphenated, a `NaiveDateTime` as
//! `YYYY-MM-DD HH:MM:SS`, a `NaiveDate` as `YYYY-MM-DD`), which needs neither crate's `serde`
//! feature. `Job` keeps its values as text and needs none of this.
//!
//! ```
//! # #[cfg(feature = "chrono")] {
//! use chrono::NaiveDate;
//! use job_schema::Schema;
//! use serde::Serialize;
//!
//! #[derive(Schema, Serialize)]
//! struct Visit {
//!     #[serde(serialize_with = "job_schema::typed::text")]
//!     start: chrono::NaiveDateTime,
//!     #[serde(serialize_with = "job_schema::typed::option", skip_serializing_if = "Option::is_none")]
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

/// README's "Typed values" example is the first example of this module's docs, as written
/// there (less its hidden `#` lines).
#[cfg(test)]
#[test]
fn readme_shows_the_tested_example() {
    let module = include_str!("typed.rs");
    let readme = include_str!("../../README.md");
    let mut doc = String::new();
    for line in module.lines().take_while(|line| line.starts_with("//!")) {
        let line = line.trim_start_matches("//!");
        let line = line.strip_prefix(' ').unwrap_or(line);
        if !line.starts_with("# ") {
            doc.push_str(line);
            doc.push('\n');
        }
    }
    let start = doc.find("```\n").expect("an example") + 4;
    let example = &doc[start..start + doc[start..].find("```").expect("its end")];
    let section = &readme[readme
        .find("## Typed values")
        .expect("a Typed values section")..];
    assert!(
        section.contains(&format!("```rust,ignore\n{example}```")),
        "README's Typed values section should show:\n{example}"
    );
}

//! `#[derive(Schema)]` in an edition 2018 crate. The lints of the move to 2021 are denied: the generated code is ready for it.

#![deny(rust_2021_compatibility, rust_2018_idioms)]

use std::collections::BTreeMap;

use job_schema::{Code, Issue, Schema};
use serde::Deserialize;

include!("../../common.rs");

/// Keywords of this edition as field names, written as raw identifiers.
#[derive(Schema, Deserialize)]
pub struct Keywords {
    /// `async`: a keyword in this edition, a raw identifier here.
    #[schema(required, max_len = 3)]
    pub r#async: String,
    /// `try`: a keyword too.
    pub r#try: Option<u8>,
}

#[cfg(test)]
mod tests {
    use job_schema::Options;

    use super::*;

    #[test]
    fn raw_identifiers_are_read_without_r_hash() {
        let names: Vec<&str> = Keywords::FIELDS.iter().map(|f| f.name).collect();
        assert_eq!(names, ["async", "try"]);
        let report = Keywords::check_json(br#"{"async": "long", "try": 1}"#, Options::default());
        assert_eq!(codes(&report.errors), [("async".to_owned(), Code::MaxLen)]);
    }
}

//! `#[derive(Schema)]` in an edition 2021 crate. The lints of the move to 2024 are denied: the generated code is ready for it.

#![deny(rust_2024_compatibility, rust_2018_idioms)]

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
    /// `dyn`: a keyword too.
    pub r#dyn: Option<u8>,
}

#[cfg(test)]
mod tests {
    use job_schema::Options;

    use super::*;

    #[test]
    fn raw_identifiers_are_read_without_r_hash() {
        let names: Vec<&str> = Keywords::FIELDS.iter().map(|f| f.name).collect();
        assert_eq!(names, ["async", "dyn"]);
        let report = Keywords::check_json(br#"{"async": "long", "dyn": 1}"#, Options::default());
        assert_eq!(codes(&report.errors), [("async".to_owned(), Code::MaxLen)]);
    }
}

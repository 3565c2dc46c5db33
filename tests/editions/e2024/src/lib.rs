//! `#[derive(Schema)]` in an edition 2024 crate.

#![deny(rust_2018_idioms)]

use std::collections::BTreeMap;

use job_schema::{Code, Issue, Schema};
use serde::Deserialize;

include!("../../common.rs");

/// Keywords of this edition as field names, written as raw identifiers.
#[derive(Schema, Deserialize)]
pub struct Keywords {
    /// `gen`: a keyword in this edition, a raw identifier here.
    #[schema(required, max_len = 3)]
    pub r#gen: String,
    /// `async`: a keyword too.
    pub r#async: Option<u8>,
}

#[cfg(test)]
mod tests {
    use job_schema::Options;

    use super::*;

    #[test]
    fn raw_identifiers_are_read_without_r_hash() {
        let names: Vec<&str> = Keywords::FIELDS.iter().map(|f| f.name).collect();
        assert_eq!(names, ["gen", "async"]);
        let report = Keywords::check_json(br#"{"gen": "long", "async": 1}"#, Options::default());
        assert_eq!(codes(&report.errors), [("gen".to_owned(), Code::MaxLen)]);
    }
}

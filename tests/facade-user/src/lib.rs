//! A crate that reaches `job-schema` only through `job-schema-facade`: `::job_schema` does not
//! resolve here, so each struct names the runtime with `#[schema(crate = "…")]`, and the
//! derive comes through the facade too.
//!
//! Without the attribute, the generated code looks for `::job_schema` and does not compile:
//!
//! ```compile_fail,E0433
//! use job_schema_facade::job_schema::Schema;
//!
//! #[derive(Schema)]
//! struct Job {
//!     #[schema(max_len = 3)]
//!     description: String,
//! }
//! ```

use job_schema_facade::job_schema::Schema;

/// An absolute path to the re-export.
#[derive(Schema)]
#[schema(crate = "::job_schema_facade::job_schema")]
pub struct Address {
    /// Text.
    #[schema(required, max_len = 10)]
    pub city: String,
}

/// Modules that name the runtime by a path relative to themselves.
pub mod records {
    use job_schema_facade::validation;

    /// A path through a `use` of the facade's second name, and a nested struct.
    #[derive(validation::Schema)]
    #[schema(crate = "validation")]
    pub struct Job {
        /// Text from a list.
        #[schema(required, enum_values("Quote", "Work Order"))]
        pub status: String,
        /// An integer flag.
        #[schema(bool01)]
        pub active: Option<u8>,
        /// A nested struct whose runtime path is another.
        pub address: Option<super::Address>,
    }
}

#[cfg(test)]
mod tests {
    use job_schema_facade::job_schema::{Code, Options, Schema};

    use crate::records::Job;

    #[test]
    fn rules_apply_through_the_facade() {
        let body = br#"{"status": "quote", "active": 2, "address": {"city": "Sydney Harbour"}}"#;
        let report = Job::check_json(body, Options::default());
        let found: Vec<(&str, Code)> = report.errors.iter().map(|i| (&*i.field, i.code)).collect();
        assert_eq!(
            found,
            [
                ("status", Code::EnumValues),
                ("active", Code::Bool01),
                ("address.city", Code::MaxLen),
            ]
        );
        let parsed = Job::from_json(br#"{"status": "Quote", "address": {"city": "Perth"}}"#)
            .expect("a valid body");
        assert_eq!(
            parsed.record.address.map(|a| a.city).as_deref(),
            Some("Perth")
        );
    }
}

//! A crate that reaches `job-schema` only through `job-schema-facade`: `::job_schema` does not
//! resolve here, so each struct names the runtime with `#[schema(crate = "…")]`, and the
//! derive comes through the facade too. Nor does `::serde`: `#[schema(deserialize)]`
//! implements serde's `Deserialize` through the runtime's own serde.
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

    /// A path through a `use` of the facade's second name, and a nested struct; serde's
    /// `Deserialize` through the reader, in a crate that does not depend on serde.
    #[derive(validation::Schema)]
    #[schema(crate = "validation", deserialize)]
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

    #[test]
    fn deserialize_through_the_facade() {
        let job: Job = serde_json::from_str(r#"{"status": "Quote", "active": true}"#).unwrap();
        assert_eq!(job.active, Some(1));
        let error = serde_json::from_str::<Job>(r#"{"status": "quote"}"#)
            .err()
            .expect("an error");
        assert_eq!(
            error.to_string(),
            "status: \"quote\" is not one of \"Quote\", \"Work Order\"; did you mean \"Quote\"?"
        );
    }
}

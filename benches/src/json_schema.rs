//! The official `JobCreate` schema with `jsonschema` 0.61: parse the body to a
//! `serde_json::Value`, then collect every error with `iter_errors`.
//!
//! The schema is ServiceM8's own (`data/servicem8-job.openapi.json`, a copy of its public
//! OpenAPI description, kept in the repository), compiled once. It types most text fields and four flags, bounds three
//! lengths and the status values, and requires `status`. It leaves `lat`, `lng`,
//! `geo_is_valid`, the `geo_*` fields and several dates untyped, gives dates no format, and
//! `format: uuid` is an annotation only (the crate's default for draft 2020-12).

use jsonschema::Validator;
use serde_json::Value;

/// The OpenAPI document the schema comes from, as committed.
pub const OPENAPI: &str = include_str!("../data/servicem8-job.openapi.json");

/// The `JobCreate` schema.
///
/// # Panics
///
/// When the committed document is not JSON or has no `JobCreate` (it has).
pub fn job_create() -> Value {
    let document: Value = serde_json::from_str(OPENAPI).expect("the committed OpenAPI document");
    document
        .get("JobCreate")
        .cloned()
        .expect("the document holds JobCreate")
}

/// The compiled `JobCreate` validator.
///
/// # Panics
///
/// When the schema does not compile (it does).
pub fn compile() -> Validator {
    jsonschema::validator_for(&job_create()).expect("JobCreate compiles")
}

/// Parses `body` and counts its errors; malformed JSON counts as one.
pub fn error_count(validator: &Validator, body: &[u8]) -> usize {
    match serde_json::from_slice::<Value>(body) {
        Ok(value) => validator.iter_errors(&value).count(),
        Err(_) => 1,
    }
}

/// Whether `body` is valid against `JobCreate`.
pub fn is_valid(validator: &Validator, body: &[u8]) -> bool {
    error_count(validator, body) == 0
}

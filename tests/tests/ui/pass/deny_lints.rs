//! Generated code draws no warning in a crate that denies them all, nor from the lints a
//! careful crate turns on.

#![deny(warnings)]
#![deny(
    rust_2018_idioms,
    rust_2024_compatibility,
    unused,
    unused_results,
    unused_extern_crates,
    unused_import_braces,
    unused_lifetimes,
    single_use_lifetimes,
    redundant_lifetimes,
    trivial_casts,
    trivial_numeric_casts,
    unreachable_pub,
    missing_docs,
    missing_debug_implementations,
    let_underscore_drop,
    unit_bindings,
    unnameable_types,
    non_ascii_idents,
    deprecated_safe,
    variant_size_differences
)]
// Forbidden, not denied: the generated code may not allow it either.
#![forbid(unused_qualifications)]

use std::collections::BTreeMap;

use job_schema::{Code, Options, Schema};

/// A nested struct, with serde's `Deserialize` through the reader.
#[derive(Debug, Schema)]
#[schema(deserialize)]
pub struct Address {
    #[schema(required, max_len = 20)]
    city: String,
}

/// A struct with a field of every kind, a deprecated one, and serde's `default` and `skip`.
#[derive(Debug, Schema)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    #[schema(required, uuid)]
    #[serde(rename = "uuid")]
    id: String,
    #[schema(enum_values("Quote", "Work Order"))]
    status: Option<String>,
    #[schema(bool01)]
    active: u8,
    #[schema(range(min = 0, max = 10))]
    total: f64,
    paid: Option<bool>,
    #[schema(max_len = 3)]
    tags: Vec<String>,
    address: Option<Address>,
    #[schema(deprecated)]
    old: Option<String>,
    #[schema(custom_prefix = "customfield_")]
    custom: BTreeMap<String, String>,
    #[serde(default)]
    count: Option<u8>,
    #[serde(skip)]
    cache: Vec<String>,
}

fn main() {
    let body = br#"{"uuid": "x", "active": 2, "tags": ["long"], "address": {}, "old": "y"}"#;
    let report = Job::check_json(body, Options::default());
    let found: Vec<(&str, Code)> = report.errors.iter().map(|i| (&*i.field, i.code)).collect();
    assert_eq!(
        found,
        [
            ("uuid", Code::Uuid),
            ("active", Code::Bool01),
            ("tags[0]", Code::MaxLen),
            ("address.city", Code::Required),
        ]
    );
    assert_eq!(report.warnings[0].code, Code::Deprecated);

    let parsed = Job::from_json(br#"{"uuid": "0b1e4a6c-2f5d-4c3e-9a8b-7d6e5f4a3b2c"}"#).unwrap();
    assert!(parsed.record.cache.is_empty());
    assert_eq!(parsed.record.count, None);

    let address: Address = serde_json::from_str(r#"{"city": "Perth"}"#).unwrap();
    assert_eq!(address.city, "Perth");
    let error = serde_json::from_str::<Address>("{}").unwrap_err();
    assert_eq!(error.to_string(), "city: is required");
}

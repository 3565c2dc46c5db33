//! `#[schema(crate = "path")]`: the generated code reaches the runtime through a module that
//! re-exports it under another name, as a facade crate would; the derive comes through it too.
//! `Schema` is imported from the same path, and `unused_qualifications` is forbidden: the
//! generated `path::__private::Schema` must not draw it.

#![forbid(unused_qualifications)]

mod facade {
    pub use ::job_schema as runtime;
}

mod records {
    use crate::facade::runtime::Schema;

    /// A relative path, resolved where the struct is, with serde's `Deserialize` through the
    /// reader.
    #[derive(Schema)]
    #[schema(crate = "super::facade::runtime", deserialize)]
    pub struct Address {
        #[schema(required, max_len = 5)]
        pub city: String,
    }
}

/// A path from the crate root, and a nested struct whose own path is another.
#[derive(facade::runtime::Schema)]
#[schema(crate = "crate::facade::runtime")]
struct Job {
    #[schema(required, uuid)]
    uuid: String,
    address: Option<records::Address>,
}

fn main() {
    use facade::runtime::{Code, Options, Schema};

    let report = Job::check_json(br#"{"uuid": "x", "address": {"city": "Sydney"}}"#, Options::default());
    let found: Vec<(&str, Code)> = report.errors.iter().map(|i| (&*i.field, i.code)).collect();
    assert_eq!(found, [("uuid", Code::Uuid), ("address.city", Code::MaxLen)]);

    let address: records::Address = serde_json::from_str(r#"{"city": "Perth"}"#).unwrap();
    assert_eq!(address.city, "Perth");
    let error = serde_json::from_str::<records::Address>(r#"{"city": "Sydney"}"#)
        .err()
        .unwrap();
    assert_eq!(error.to_string(), "city: is 6 characters long; the limit is 5");
}

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

    /// A relative path, resolved where the struct is.
    #[derive(Schema)]
    #[schema(crate = "super::facade::runtime")]
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
}

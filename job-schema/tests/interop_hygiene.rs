//! The opt-ins compile in a crate without a prelude, under denied warnings and
//! `unused_qualifications`, as the rest of the generated code does.
#![no_implicit_prelude]
#![cfg(all(feature = "schemars", feature = "validator"))]
#![deny(warnings, unused_qualifications)]

use ::job_schema::{Options, Schema};
use ::std::string::String;

#[derive(Schema)]
#[schema(schemars, validator)]
struct Visit {
    #[schema(required, max_len = 3)]
    site: String,
}

#[test]
fn both_impls() {
    let schema = <::schemars::SchemaGenerator as ::std::default::Default>::default()
        .into_root_schema_for::<Visit>();
    ::std::assert_eq!(
        schema.to_value(),
        <Visit as Schema>::json_schema(<Options as ::std::default::Default>::default())
    );
    let visit = Visit {
        site: ::std::borrow::ToOwned::to_owned("long"),
    };
    let errors = ::std::result::Result::unwrap_err(::validator::Validate::validate(&visit));
    ::std::assert_eq!(errors.field_errors()["site"][0].code, "max_len");
}

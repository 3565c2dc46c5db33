//! Generated code names nothing through the prelude: every kind of field compiles in a crate
//! without one, where the user's own code writes `::std::…` paths. Warnings are denied too.

#![no_implicit_prelude]
#![deny(warnings)]

use ::job_schema::{Code, Options, Schema, Validate};
use ::std::collections::BTreeMap;
use ::std::option::Option::{self, None, Some};
use ::std::string::String;
use ::std::vec::Vec;

/// The struct's `check_value` function, written without the prelude too.
fn check_address(
    field: &::job_schema::FieldSpec,
    value: ::job_schema::Scalar<'_>,
    path: &::job_schema::Path<'_>,
    sink: &mut ::job_schema::Sink<'_>,
) {
    if field.name == "city" && value == ::job_schema::Scalar::Str("TBD") {
        let violation = ::job_schema::Violation::new(Code::UnknownField, "is a placeholder");
        sink.warn(path, violation, Some("TBD"));
    }
}

#[derive(Schema)]
#[schema(check_value = "check_address")]
struct Address {
    #[schema(required, max_len = 20)]
    city: String,
    #[schema(range(min = -90, max = 90))]
    lat: Option<f64>,
}

#[derive(Schema)]
#[serde(rename_all = "camelCase", default)]
struct Job {
    #[schema(uuid)]
    #[serde(rename = "uuid", alias = "id")]
    job_uuid: String,
    #[schema(enum_values("Quote", "Work Order"))]
    status: Option<String>,
    #[schema(bool01)]
    active: u8,
    #[schema(enum_values(1, 2, 3))]
    priority: Option<i64>,
    #[schema(number, range(min = 0, max = 100_000))]
    total_amount: f64,
    paid: Option<bool>,
    #[schema(uuid)]
    staff_uuids: Vec<String>,
    address: Option<Address>,
    #[serde(skip)]
    note: String,
    #[schema(custom_prefix = "customfield_")]
    #[serde(flatten)]
    custom: BTreeMap<String, String>,
}

impl ::std::default::Default for Job {
    fn default() -> Self {
        Job {
            job_uuid: String::new(),
            status: None,
            active: 0,
            priority: None,
            total_amount: 0.0,
            paid: None,
            staff_uuids: Vec::new(),
            address: None,
            note: String::new(),
            custom: BTreeMap::new(),
        }
    }
}

/// A struct whose schema does not need a default, with serde's `Deserialize` through the
/// reader.
#[derive(Schema)]
#[schema(deserialize)]
struct Visit {
    #[schema(required, datetime)]
    start: String,
    #[schema(date, deprecated = "Use `start`.")]
    day: Option<String>,
    #[schema(read_only)]
    created: Option<String>,
    #[schema(uuid_list)]
    staff: Option<String>,
}

fn main() {
    let body = br#"{"id": "nope", "status": "quote", "active": 2, "priority": 7,
        "totalAmount": -1, "paid": "yes", "staffUuids": ["x"],
        "address": {"city": "", "lat": 91}, "customfield_a": "b", "colour": "blue"}"#;
    let report = Job::check_json(body, <Options as ::std::default::Default>::default());
    let found: Vec<(&str, Code)> = ::std::iter::Iterator::collect(::std::iter::Iterator::map(
        report.errors.iter(),
        |i| (&*i.field, i.code),
    ));
    ::std::assert_eq!(
        found,
        [
            ("uuid", Code::Uuid),
            ("status", Code::EnumValues),
            ("active", Code::Bool01),
            ("priority", Code::EnumValues),
            ("totalAmount", Code::Range),
            ("paid", Code::Type),
            ("staffUuids[0]", Code::Uuid),
            ("address.city", Code::Required),
            ("address.lat", Code::Range),
        ]
    );
    ::std::assert_eq!(report.warnings.len(), 1);

    // The nested struct's `check_value` function sees its values.
    let body = br#"{"uuid": "0b1e4a6c-2f5d-4c3e-9a8b-7d6e5f4a3b2c", "address": {"city": "TBD"}}"#;
    let report = Job::check_json(body, <Options as ::std::default::Default>::default());
    ::std::assert_eq!(report.warnings.len(), 1);
    ::std::assert_eq!(report.warnings[0].field, "address.city");
    ::std::assert_eq!(report.warnings[0].message(), "is a placeholder");

    let parsed = Job::from_json(br#"{"uuid": "0b1e4a6c-2f5d-4c3e-9a8b-7d6e5f4a3b2c"}"#);
    let parsed = ::std::result::Result::ok(parsed).unwrap();
    ::std::assert!(parsed.record.note.is_empty());
    ::std::assert!(parsed.record.validate().is_ok());

    let visit = Visit {
        start: String::new(),
        day: Some(::std::string::ToString::to_string("2024-01-01")),
        created: None,
        staff: None,
    };
    let report = visit.validate().unwrap_err();
    ::std::assert_eq!(report.errors[0].code, Code::Required);
    ::std::assert_eq!(report.warnings[0].code, Code::Deprecated);

    let visit: Visit = ::serde_json::from_str(r#"{"start": "2026-03-01 09:00:00"}"#).unwrap();
    ::std::assert_eq!(visit.start, "2026-03-01 09:00:00");
    let error = ::std::result::Result::err(::serde_json::from_str::<Visit>("{}")).unwrap();
    ::std::assert_eq!(::std::string::ToString::to_string(&error), "start: is required");
}

//! Typed values (features `uuid`, `chrono`): a `Uuid`, `NaiveDateTime` or `NaiveDate` field
//! behaves as a `String` field with the `uuid`, `datetime` or `date` rule. Each test holds a
//! typed struct against its text twin, field for field: the same table, the same JSON Schema,
//! the same report for every body (lax and strict, create and record), and the same report
//! from `validate()` for the same values built in code.

use chrono::{NaiveDate, NaiveDateTime};
use job_schema::{Code, Options, Rule, Schema, Validate};
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, PartialEq, Schema, Serialize)]
struct Typed {
    #[schema(required)]
    id: Uuid,
    staff: Option<Uuid>,
    /// The rule a type implies may also be written (redundant).
    #[schema(uuid)]
    said_twice: Option<Uuid>,
    #[schema(read_only)]
    start: Option<NaiveDateTime>,
    day: Option<NaiveDate>,
    helpers: Vec<Uuid>,
    stamps: Option<Vec<NaiveDateTime>>,
}

#[derive(Debug, PartialEq, Schema)]
struct Text {
    #[schema(required, uuid)]
    id: String,
    #[schema(uuid)]
    staff: Option<String>,
    /// The rule a type implies may also be written (redundant).
    #[schema(uuid)]
    said_twice: Option<String>,
    #[schema(datetime, read_only)]
    start: Option<String>,
    #[schema(date)]
    day: Option<String>,
    #[schema(uuid)]
    helpers: Vec<String>,
    #[schema(datetime)]
    stamps: Option<Vec<String>>,
}

const ID: &str = "5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17";

const OPTIONS: [Options; 4] = [
    Options::LAX,
    Options::LAX.strict(),
    Options::LAX.record(),
    Options::LAX.strict().record(),
];

/// JSON values for a uuid field: valid in both cases, every shape the rule rejects, unset
/// forms, other JSON types.
const UUIDS: &[&str] = &[
    r#""5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17""#,
    r#""5F1B7E42-36A4-4C09-9D3E-2B1F0C6A8E17""#,
    r#""00000000-0000-0000-0000-000000000000""#,
    r#""{5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17}""#,
    r#""urn:uuid:5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17""#,
    r#""5f1b7e4236a44c099d3e2b1f0c6a8e17""#,
    r#"" 5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17""#,
    r#""5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e1g""#,
    r#""""#,
    "7",
    "true",
    "null",
    "{}",
];

/// JSON values for a datetime field.
const DATETIMES: &[&str] = &[
    r#""2026-01-02 03:04:05""#,
    r#""2024-02-29 23:59:59""#,
    r#""0001-01-01 00:00:00""#,
    r#""9999-12-31 23:59:59""#,
    r#""2025-02-29 10:00:00""#,
    r#""2026-01-02T03:04:05""#,
    r#""2026-01-02 03:04:05.5""#,
    r#""2026-01-02 03:04:60""#,
    r#""2026-01-02 24:00:00""#,
    r#""2026-01-02""#,
    r#""0000-00-00 00:00:00""#,
    r#""0000-00-00""#,
    r#""""#,
    "20260102",
    "null",
];

/// JSON values for a date field.
const DATES: &[&str] = &[
    r#""2026-01-02""#,
    r#""2024-02-29""#,
    r#""2026-01-02 03:04:05""#,
    r#""2026-02-30""#,
    r#""2026-1-2""#,
    r#""2026-01-02T03:04:05""#,
    r#""0000-00-00""#,
    r#""0000-00-00 00:00:00""#,
    r#""""#,
    "5",
    "null",
];

/// Every body of the differential: each field given each value of its kind (a list field
/// one element, and also the value itself in place of the list).
fn bodies() -> Vec<String> {
    let mut bodies = Vec::new();
    let fields: [(&str, &[&str]); 5] = [
        ("staff", UUIDS),
        ("said_twice", UUIDS),
        ("start", DATETIMES),
        ("day", DATES),
        ("id", UUIDS),
    ];
    for (field, values) in fields {
        for value in values {
            if field == "id" {
                bodies.push(format!(r#"{{"id": {value}}}"#));
            } else {
                bodies.push(format!(r#"{{"id": "{ID}", "{field}": {value}}}"#));
            }
        }
    }
    for (field, values) in [("helpers", UUIDS), ("stamps", DATETIMES)] {
        for value in values {
            bodies.push(format!(r#"{{"id": "{ID}", "{field}": [{value}]}}"#));
            bodies.push(format!(r#"{{"id": "{ID}", "{field}": {value}}}"#));
        }
    }
    bodies
}

#[test]
fn the_table_lists_the_rule_the_type_implies() {
    assert_eq!(Typed::FIELDS.len(), Text::FIELDS.len());
    for (typed, text) in Typed::FIELDS.iter().zip(Text::FIELDS) {
        assert_eq!(typed.name, text.name);
        assert_eq!(typed.rules, text.rules, "{}", typed.name);
        assert_eq!(typed.shape, text.shape, "{}", typed.name);
        assert_eq!((typed.optional, typed.list), (text.optional, text.list));
        assert_eq!(typed.class, text.class);
    }
    // Written out once, not only as "the same as the twin".
    assert_eq!(Typed::FIELDS[0].rules, [Rule::Required, Rule::Uuid]);
    assert_eq!(Typed::FIELDS[3].rules, [Rule::Datetime]);
    assert_eq!(Typed::FIELDS[4].rules, [Rule::Date]);
}

#[test]
fn the_json_schema_describes_the_typed_field_with_its_format_rule() {
    for options in OPTIONS {
        let (typed, text) = (Typed::json_schema(options), Text::json_schema(options));
        assert_eq!(typed["properties"], text["properties"]);
        assert_eq!(typed["required"], text["required"]);
    }
    let strict = Typed::json_schema(Options::LAX.strict().record());
    assert_eq!(strict["properties"]["staff"]["format"], "uuid");
    assert!(strict["properties"]["start"]["pattern"].is_string());
    assert!(strict["properties"]["day"]["pattern"].is_string());
}

#[test]
fn every_body_gets_the_report_of_the_text_twin() {
    let bodies = bodies();
    assert!(bodies.len() > 100);
    let mut rule_errors = 0;
    for body in &bodies {
        for options in OPTIONS {
            let typed = Typed::check_json(body.as_bytes(), options);
            let text = Text::check_json(body.as_bytes(), options);
            assert_eq!(typed, text, "{body} in {options:?}");
            rule_errors += typed
                .errors
                .iter()
                .filter(|e| matches!(e.code, Code::Uuid | Code::Datetime | Code::Date))
                .count();
            // Building gives the same issues as checking.
            let built = Typed::from_json_with(body.as_bytes(), options);
            match (&built, Text::from_json_with(body.as_bytes(), options)) {
                (Ok(typed), Ok(text)) => {
                    assert_eq!(typed.warnings, text.warnings);
                    same_values(&typed.record, &text.record, body);
                }
                (Err(typed), Err(text)) => assert_eq!(typed, &text, "{body}"),
                (typed, text) => panic!("{body}: {typed:?} but {text:?}"),
            }
        }
    }
    // The bad values reach the format rules (not only `type` errors).
    assert!(rule_errors > 100, "{rule_errors}");
}

/// The typed record holds what the text twin read: a uuid in lower case, a datetime as read,
/// a date without its time; unset alike.
fn same_values(typed: &Typed, text: &Text, body: &str) {
    assert_eq!(typed.id.to_string(), text.id.to_lowercase(), "{body}");
    let uuid = |u: &Option<Uuid>| u.map(|u| u.to_string());
    let lower = |s: &Option<String>| s.as_ref().map(|s| s.to_lowercase());
    assert_eq!(uuid(&typed.staff), lower(&text.staff), "{body}");
    assert_eq!(uuid(&typed.said_twice), lower(&text.said_twice), "{body}");
    let start = typed.start.map(|d| d.to_string());
    assert_eq!(start, text.start, "{body}");
    let day = typed.day.map(|d| d.to_string());
    assert_eq!(day, text.day.as_ref().map(|d| d[..10].to_owned()), "{body}");
    // An element lax mode reads as unset has no typed form: it is left out.
    let helpers: Vec<String> = typed.helpers.iter().map(Uuid::to_string).collect();
    let text_helpers: Vec<String> = text
        .helpers
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.to_lowercase())
        .collect();
    assert_eq!(helpers, text_helpers, "{body}");
    let stamps = typed
        .stamps
        .as_ref()
        .map(|s| s.iter().map(ToString::to_string).collect::<Vec<_>>());
    let text_stamps = text.stamps.as_ref().map(|s| {
        s.iter()
            .filter(|s| !s.is_empty() && *s != "0000-00-00 00:00:00")
            .cloned()
            .collect::<Vec<_>>()
    });
    assert_eq!(stamps, text_stamps, "{body}");
}

#[test]
fn lax_reads_unset_forms_as_none_and_strict_names_them() {
    let body = format!(
        r#"{{"id": "{ID}", "staff": "", "start": "0000-00-00 00:00:00", "day": "0000-00-00"}}"#
    );
    let read = Typed::from_json(body.as_bytes()).unwrap().record;
    assert_eq!((read.staff, read.start, read.day), (None, None, None));
    let report = Typed::from_json_with(body.as_bytes(), Options::LAX.strict()).unwrap_err();
    let codes: Vec<(&str, Code)> = report.errors.iter().map(|e| (&*e.field, e.code)).collect();
    assert_eq!(
        codes,
        [
            ("staff", Code::Uuid),
            ("start", Code::ReadOnly),
            ("start", Code::Datetime),
            ("day", Code::Date)
        ]
    );
}

#[test]
fn a_bad_value_is_the_rules_error_not_a_type_error() {
    let body = format!(r#"{{"id": "{ID}", "start": "2026-01-02T03:04:05", "day": "2026-02-30"}}"#);
    let report = Typed::from_json(body.as_bytes()).unwrap_err();
    assert_eq!(report.errors.len(), 2);
    assert_eq!(report.errors[0].field, "start");
    assert_eq!(report.errors[0].code, Code::Datetime);
    assert_eq!(
        report.errors[0].value.as_deref(),
        Some("2026-01-02T03:04:05")
    );
    assert_eq!(report.errors[1].code, Code::Date);
    assert_eq!(report.errors[1].value.as_deref(), Some("2026-02-30"));
}

fn datetime(year: i32, month: u32, day: u32, hour: u32, min: u32, sec: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, day)
        .unwrap()
        .and_hms_opt(hour, min, sec)
        .unwrap()
}

#[test]
fn validate_judges_the_wire_text_of_a_value_built_in_code() {
    let fine = datetime(2026, 1, 2, 3, 4, 5);
    let values = [
        fine,
        fine + chrono::Duration::milliseconds(500),
        datetime(10_000, 1, 1, 0, 0, 0),
        datetime(-1, 1, 1, 0, 0, 0),
        datetime(0, 1, 1, 0, 0, 0),
        NaiveDate::from_ymd_opt(2026, 6, 30)
            .unwrap()
            .and_hms_milli_opt(23, 59, 59, 1_500)
            .unwrap(),
    ];
    let mut failures = 0;
    for value in values {
        let typed = Typed {
            id: Uuid::from_u128(0xABCD),
            staff: None,
            said_twice: None,
            start: Some(value),
            day: Some(value.date()),
            helpers: vec![],
            stamps: Some(vec![value]),
        };
        let text = Text {
            id: typed.id.to_string(),
            staff: None,
            said_twice: None,
            start: Some(value.to_string()),
            day: Some(value.date().to_string()),
            helpers: vec![],
            stamps: Some(vec![value.to_string()]),
        };
        for options in OPTIONS {
            assert_eq!(typed.report(options), text.report(options), "{value}");
        }
        failures += usize::from(typed.validate().is_err());
    }
    // All but the first: a fraction, a year beyond 9999, before 1, the year 0, a leap second.
    assert_eq!(failures, values.len() - 1);
    let report = Typed {
        start: Some(fine + chrono::Duration::milliseconds(500)),
        ..typed_at(fine)
    }
    .validate()
    .unwrap_err();
    assert_eq!(report.errors[0].code, Code::Datetime);
    assert_eq!(
        report.errors[0].value.as_deref(),
        Some("2026-01-02 03:04:05.500")
    );
}

fn typed_at(when: NaiveDateTime) -> Typed {
    Typed {
        id: Uuid::from_u128(1),
        staff: Some(Uuid::from_u128(2)),
        said_twice: None,
        start: Some(when),
        day: Some(when.date()),
        helpers: vec![Uuid::from_u128(3)],
        stamps: None,
    }
}

#[test]
fn serde_serialize_uses_the_types_own_forms() {
    let typed = typed_at(datetime(2026, 1, 2, 3, 4, 5));
    let json = serde_json::to_value(&typed).unwrap();
    // uuid's own `Serialize` writes the wire form.
    assert_eq!(json["id"], "00000000-0000-0000-0000-000000000001");
    // chrono's writes a `T`, which the `datetime` rule rejects: hence `job_schema::typed`.
    assert_eq!(json["start"], "2026-01-02T03:04:05");
    assert_eq!(json["day"], "2026-01-02");
    let report = Typed::check_json(json.to_string().as_bytes(), Options::LAX);
    assert_eq!(report.errors[0].code, Code::Datetime);
}

#[derive(Debug, PartialEq, Schema, Serialize)]
struct Wired {
    #[serde(serialize_with = "job_schema::typed::text")]
    id: Uuid,
    #[serde(
        serialize_with = "job_schema::typed::option",
        skip_serializing_if = "Option::is_none"
    )]
    start: Option<NaiveDateTime>,
    #[serde(serialize_with = "job_schema::typed::list")]
    stamps: Vec<NaiveDateTime>,
}

#[test]
fn the_wire_helpers_write_what_strict_mode_reads_back() {
    let when = datetime(2024, 2, 29, 23, 59, 59);
    let wired = Wired {
        id: Uuid::from_u128(0x5f1b_7e42_36a4_4c09_9d3e_2b1f_0c6a_8e17),
        start: Some(when),
        stamps: vec![when, datetime(2026, 1, 2, 3, 4, 5)],
    };
    let json = serde_json::to_string(&wired).unwrap();
    assert_eq!(
        json,
        r#"{"id":"5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17","start":"2024-02-29 23:59:59","stamps":["2024-02-29 23:59:59","2026-01-02 03:04:05"]}"#
    );
    let read = Wired::from_json_with(json.as_bytes(), Options::LAX.strict()).unwrap();
    assert_eq!(read.record, wired);
    assert!(read.warnings.is_empty());
}

/// serde's `Deserialize` through the reader (`#[schema(deserialize)]`).
#[derive(Debug, Schema)]
#[schema(deserialize)]
struct ReadThrough {
    #[schema(required)]
    id: Uuid,
    at: Option<NaiveDateTime>,
}

#[test]
fn serde_deserialize_reads_typed_values_through_the_rules() {
    let read: ReadThrough =
        serde_json::from_str(&format!(r#"{{"id": "{ID}", "at": "2026-01-02 03:04:05"}}"#)).unwrap();
    assert_eq!(read.id.to_string(), ID);
    assert_eq!(read.at, Some(datetime(2026, 1, 2, 3, 4, 5)));
    let body = r#"{"id": "x", "at": "2026-01-02T03:04:05"}"#;
    let error = serde_json::from_str::<ReadThrough>(body).unwrap_err();
    let report = ReadThrough::from_json(body.as_bytes()).unwrap_err();
    assert_eq!(error.to_string(), report.to_string());
    let codes: Vec<Code> = report.errors.iter().map(|e| e.code).collect();
    assert_eq!(codes, [Code::Uuid, Code::Datetime]);
}

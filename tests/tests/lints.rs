//! The derive under strict lints: a warning in the generated code (an unused result, a
//! needless qualification, a pedantic clippy lint, a use of a deprecated field) fails this
//! build.

#![deny(
    warnings,
    unused_qualifications,
    missing_docs,
    unused_results,
    clippy::all,
    clippy::pedantic
)]

use std::collections::BTreeMap;

use job_schema::{Code, Options, Schema, Validate};

/// Where the work is.
#[derive(Schema, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Site {
    /// The street address.
    #[schema(required, max_len = 20)]
    pub street_address: String,
    /// Latitude, as numeric text.
    #[schema(number, range(min = -90, max = 90))]
    pub lat: Option<String>,
}

/// No key the generated match can test in the input: the only name needs escaping in JSON,
/// so the match is empty and every key goes to the scan.
#[derive(Schema, serde::Deserialize)]
pub struct OnlyEscaped {
    /// A key with a quote in it.
    #[serde(rename = "a\"b")]
    pub quoted: Option<String>,
}

/// A job, with every rule.
#[derive(Schema, serde::Serialize, serde::Deserialize)]
pub struct Job {
    /// The job's state.
    #[schema(required, max_len = 10, enum_values("Quote", "Work Order"))]
    pub status: String,
    /// Whether the job is active.
    #[schema(bool01)]
    pub active: Option<u8>,
    /// How urgent the job is.
    #[schema(enum_values(0, 1, 2))]
    pub priority: i32,
    /// The client.
    #[schema(uuid)]
    pub company_uuid: Option<String>,
    /// When the job was booked.
    #[schema(datetime)]
    pub date: Option<String>,
    /// When the work is due.
    #[schema(date)]
    pub work_order_date: Option<Box<str>>,
    /// The total, in dollars.
    #[schema(number, range(min = 0, max = 1_000_000))]
    pub total: Option<f64>,
    /// Badge UUIDs, as a JSON array in a string.
    #[schema(uuid_list)]
    pub badges: Option<String>,
    /// Kept for old clients.
    #[deprecated = "use `total`"]
    #[schema(deprecated = "use total")]
    pub payment_amount: Option<String>,
    /// Set by the API.
    #[schema(read_only)]
    pub edit_date: Option<String>,
    /// The kind of job.
    #[serde(rename = "type")]
    #[schema(max_len = 3)]
    pub kind: Option<String>,
    /// Where the work is.
    pub site: Site,
    /// A second site, if any.
    pub billing_site: Option<Site>,
    /// `customfield_*` keys.
    #[schema(custom_prefix = "customfield_")]
    pub custom_fields: BTreeMap<String, String>,
}

#[allow(deprecated)]
fn job() -> Job {
    Job {
        status: "Quote".to_owned(),
        active: Some(1),
        priority: 2,
        company_uuid: Some("123e4567-e89b-12d3-a456-426614174000".to_owned()),
        date: Some("2024-05-01 09:30:00".to_owned()),
        work_order_date: Some("2024-05-02".into()),
        total: Some(120.5),
        badges: Some("[\"123e4567-e89b-12d3-a456-426614174000\"]".to_owned()),
        payment_amount: None,
        edit_date: None,
        kind: Some("A".to_owned()),
        site: Site {
            street_address: "1 George St".to_owned(),
            lat: Some("-33.86".to_owned()),
        },
        billing_site: None,
        custom_fields: BTreeMap::new(),
    }
}

#[test]
fn valid_job_passes() {
    assert_eq!(job().validate(), Ok(()));
    assert!(job().report(Options::default()).is_empty());
}

#[test]
#[allow(deprecated)]
fn every_rule_reports() {
    let mut custom_fields = BTreeMap::new();
    let _ = custom_fields.insert("colour".to_owned(), "red".to_owned());
    let bad = Job {
        status: "Invoice".to_owned(),
        active: Some(2),
        priority: 5,
        company_uuid: Some("nope".to_owned()),
        date: Some("2024-05-01".to_owned()),
        work_order_date: Some("soon".into()),
        total: Some(-1.0),
        badges: Some("[\"nope\"]".to_owned()),
        payment_amount: Some("10".to_owned()),
        edit_date: Some("2024-05-01 00:00:00".to_owned()),
        kind: Some("ABCD".to_owned()),
        site: Site {
            street_address: String::new(),
            lat: Some("-91".to_owned()),
        },
        billing_site: Some(Site {
            street_address: "x".repeat(21),
            lat: None,
        }),
        custom_fields,
    };
    let report = bad.validate().unwrap_err();
    let errors: Vec<(&str, Code)> = report.errors.iter().map(|i| (&*i.field, i.code)).collect();
    assert_eq!(
        errors,
        [
            ("status", Code::EnumValues),
            ("active", Code::Bool01),
            ("priority", Code::EnumValues),
            ("company_uuid", Code::Uuid),
            ("date", Code::Datetime),
            ("work_order_date", Code::Date),
            ("total", Code::Range),
            ("badges[0]", Code::UuidList),
            ("type", Code::MaxLen),
            ("site.streetAddress", Code::Required),
            ("site.lat", Code::Range),
            ("billing_site.streetAddress", Code::MaxLen),
        ],
        "{report}"
    );
    let warnings: Vec<(&str, Code)> = report
        .warnings
        .iter()
        .map(|i| (&*i.field, i.code))
        .collect();
    assert_eq!(
        warnings,
        [
            ("payment_amount", Code::Deprecated),
            ("edit_date", Code::ReadOnly),
            ("colour", Code::UnknownField),
        ]
    );
}

#[test]
fn reads_json_into_the_record() {
    let parsed = Job::from_json(
        br#"{"status": "Work Order", "priority": 1, "type": "B",
             "site": {"streetAddress": "2 Pitt St"}, "customfield_po": "77"}"#,
    )
    .unwrap();
    assert!(parsed.warnings.is_empty());
    assert_eq!(parsed.record.status, "Work Order");
    assert_eq!(parsed.record.kind.as_deref(), Some("B"));
    assert_eq!(parsed.record.site.street_address, "2 Pitt St");
    assert_eq!(
        parsed
            .record
            .custom_fields
            .get("customfield_po")
            .map(String::as_str),
        Some("77")
    );
}

#[test]
fn a_struct_with_no_plain_name_reads_its_escaped_key() {
    let read =
        OnlyEscaped::from_json(br#"{"a\"b": "v"}"#).unwrap_or_else(|report| panic!("{report}"));
    assert_eq!(read.record.quoted.as_deref(), Some("v"));
    assert!(read.warnings.is_empty());
}

//! `custom_prefix = "customfield_"` on a map collects the custom keys.

use std::collections::BTreeMap;

use job_schema::{Code, Options, Schema, Validate};

#[derive(Schema)]
struct Job {
    #[schema(required)]
    status: String,
    #[schema(custom_prefix = "customfield_")]
    custom_fields: BTreeMap<String, String>,
}

fn main() {
    assert_eq!(Job::CUSTOM_PREFIX, Some("customfield_"));
    // The map is not a field of the table: its keys are.
    assert_eq!(Job::FIELDS.len(), 1);

    // A custom key is kept; any other unknown key is reported (a warning in lax mode).
    let parsed = Job::from_json(
        br#"{"status": "Quote", "customfield_colour": "red", "colour": "blue"}"#,
    )
    .unwrap();
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(parsed.warnings[0].code, Code::UnknownField);
    assert_eq!(parsed.warnings[0].field, "colour");
    assert_eq!(parsed.record.custom_fields.len(), 1);

    let parsed = Job::from_json(br#"{"status": "Quote", "customfield_colour": "red"}"#).unwrap();
    assert_eq!(
        parsed.record.custom_fields.get("customfield_colour").map(String::as_str),
        Some("red")
    );

    let mut custom_fields = BTreeMap::new();
    custom_fields.insert("customfield_ok".to_owned(), "1".to_owned());
    custom_fields.insert("colour".to_owned(), "2".to_owned());
    let job = Job {
        status: "Quote".into(),
        custom_fields,
    };
    let report = job.report(Options::default().strict());
    assert_eq!(report.errors.len(), 1, "{report}");
    assert_eq!(report.errors[0].field, "colour");
    assert_eq!(report.errors[0].code, Code::UnknownField);
    assert!(job.validate().is_ok(), "lax: an unknown key only warns");
}

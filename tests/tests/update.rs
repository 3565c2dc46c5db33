//! The update direction: a partial body for POST `/api_1.0/job/{uuid}.json`. No field is
//! required; every other rule applies to the fields present; read-only and deprecated keys
//! draw their warnings as in create.

use job_schema::{Code, Job, Options, Validate};

/// Every issue, errors then warnings, each set in the order of the field table.
fn found(report: &job_schema::Report) -> Vec<(String, Code)> {
    report
        .errors
        .iter()
        .chain(&report.warnings)
        .map(|issue| (issue.field.to_string(), issue.code))
        .collect()
}

#[test]
fn nothing_is_required_in_an_update() {
    let update = Options::default().update();
    for body in [&b"{}"[..], br#"{"status": null}"#, br#"{"status": ""}"#] {
        let report = Job::check_json(body, update);
        assert!(!report.has_errors(), "{:?}", found(&report));
        // The same body is a create body missing its one required field.
        let create = Job::check_json(body, Options::default());
        assert_eq!(found(&create), [("status".to_string(), Code::Required)]);
    }
    let read = Job::from_json_with(br#"{"billing_address": "1 Main St"}"#, update).unwrap();
    assert!(read.record.validate_with(update).is_ok());
    assert!(read.record.validate().is_err(), "a create needs a status");
}

#[test]
fn every_other_rule_applies_to_the_fields_present() {
    let update = Options::default().update();
    let body = br#"{"status": "Done", "lat": 95, "company_uuid": "nope", "generated_job_id": "7", "payment_note": "x"}"#;
    let report = Job::check_json(body, update);
    assert_eq!(
        found(&report),
        [
            ("company_uuid".to_string(), Code::Uuid),
            ("status".to_string(), Code::EnumValues),
            ("lat".to_string(), Code::Range),
            ("payment_note".to_string(), Code::Deprecated),
            ("generated_job_id".to_string(), Code::ReadOnly),
        ]
    );
    // The record direction expects read-only fields.
    let record = Job::check_json(body, Options::default().record());
    assert!(!found(&record).contains(&("generated_job_id".to_string(), Code::ReadOnly)));
}

#[test]
fn strict_update_judges_an_empty_required_field_by_its_other_rules() {
    let strict = Options::default().strict().update();
    let report = Job::check_json(br#"{"status": ""}"#, strict);
    assert_eq!(found(&report), [("status".to_string(), Code::EnumValues)]);
    assert!(!Job::check_json(b"{}", strict).has_errors());
}

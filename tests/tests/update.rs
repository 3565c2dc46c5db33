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

/// Reads `body` in the update direction with `options`, writes the record back with
/// `to_json`, and checks the two doors agree on it: the record's own `validate_with` and the
/// reader of its JSON, in strict mode.
fn round_trip(body: &[u8], options: Options) -> String {
    let strict = Options::default().strict().update();
    let read = Job::from_json_with(body, options).expect("the update body is accepted");
    let json = read.record.to_json();
    let again = Job::from_json_with(json.as_bytes(), strict);
    assert!(again.is_ok(), "{json}: {}", again.unwrap_err());
    assert_eq!(again.unwrap().record, read.record, "{json}");
    assert!(
        read.record.validate_with(strict).is_ok(),
        "{json}: {}",
        read.record.validate_with(strict).unwrap_err()
    );
    json
}

#[test]
fn an_update_without_a_status_writes_none_and_passes_its_own_strict_check() {
    for options in [
        Options::default().update(),
        Options::default().strict().update(),
    ] {
        assert_eq!(round_trip(br#"{"lat": 1}"#, options), r#"{"lat":1.0}"#);
        assert_eq!(round_trip(b"{}", options), "{}");
        // A status that is there is written and read back.
        assert_eq!(
            round_trip(br#"{"status": "Completed", "invoice_sent": 1}"#, options),
            r#"{"status":"Completed","invoice_sent":1}"#
        );
    }
    // Lax mode reads `"status": ""` as unset, as in any field: the same record.
    assert_eq!(
        round_trip(br#"{"status": "", "lat": 1}"#, Options::default().update()),
        r#"{"lat":1.0}"#
    );
}

#[test]
fn a_record_with_an_empty_status_is_an_update_without_one() {
    let mut job = Job {
        lat: Some(1.0),
        ..Job::default()
    };
    for options in [
        Options::default().update(),
        Options::default().strict().update(),
    ] {
        assert!(job.validate_with(options).is_ok(), "{options:?}");
    }
    // In the create (and record) direction it is still the missing required field, and
    // reading its JSON says the same.
    for options in [Options::default(), Options::default().strict().record()] {
        let built = job.validate_with(options).unwrap_err();
        let read = Job::check_json(job.to_json().as_bytes(), options);
        assert_eq!(found(&built), [("status".to_string(), Code::Required)]);
        assert_eq!(found(&read), found(&built));
    }
    // A status that is not empty is judged as before.
    job.status = "Done".into();
    let report = job
        .validate_with(Options::default().strict().update())
        .unwrap_err();
    assert_eq!(found(&report), [("status".to_string(), Code::EnumValues)]);
}

//! GET responses: a JSON array of records reads in one call, with one report whose issues
//! name each element by its index.

use job_schema::report::ISSUE_LIMIT;
use job_schema::{Code, Issue, Job, Options, Report};
use job_schema_tests::element_by_element;

/// Bodies with issues of every kind (type errors, rule errors, unknown and repeated keys,
/// read-only and deprecated fields, nested text), and valid ones.
const BODIES: &[&str] = &[
    r#"{"status": "Quote"}"#,
    r#"{"status": "quote", "lat": 95, "company_uuid": "nope"}"#,
    r#"{"status": "Work Order", "generated_job_id": "17", "payment_note": "x"}"#,
    r#"{"status": 3, "geo_is_valid": 2, "Status": "Quote"}"#,
    r#"{"status": "Quote", "status": "Completed", "badges": "[\"x\"]"}"#,
    "{}",
    r#"{"status": "Completed", "date": "2026-02-30", "customfield_a": 7}"#,
    r#"{"status": "Unsuccessful", "job_description": "a\nb \u00e9", "lng": "151.2"}"#,
];

/// An issue's field, pointer, code and message.
type Key = (String, String, Code, String);

/// An issue as a comparable tuple.
fn key(issue: &Issue) -> Key {
    let message = issue.message().into_owned();
    (
        issue.field.to_string(),
        issue.pointer.to_string(),
        issue.code,
        message,
    )
}

/// The issues of `report` (errors, then warnings).
fn keys(report: &Report) -> (Vec<Key>, Vec<Key>) {
    (
        report.errors.iter().map(key).collect(),
        report.warnings.iter().map(key).collect(),
    )
}

#[test]
fn an_array_reports_what_its_elements_report_each_at_its_index() {
    for options in [
        Options::default(),
        Options::default().record(),
        Options::default().strict(),
        Options::default().update(),
    ] {
        // Every body once, then again in another order, so that indices differ.
        let mut bodies: Vec<&str> = BODIES.to_vec();
        bodies.extend(BODIES.iter().rev());
        let array = format!("[{}]", bodies.join(",\n"));
        let expected = element_by_element(&bodies, options);
        assert!(expected.has_errors());
        let checked = Job::check_json_array(array.as_bytes(), options);
        assert_eq!(keys(&checked), keys(&expected), "{options:?}");
        let read = Job::from_json_array_with(array.as_bytes(), options).unwrap_err();
        assert_eq!(keys(&read), keys(&expected), "{options:?}");
    }
}

#[test]
fn a_valid_array_reads_into_the_jobs_each_element_reads_into() {
    let stored = include_str!("../data/job-record-unsuccessful.json");
    let bodies = [stored, BODIES[0], BODIES[2], stored];
    let array = format!("[{}]", bodies.join(","));
    let read = Job::from_json_array(array.as_bytes()).expect("valid records");
    assert_eq!(read.record.len(), 4);
    for (job, body) in read.record.iter().zip(bodies) {
        let alone = Job::from_json_with(body.as_bytes(), Options::default().record());
        assert_eq!(job, &alone.expect("valid").record);
    }
    // The record direction: read-only fields draw nothing; deprecated ones still warn.
    assert!(read.warnings.iter().all(|w| w.code == Code::Deprecated));
    assert!(read.warnings.iter().any(|w| w.field.starts_with("[2].")));
    assert_eq!(Job::from_json_array(b" [ ] ").unwrap().record, []);
}

#[test]
fn a_body_that_is_not_an_array_is_one_type_error() {
    for (body, given) in [
        (&br#"{"status": "Quote"}"#[..], "object"),
        (b"\"[]\"", "string"),
        (b"null", "null"),
        (b"7", "integer"),
        (b"true", "boolean"),
    ] {
        let report = Job::check_json_array(body, Options::default());
        assert_eq!(report.errors.len(), 1, "{}", String::from_utf8_lossy(body));
        let issue = &report.errors[0];
        assert_eq!((&*issue.field, issue.code), ("", Code::Type));
        assert_eq!(issue.message(), format!("expected array, got {given}"));
    }
}

#[test]
fn malformed_json_anywhere_is_one_syntax_error() {
    for body in [
        &br#"[{"status": "Quote"},]"#[..],
        br#"[{"status": "Quote"} {"status": "Quote"}]"#,
        br#"[{"status": "quote"}, {"status": }]"#,
        br#"[{"status": "Quote"}"#,
        br#"[{"status": "Quote"}] x"#,
    ] {
        let report = Job::check_json_array(body, Options::default());
        let codes: Vec<Code> = report.errors.iter().map(|i| i.code).collect();
        assert_eq!(
            codes,
            [Code::JsonSyntax],
            "{}",
            String::from_utf8_lossy(body)
        );
        assert!(report.warnings.is_empty());
        assert!(Job::from_json_array(body).is_err());
    }
}

#[test]
fn a_huge_array_of_bad_records_makes_a_bounded_report() {
    let n = 3 * ISSUE_LIMIT;
    let array = format!("[{}]", vec![r#"{"status": "x"}"#; n].join(","));
    let report = Job::check_json_array(array.as_bytes(), Options::default());
    assert_eq!(report.errors.len() + report.warnings.len(), ISSUE_LIMIT);
    assert_eq!(report.omitted, n - ISSUE_LIMIT);
    assert_eq!(report.errors[999].field, "[999].status");
}

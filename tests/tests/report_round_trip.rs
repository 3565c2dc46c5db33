//! A report read back from its JSON is the report that was written: every code, every kind of
//! parameters, omitted issues, in every mode.

use std::collections::BTreeSet;

use job_schema::{Allowed, Code, Job, Options, Params, Report};

/// Bodies that draw every code and every kind of parameters between them.
const BODIES: &[&str] = &[
    r#"{"status": "quote", "lat": 95, "company_uuid": "nope", "Status": "x"}"#,
    r#"{"status": "Work Order", "generated_job_id": "17", "payment_note": "x", "payment_date": "x", "active": 0}"#,
    r#"{"status": 3, "geo_is_valid": 2, "quote_sent": "yes", "zzzz": 1}"#,
    r#"{"status": "Quote", "status": "Completed", "badges": "[\"x\", 1]"}"#,
    r#"{"badges": ["x"], "date": "2026-02-30", "invoice_sent_stamp": "2026-03-01T09:00:00"}"#,
    r#"{"status": "Done", "lng": "east", "customfield_a": 7, "billing_address": "%LONG%"}"#,
    r#"{"status": "Unsuccessful", "job_description": "a\nb\u0007 \u00e9", "lng": 1e400}"#,
    r#"{"status": ""}"#,
    r#"{"status": "Quote",, }"#,
    "[1, 2]",
    "\"\u{1}\"",
];

fn bodies() -> Vec<String> {
    let long = "é".repeat(600);
    let mut bodies: Vec<String> = BODIES.iter().map(|b| b.replace("%LONG%", &long)).collect();
    // More issues than a report keeps.
    let many: Vec<String> = (0..1_500).map(|i| format!("\"unknown_{i}\": 1")).collect();
    bodies.push(format!("{{\"status\": \"Quote\", {}}}", many.join(", ")));
    bodies
}

/// Which kind of parameters `params` is.
fn kind(params: &Params) -> &'static str {
    match params {
        Params::Empty => "empty",
        Params::Length { .. } => "length",
        Params::OneOf {
            suggestion_index: Some(_),
            ..
        } => "one_of_suggesting",
        Params::OneOf { .. } => "one_of",
        Params::OneOfInts { .. } => "one_of_ints",
        Params::Range { .. } => "range",
        Params::Type { .. } => "type",
        Params::Format { .. } => "format",
        Params::Element { .. } => "element",
        Params::Suggestion { .. } => "suggestion",
        Params::Note { .. } => "note",
        Params::Position { .. } => "position",
        _ => "other",
    }
}

#[test]
fn every_report_reads_back_as_it_was_written() {
    let mut codes = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    let mut omitted = false;
    for body in bodies() {
        for options in [
            Options::default(),
            Options::default().strict(),
            Options::default().record(),
            Options::default().update(),
        ] {
            let report = Job::check_json(body.as_bytes(), options);
            let json = serde_json::to_string(&report).unwrap();
            let back: Report = serde_json::from_str(&json).unwrap();
            // Equal issue by issue: field, pointer, code, parameters, value, message text.
            assert_eq!(back, report, "{body}");
            assert_eq!(serde_json::to_string(&back).unwrap(), json);
            assert_eq!(back.to_string(), report.to_string());
            for issue in report.errors.iter().chain(&report.warnings) {
                codes.insert(issue.code);
                kinds.insert(kind(&issue.params));
            }
            omitted |= back.omitted > 0;
        }
    }
    let all: BTreeSet<Code> = Code::ALL.iter().copied().collect();
    assert_eq!(codes, all, "the bodies should draw every code");
    let every_kind: BTreeSet<&str> = [
        "empty",
        "length",
        "one_of",
        "one_of_suggesting",
        "one_of_ints",
        "range",
        "type",
        "format",
        "element",
        "suggestion",
        "note",
        "position",
    ]
    .into_iter()
    .collect();
    assert_eq!(kinds, every_kind);
    assert!(omitted, "a report with omitted issues was read back");
}

#[test]
fn parameters_read_back_are_usable() {
    let report = Job::check_json(br#"{"status": " work order "}"#, Options::default());
    let back: Report = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    let params = &back.errors[0].params;
    assert_eq!(params.suggestion(), Some("Work Order"));
    let Some(Allowed::Strs(allowed)) = params.allowed() else {
        panic!("{params:?}");
    };
    assert_eq!(
        allowed,
        &["Quote", "Work Order", "Unsuccessful", "Completed"]
    );
    assert_eq!(back.errors[0].message(), report.errors[0].message());
}

#[test]
fn what_no_report_holds_is_refused() {
    let issue = |code: &str, params: &str| {
        format!(
            r#"{{"errors": [{{"field": "status", "pointer": "/status", "code": {code}, "message": "m", "params": {params}, "value": null}}], "warnings": []}}"#
        )
    };
    assert!(serde_json::from_str::<Report>(&issue("\"enum_values\"", "{}")).is_ok());
    for (code, params) in [
        ("\"no_such_code\"", "{}"),
        ("7", "{}"),
        (
            "\"enum_values\"",
            r#"{"allowed": ["A"], "suggestion": "B"}"#,
        ),
        ("\"type\"", r#"{"expected": ["text"], "given": "string"}"#),
    ] {
        let json = issue(code, params);
        assert!(serde_json::from_str::<Report>(&json).is_err(), "{json}");
    }
    // An older or newer release's keys that this one does not know are ignored.
    let later = issue(
        "\"unknown_field\"",
        r#"{"suggestion": "status", "home": "JobContact"}"#,
    );
    let report: Report = serde_json::from_str(&later).unwrap();
    assert_eq!(report.errors[0].params.suggestion(), Some("status"));
}

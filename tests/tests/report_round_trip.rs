//! A report read back from its JSON is the report that was written: every code, every kind of
//! parameters, omitted issues, in every mode.

use std::collections::BTreeSet;

use job_schema::{Allowed, Code, Job, Options, Params, Report};

/// Bodies that draw every code and every kind of parameters between them.
const BODIES: &[&str] = &[
    r#"{"status": "quote", "lat": 95, "company_uuid": "nope", "Status": "x"}"#,
    r#"{"status": "Work Order", "generated_job_id": "17", "payment_note": "x", "payment_date": "x", "active": 0}"#,
    r#"{"status": 3, "geo_is_valid": 2, "quote_sent": "yes", "zzzz": 1, "Job_Number": 1}"#,
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
        Params::Home { .. } => "home",
        Params::Fix { fix } => match fix.params {
            Params::Format { .. } => "fix_format",
            Params::Type { .. } => "fix_type",
            _ => "fix_other",
        },
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
        "home",
        "fix_format",
        "fix_type",
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
        ("7", "{}"),
        ("null", "{}"),
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
        r#"{"suggestion": "status", "fix_by": "JobContact"}"#,
    );
    let report: Report = serde_json::from_str(&later).unwrap();
    assert_eq!(report.errors[0].params.suggestion(), Some("status"));
}

#[test]
fn homes_and_fixes_read_back_with_their_keys() {
    let body = br#"{"status": "Quote", "contact_email": "a@b.c", "quote_sent": "no",
                    "completion_date": "2026-02-10T02:53:30.5+10:00", "badges": "A,B"}"#;
    for options in [Options::default(), Options::default().strict()] {
        let report = Job::check_json(body, options);
        let json = serde_json::to_value(&report).unwrap();
        let back: Report = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, report);
        let issues: Vec<_> = back.errors.iter().chain(&back.warnings).collect();
        let at = |field: &str| {
            *issues
                .iter()
                .find(|i| i.field == field)
                .unwrap_or_else(|| panic!("{field}: {json}"))
        };
        // Each new key, by its JSON and through the accessors of the issue read back.
        let contact = at("contact_email");
        assert_eq!(
            *contact.params.home().unwrap(),
            ["/api_1.0/jobcontact.json"]
        );
        assert_eq!(contact.params.suggestion(), None);
        let flag = at("quote_sent");
        assert_eq!(flag.code, Code::Type);
        assert_eq!(flag.params.suggestion(), Some("0"));
        assert!(flag.params.expected().is_some());
        let date = at("completion_date");
        assert_eq!(date.params.suggestion(), Some("2026-02-10 02:53:30"));
        assert_eq!(date.params.format(), Some("YYYY-MM-DD HH:MM:SS"));
        assert!(date.params.note().unwrap().contains("local time"));
        assert_eq!(
            at("badges").params.format(),
            Some(r#"["<uuid>", "<uuid>"]"#)
        );
        let list = if options.is_strict() {
            "errors"
        } else {
            "warnings"
        };
        let home = json[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["field"] == "contact_email")
            .unwrap();
        assert_eq!(
            home["params"],
            serde_json::json!({"home": ["/api_1.0/jobcontact.json"]})
        );
        let fix = json["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["field"] == "quote_sent")
            .unwrap();
        assert_eq!(fix["params"]["suggestion"], "0");
        assert_eq!(fix["params"]["given"], "string");
    }
}

#[test]
fn a_code_from_a_later_release_reads_back_and_writes_the_same_json() {
    // As a later release would write it: a code this one does not know, in both lists,
    // with parameters of a kind it knows and of one it does not.
    let json = concat!(
        r#"{"errors":[{"field":"lat","pointer":"/lat","code":"some_later_code","#,
        r#""message":"is too far north","params":{"limit":80,"length":95},"value":"95"},"#,
        r#"{"field":"status","pointer":"/status","code":"enum_values","#,
        r#""message":"\"Done\" is not one of \"Quote\"","params":{"allowed":["Quote"]},"value":"Done"}],"#,
        r#""warnings":[{"field":"badges","pointer":"/badges","code":"another_one","#,
        r#""message":"m","params":{},"value":null}]}"#
    );
    let report: Report = serde_json::from_str(json).unwrap();
    assert_eq!(report.errors.len(), 2);
    let later = &report.errors[0];
    assert_eq!(later.code, Code::Unrecognized);
    assert_eq!(later.code_str(), "some_later_code");
    assert_eq!(later.message(), "is too far north");
    assert_eq!(later.params.limit(), Some(80));
    assert_eq!(report.errors[1].code, Code::EnumValues);
    assert_eq!(report.errors[1].code_str(), "enum_values");
    assert_eq!(report.warnings[0].code, Code::Unrecognized);
    assert_eq!(report.warnings[0].code_str(), "another_one");
    assert!(report.has_errors());
    // Written back byte for byte, by serde and by `to_json`, and read again the same.
    assert_eq!(serde_json::to_string(&report).unwrap(), json);
    assert_eq!(report.to_json(), json);
    let again: Report = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(again, report);
    assert_eq!(
        report.to_string(),
        "lat: is too far north\nstatus: \"Done\" is not one of \"Quote\"\nwarning: badges: m"
    );
    // Two unrecognized codes are told apart.
    let other: Report = serde_json::from_str(&json.replace("some_later_code", "x_y")).unwrap();
    assert_ne!(other, report);
    // A `Code` alone cannot hold the name: it reads as `Unrecognized`, written so.
    let code: Code = serde_json::from_str(r#""some_later_code""#).unwrap();
    assert_eq!(code, Code::Unrecognized);
    assert_eq!(serde_json::to_string(&code).unwrap(), r#""unrecognized""#);
    assert!(!Code::ALL.contains(&Code::Unrecognized));
    for known in Code::ALL {
        let read: Code = serde_json::from_str(&format!("\"{known}\"")).unwrap();
        assert_eq!(read, *known);
    }
}

/// Every code, `Unrecognized` included, as a `(code, name)` pair.
fn every_code() -> Vec<(Code, &'static str)> {
    let mut codes: Vec<(Code, &'static str)> = Code::ALL
        .iter()
        .map(|code| (*code, code.as_str()))
        .collect();
    codes.push((Code::Unrecognized, "unrecognized"));
    codes
}

#[test]
fn every_code_round_trips_through_a_format_that_does_not_describe_itself() {
    // postcard writes a string as its length and bytes, and an enum variant as its index; a
    // code written by index would not read back as a name.
    for (code, name) in every_code() {
        let bytes = postcard::to_allocvec(&code).unwrap();
        let mut expected = vec![u8::try_from(name.len()).unwrap()];
        expected.extend_from_slice(name.as_bytes());
        assert_eq!(bytes, expected, "{name}");
        let read: Code = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(read, code, "{name}");
    }
}

#[test]
fn every_code_round_trips_through_cbor_and_json_as_its_name() {
    for (code, name) in every_code() {
        let mut bytes = Vec::new();
        ciborium::into_writer(&code, &mut bytes).unwrap();
        let mut text = Vec::new();
        ciborium::into_writer(name, &mut text).unwrap();
        assert_eq!(bytes, text, "{name}");
        let read: Code = ciborium::from_reader(&bytes[..]).unwrap();
        assert_eq!(read, code, "{name}");
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, format!("\"{name}\""));
        assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), code);
    }
}

#[test]
fn a_whole_report_round_trips_through_cbor() {
    // A report with an unrecognized code, and the reports of the bodies above.
    let later = r#"{"errors":[{"field":"lat","pointer":"/lat","code":"some_later_code","message":"m","params":{"limit":80,"length":95},"value":"95"}],"warnings":[]}"#;
    let mut reports = vec![serde_json::from_str::<Report>(later).unwrap()];
    for body in bodies() {
        reports.push(Job::check_json(
            body.as_bytes(),
            Options::default().strict(),
        ));
    }
    for report in reports {
        let mut bytes = Vec::new();
        ciborium::into_writer(&report, &mut bytes).unwrap();
        let read: Report = ciborium::from_reader(&bytes[..]).unwrap();
        assert_eq!(read, report);
        assert_eq!(read.to_json(), report.to_json());
    }
}

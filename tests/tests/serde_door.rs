//! serde's `Deserialize` through the reader (`#[schema(deserialize)]`): `Job` through
//! `serde_json::from_str`, `from_value`, `Vec<Job>`, a field of a serde struct and CBOR
//! reads as `Job::from_json` reads the same JSON, and a body with errors fails with the
//! report's text. A struct that derives serde's own `Deserialize` keeps it.
//!
//! serde_json adds no position to the error of a record at the top level (it is raised after
//! the whole value was read), and appends ` at line L column C` to the error of a record
//! inside another value (an array element, a field): the comparisons below say which.

use std::collections::BTreeMap;

use job_schema::{Job, Schema, MAX_DEPTH};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// A create body with what lax mode accepts and what only warns: flags as `true`, a numeric
/// string, an unset datetime, a read-only field, an unknown key, a custom field.
const VALID: &str = r#"{
    "status": "Work Order",
    "company_uuid": "c7319be2-03f5-46fc-be02-2341cca844db",
    "lat": -27.4698,
    "lng": "153.0251",
    "quote_sent": true,
    "invoice_sent": "0",
    "quote_date": "0000-00-00 00:00:00",
    "job_address": "1 Example St, Brisbane QLD 4000",
    "job_description": "Replace \"hot\" water unit\n2nd floor \u00e9",
    "edit_date": "2026-03-01 12:00:00",
    "purchase_order_no": "PO-17",
    "customfield_colour": "red"
}"#;

/// Bodies with errors: wrong JSON types, rule errors, a repeated key, a missing `status`,
/// unknown keys (whose warnings come in input order), and not an object at all.
const INVALID: &[&str] = &[
    r#"{"status": "Quote", "lat": "north", "invoice_sent": "yes", "geo_is_valid": [1], "uuid": 7}"#,
    r#"{"status": "Work order", "queue_uuid": "{c7319be2-03f5-46fc-be02-2341cca844db}",
        "quote_date": "2026-02-30 09:00:00", "lng": 181, "badges": "[\"x\"]"}"#,
    r#"{"status": "Quote", "lat": 1, "status": "Completed"}"#,
    r#"{"lat": 1, "job_address": "1 Main St"}"#,
    "{}",
    r#"{"zeta": 1, "status": "Done", "Alpha": 2, "edit_date": "soon"}"#,
    r#"{"status": "Quote", "customfield_a": 7, "customfield_B": "x"}"#,
    "[1, 2]",
];

/// The report's text for `body`, as `Job::from_json` gives it.
fn report_text(body: &[u8]) -> String {
    Job::from_json(body).unwrap_err().to_string()
}

/// `message` without the position serde_json appends to an error inside another value,
/// which must be there.
fn without_position(message: &str) -> &str {
    let (text, position) = message
        .rsplit_once(" at line ")
        .unwrap_or_else(|| panic!("no position in {message:?}"));
    let (line, column) = position.split_once(" column ").unwrap();
    assert!(
        line.parse::<u32>().is_ok() && column.parse::<u32>().is_ok(),
        "{message:?}"
    );
    text
}

#[test]
fn a_valid_body_reads_as_from_json_reads_it() {
    let parsed = Job::from_json(VALID.as_bytes()).unwrap();
    // The warnings that serde's door drops are there.
    assert_eq!(parsed.warnings.len(), 2);
    let job: Job = serde_json::from_str(VALID).unwrap();
    assert_eq!(job, parsed.record);
    assert_eq!(job.lng, Some(153.0251));
    assert_eq!(job.quote_sent, Some(1));
    assert_eq!(job.quote_date, None);
    assert_eq!(
        job.job_description.as_deref(),
        Some("Replace \"hot\" water unit\n2nd floor é")
    );
    assert_eq!(job.custom_fields["customfield_colour"], "red");
    assert_eq!(
        serde_json::from_slice::<Job>(VALID.as_bytes()).unwrap(),
        job
    );
}

#[test]
fn a_body_with_errors_fails_with_the_reports_text() {
    for body in INVALID {
        let expected = report_text(body.as_bytes());
        let error = serde_json::from_str::<Job>(body).unwrap_err();
        // At the top level the message is the report's text, every line, and nothing more.
        assert_eq!(error.to_string(), expected, "{body}");
        assert!(error.is_data(), "{body}");
    }
    // What the lines are, for the repeated key and for the order of unknown keys.
    assert_eq!(
        serde_json::from_str::<Job>(INVALID[2]).unwrap_err().to_string(),
        "status: appears more than once; every copy is rejected rather than guessing which one counts"
    );
    let lines: Vec<String> = serde_json::from_str::<Job>(INVALID[5])
        .unwrap_err()
        .to_string()
        .lines()
        .map(|line| line.split(':').next().unwrap().to_owned())
        .collect();
    assert_eq!(
        lines,
        ["status", "edit_date", "warning", "warning", "warning"]
    );
    let text = serde_json::from_str::<Job>(INVALID[5])
        .unwrap_err()
        .to_string();
    let zeta = text.find("warning: zeta").unwrap();
    let alpha = text.find("warning: Alpha").unwrap();
    assert!(zeta < alpha, "{text}");
}

#[test]
fn malformed_json_is_serde_jsons_error() {
    // serde_json reads the text; the reader never sees malformed JSON through this door.
    let error = serde_json::from_str::<Job>(r#"{"status": "Quote",}"#).unwrap_err();
    assert!(error.is_syntax());
    assert_eq!(error.to_string(), "trailing comma at line 1 column 20");
}

#[test]
fn numbers_meet_serde_jsons_judgement_first() {
    // serde_json refuses a number beyond a double; the reader reads it, and judges the field.
    let body = r#"{"status": "Quote", "lat": 1e400}"#;
    let error = serde_json::from_str::<Job>(body).unwrap_err().to_string();
    assert_eq!(error, "number out of range at line 1 column 32");
    assert!(report_text(body.as_bytes()).starts_with("lat: "));
    // serde_json reads an integer beyond 64 bits as the nearest double, as the reader does.
    let body = r#"{"status": "Quote", "active": 123456789012345678901234}"#;
    let error = serde_json::from_str::<Job>(body).unwrap_err().to_string();
    assert_eq!(error, report_text(body.as_bytes()));
}

#[test]
fn negative_zero_is_a_float_to_serde_json() {
    // The reader reads `-0` as the integer 0, which a flag takes; serde_json hands every
    // deserializer `-0` as the float -0.0, which the flag refuses, as both doors refuse
    // `-0.0`.
    let body = r#"{"status": "Quote", "active": -0}"#;
    assert_eq!(
        Job::from_json(body.as_bytes()).unwrap().record.active,
        Some(0)
    );
    let error = serde_json::from_str::<Job>(body).unwrap_err().to_string();
    let float = r#"{"status": "Quote", "active": -0.0}"#;
    assert_eq!(error, report_text(float.as_bytes()));
    assert!(error.starts_with("active: "), "{error}");
    assert_eq!(
        error,
        serde_json::from_str::<Job>(float).unwrap_err().to_string()
    );
    // In a field that takes any number the two agree: -0 and -0.0 are the same value.
    let lat = r#"{"status": "Quote", "lat": -0}"#;
    let read = Job::from_json(lat.as_bytes()).unwrap().record;
    assert_eq!(serde_json::from_str::<Job>(lat).unwrap(), read);
}

#[test]
fn from_value_reads_the_value() {
    let value = json!({
        "status": "Completed",
        "completion_date": "2026-03-02 16:30:00",
        "lat": -33.8688,
        "active": 1,
        "customfield_po": "17",
    });
    let job: Job = serde_json::from_value(value.clone()).unwrap();
    let bytes = serde_json::to_vec(&value).unwrap();
    assert_eq!(job, Job::from_json(&bytes).unwrap().record);
    assert_eq!(job.completion_date.as_deref(), Some("2026-03-02 16:30:00"));

    let value = json!({"status": "complete", "active": 2, "lat": "x", "colour": "blue"});
    let error = serde_json::from_value::<Job>(value.clone()).unwrap_err();
    let bytes = serde_json::to_vec(&value).unwrap();
    assert_eq!(error.to_string(), report_text(&bytes));
    assert_eq!(error.to_string().lines().count(), 4);
}

#[test]
fn a_get_response_reads_into_a_vec() {
    let response = r#"[
      {"uuid": "dd9c9912-cfcb-4788-b3c9-23422856efeb", "status": "Quote", "active": 1,
       "edit_date": "2026-02-10 02:53:30", "generated_job_id": "17", "invoice_sent": false,
       "total_invoice_amount": "0.00", "badges": "[]", "lat": 0, "lng": 0},
      {"uuid": "9b2e1d52-7c2a-4a51-9a43-1c3f0f6c2a10", "status": "Work Order", "active": 1,
       "job_address": "2 Example St", "geo_is_valid": 1, "quote_sent_stamp": ""}
    ]"#;
    let jobs: Vec<Job> = serde_json::from_str(response).unwrap();
    assert_eq!(
        jobs,
        Job::from_json_array(response.as_bytes()).unwrap().record
    );
    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[0].generated_job_id, Some("17".into()));

    // The first element with errors fails the whole `Vec`, with that element's report (its
    // own paths, without the index `from_json_array` puts in front), at its position.
    let response = r#"[{"status": "Quote"}, {"status": "Done", "lat": 91}, {"status": 1}]"#;
    let error = serde_json::from_str::<Vec<Job>>(response)
        .unwrap_err()
        .to_string();
    assert_eq!(
        without_position(&error),
        report_text(br#"{"status": "Done", "lat": 91}"#)
    );
    assert_eq!(
        without_position(&error),
        "status: \"Done\" is not one of \"Quote\", \"Work Order\", \"Unsuccessful\", \"Completed\"\n\
         lat: 91 is outside the range -90 to 90"
    );
}

#[test]
fn a_job_inside_a_serde_struct() {
    #[derive(Debug, Deserialize)]
    struct Envelope {
        job: Job,
        note: String,
    }
    let envelope: Envelope =
        serde_json::from_str(r#"{"note": "first", "job": {"status": "Quote", "lat": "1.5"}}"#)
            .unwrap();
    assert_eq!(
        (envelope.note.as_str(), envelope.job.lat),
        ("first", Some(1.5))
    );

    let error = serde_json::from_str::<Envelope>(r#"{"note": "x", "job": {"lat": 1}}"#)
        .unwrap_err()
        .to_string();
    assert_eq!(without_position(&error), "status: is required");
}

/// The CBOR form of `value`.
fn cbor<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = Vec::new();
    ciborium::into_writer(value, &mut bytes).unwrap();
    bytes
}

/// The message of a CBOR error raised by a `Deserialize` impl.
fn cbor_message<T: std::fmt::Debug>(
    result: Result<T, ciborium::de::Error<std::io::Error>>,
) -> String {
    match result {
        Err(ciborium::de::Error::Semantic(_, message)) => message,
        other => panic!("not a semantic error: {other:?}"),
    }
}

#[test]
fn cbor_reads_as_json_does() {
    let value: Value = serde_json::from_str(VALID).unwrap();
    let job: Job = ciborium::from_reader(&cbor(&value)[..]).unwrap();
    assert_eq!(job, serde_json::from_value::<Job>(value).unwrap());
    assert_eq!(job.lat, Some(-27.4698));

    for body in INVALID {
        // serde_json's `Value` sorts an object's keys and keeps the last copy of a repeated
        // key: the JSON to compare with is the value's.
        let value: Value = serde_json::from_str(body).unwrap();
        let bytes = serde_json::to_vec(&value).unwrap();
        let result = ciborium::from_reader::<Job, _>(&cbor(&value)[..]);
        match Job::from_json(&bytes) {
            Ok(parsed) => assert_eq!(result.unwrap(), parsed.record, "{body}"),
            Err(report) => assert_eq!(cbor_message(result), report.to_string(), "{body}"),
        }
    }
    // A repeated key reaches the reader from CBOR, which keeps both copies.
    let mut repeated = Vec::new();
    repeated.push(0xa2); // a map of two entries
    for status in ["Quote", "Completed"] {
        ciborium::into_writer("status", &mut repeated).unwrap();
        ciborium::into_writer(status, &mut repeated).unwrap();
    }
    let result = ciborium::from_reader::<Job, _>(&repeated[..]);
    assert_eq!(cbor_message(result), report_text(INVALID[2].as_bytes()));

    // A GET response in CBOR.
    let response: Value =
        serde_json::from_str(r#"[{"status": "Quote"}, {"status": "Completed"}]"#).unwrap();
    let jobs: Vec<Job> = ciborium::from_reader(&cbor(&response)[..]).unwrap();
    assert_eq!(jobs[1].status, "Completed");
}

#[test]
fn cbor_values_json_has_no_form_for() {
    #[derive(Serialize)]
    struct Body {
        status: &'static str,
        lat: f64,
    }
    // An infinity is written as a number beyond a double, which the reader judges.
    let body = cbor(&Body {
        status: "Quote",
        lat: f64::NEG_INFINITY,
    });
    let message = cbor_message(ciborium::from_reader::<Job, _>(&body[..]));
    assert_eq!(
        message,
        report_text(br#"{"status": "Quote", "lat": -1e999}"#)
    );
    assert!(message.starts_with("lat: "), "{message}");

    let body = cbor(&Body {
        status: "Quote",
        lat: f64::NAN,
    });
    let message = cbor_message(ciborium::from_reader::<Job, _>(&body[..]));
    assert_eq!(message, "NaN is not a number JSON can hold");

    let mut keys = BTreeMap::new();
    keys.insert(1_u8, "Quote");
    let message = cbor_message(ciborium::from_reader::<Job, _>(&cbor(&keys)[..]));
    assert_eq!(
        message,
        "invalid type: integer `1`, expected a string map key, as the keys of a JSON object are"
    );
}

#[test]
fn depth_is_bounded_as_the_reader_bounds_it() {
    // `{"status": "Quote", "badges": [[…[null]…]]}` with the object and `arrays` arrays.
    let body = |arrays: usize| {
        let mut value = Value::Null;
        for _ in 0..arrays {
            value = Value::Array(vec![value]);
        }
        json!({"status": "Quote", "badges": value})
    };
    // At `MAX_DEPTH`, the reader judges the value (a type error in a text field).
    let value = body(MAX_DEPTH - 1);
    let bytes = serde_json::to_vec(&value).unwrap();
    let error = serde_json::from_value::<Job>(value).unwrap_err();
    assert_eq!(error.to_string(), report_text(&bytes));
    assert!(error.to_string().starts_with("badges: "));
    // One level more is refused while the value is captured; the reader refuses it too.
    let value = body(MAX_DEPTH);
    let bytes = serde_json::to_vec(&value).unwrap();
    let error = serde_json::from_value::<Job>(value).unwrap_err();
    assert_eq!(
        error.to_string(),
        "arrays and objects nest more than 128 deep, deeper than job-schema reads"
    );
    assert_eq!(
        Job::from_json(&bytes).unwrap_err().errors[0].code,
        job_schema::Code::JsonSyntax
    );
}

/// serde's own `Deserialize`, beside `Schema` without the opt-in: serde reads the body, and
/// the rules do not.
#[derive(Debug, Deserialize, Schema)]
struct SerdeNote {
    #[schema(required, max_len = 5)]
    text: String,
}

/// The same struct with the opt-in: serde reads through the rules.
#[derive(Debug, Schema)]
#[schema(deserialize)]
struct CheckedNote {
    #[schema(required, max_len = 5)]
    text: String,
}

#[test]
fn a_struct_that_derives_serdes_deserialize_keeps_it() {
    let body = r#"{"text": "far too long"}"#;
    let note: SerdeNote = serde_json::from_str(body).unwrap();
    assert_eq!(note.text, "far too long");
    assert!(SerdeNote::from_json(body.as_bytes()).is_err());

    let error = serde_json::from_str::<CheckedNote>(body).unwrap_err();
    assert_eq!(
        error.to_string(),
        "text: is 12 characters long; the limit is 5"
    );
    assert_eq!(
        error.to_string(),
        CheckedNote::from_json(body.as_bytes())
            .unwrap_err()
            .to_string()
    );
    let note: CheckedNote = serde_json::from_str(r#"{"text": "short"}"#).unwrap();
    assert_eq!(note.text, "short");
}

/// Nested structs with the opt-in, under serde's attributes.
#[derive(Debug, PartialEq, Schema)]
#[schema(deserialize)]
#[serde(rename_all = "camelCase")]
struct Visit {
    #[schema(required, max_len = 40)]
    site_address: String,
    home: Option<Stop>,
    stops: Vec<Stop>,
    #[serde(default = "default_kind")]
    kind: String,
}

fn default_kind() -> String {
    "onsite".to_owned()
}

#[derive(Debug, PartialEq, Schema)]
#[schema(deserialize)]
struct Stop {
    #[schema(required, max_len = 10)]
    city: String,
    #[schema(datetime)]
    at: Option<String>,
}

#[test]
fn nested_structs_with_the_opt_in() {
    let body = r#"{"siteAddress": "1 Main St", "home": {"city": "Perth"},
                  "stops": [{"city": "Sydney", "at": "2026-03-01 09:00:00"}]}"#;
    let visit: Visit = serde_json::from_str(body).unwrap();
    assert_eq!(visit, Visit::from_json(body.as_bytes()).unwrap().record);
    assert_eq!(visit.kind, "onsite");
    assert_eq!(visit.stops[0].at.as_deref(), Some("2026-03-01 09:00:00"));

    // The outer record's report names the nested fields.
    let body = r#"{"siteAddress": "", "home": {"city": ""}, "stops": [{"city": "x"}, {"city": "Wollongong NSW"}]}"#;
    let error = serde_json::from_str::<Visit>(body).unwrap_err().to_string();
    assert_eq!(error, report_text_of::<Visit>(body));
    let fields: Vec<&str> = error
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(fields, ["siteAddress", "home.city", "stops[1].city"]);

    // A nested type read alone, by a serde container, takes its own door.
    let stops: BTreeMap<String, Stop> =
        serde_json::from_str(r#"{"a": {"city": "Perth"}, "b": {"city": "Sydney"}}"#).unwrap();
    assert_eq!(stops["b"].city, "Sydney");
    let body = r#"{"a": {"city": "Perth"}, "b": {"city": "Perth", "at": "9am"}}"#;
    let error = serde_json::from_str::<BTreeMap<String, Stop>>(body)
        .unwrap_err()
        .to_string();
    assert_eq!(
        without_position(&error),
        report_text_of::<Stop>(r#"{"city": "Perth", "at": "9am"}"#)
    );
}

/// The report's text for `body` read as `S`.
fn report_text_of<S: Schema>(body: &str) -> String {
    S::from_json(body.as_bytes()).err().unwrap().to_string()
}

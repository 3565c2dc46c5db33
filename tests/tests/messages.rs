//! Every kind of message, word for word: a message is written when it is read, from the
//! issue's parameters and echoed value, so each way of writing one is read here once.

use std::collections::BTreeMap;

use job_schema::{Mode, Options, Report, Schema};

#[derive(Schema, Default)]
struct Form {
    text: Option<String>,
    #[schema(max_len = 3)]
    short: Option<String>,
    #[schema(enum_values("Quote", "Work Order"))]
    status: Option<String>,
    #[schema(enum_values(1, 2))]
    level: Option<i64>,
    #[schema(bool01)]
    flag: Option<u8>,
    #[schema(uuid)]
    id: Option<String>,
    #[schema(datetime)]
    stamp: Option<String>,
    #[schema(date)]
    day: Option<String>,
    #[schema(number)]
    amount: Option<String>,
    #[schema(range(min = -90, max = 90))]
    lat: Option<f64>,
    #[schema(range(min = -90, max = 90))]
    lat_text: Option<String>,
    small: Option<u8>,
    #[schema(custom_prefix = "cf_")]
    custom: BTreeMap<String, String>,
}

/// The lines `Display` writes for `body` checked with `options`.
fn lines(body: &str, options: Options) -> Vec<String> {
    let report: Report = Form::check_json(body.as_bytes(), options);
    report.to_string().lines().map(str::to_owned).collect()
}

fn lax(body: &str) -> Vec<String> {
    lines(body, Options::default())
}

fn strict(body: &str) -> Vec<String> {
    lines(body, Options::default().strict())
}

#[test]
fn type_errors_name_the_types_and_show_the_value() {
    assert_eq!(
        lax(r#"{"text": 5}"#),
        ["text: expected null or string, got integer 5"]
    );
    assert_eq!(
        lax(r#"{"text": true}"#),
        ["text: expected null or string, got boolean true"]
    );
    assert_eq!(
        lax(r#"{"text": [1]}"#),
        ["text: expected null or string, got array"]
    );
    assert_eq!(
        strict(r#"{"text": null}"#),
        ["text: expected string, got null"]
    );
    assert_eq!(
        lax(r#"{"level": "2"}"#),
        [r#"level: expected null or integer, got string "2""#]
    );
}

#[test]
fn a_flag_names_its_spellings() {
    // A word that means a flag gets the integer to send.
    assert_eq!(
        lax(r#"{"flag": "yes"}"#),
        [r#"flag: expected 0 or 1 (or true, false, "0", "1"), got string "yes"; did you mean 1?"#]
    );
    assert_eq!(
        lax(r#"{"flag": "maybe"}"#),
        [r#"flag: expected 0 or 1 (or true, false, "0", "1"), got string "maybe""#]
    );
    assert_eq!(
        strict(r#"{"flag": true}"#),
        ["flag: expected the integer 0 or 1, got boolean true; did you mean 1?"]
    );
    assert_eq!(lax(r#"{"flag": 2}"#), ["flag: 2 is not 0 or 1"]);
}

#[test]
fn the_root_and_custom_fields_name_the_type_only() {
    assert_eq!(lax("[1, 2]"), ["(root): expected a JSON object, got array"]);
    assert_eq!(
        lax(r#""text""#),
        ["(root): expected a JSON object, got string"]
    );
    assert_eq!(
        lax(r#"{"cf_a": 5}"#),
        ["cf_a: a custom field holds a string; got integer"]
    );
}

#[test]
fn text_rules_quote_the_value() {
    assert_eq!(
        lax(r#"{"short": "abcd"}"#),
        ["short: is 4 characters long; the limit is 3"]
    );
    assert_eq!(
        lax(r#"{"status": "quote"}"#),
        [r#"status: "quote" is not one of "Quote", "Work Order"; did you mean "Quote"?"#]
    );
    assert_eq!(
        lax(r#"{"status": "x"}"#),
        [r#"status: "x" is not one of "Quote", "Work Order""#]
    );
    assert_eq!(lax(r#"{"level": 3}"#), ["level: 3 is not one of 1, 2"]);
    assert_eq!(
        lax(r#"{"id": "x"}"#),
        [r#"id: "x" is not a UUID (8-4-4-4-12 hex digits, no braces)"#]
    );
    assert_eq!(
        strict(r#"{"id": ""}"#),
        [
            r#"id: "" is not a UUID (8-4-4-4-12 hex digits, no braces); in strict mode, leave the field out to unset it"#
        ]
    );
    assert_eq!(
        lax(r#"{"amount": "abc"}"#),
        [r#"amount: "abc" is not a finite decimal number"#]
    );
}

#[test]
fn dates_say_whether_the_shape_or_the_day_is_wrong() {
    assert_eq!(
        lax(r#"{"stamp": "2024-02-30 10:00:00"}"#),
        [r#"stamp: "2024-02-30 10:00:00" is not a real date and time"#]
    );
    assert_eq!(
        lax(r#"{"stamp": "soon"}"#),
        [r#"stamp: "soon" is not a datetime in the form YYYY-MM-DD HH:MM:SS"#]
    );
    assert_eq!(
        lax(r#"{"day": "2024-02-30"}"#),
        [r#"day: "2024-02-30" is not a real date"#]
    );
    assert_eq!(
        lax(r#"{"day": "2024-02-30 10:00:00"}"#),
        [r#"day: "2024-02-30 10:00:00" is not a real date and time"#]
    );
    assert_eq!(
        lax(r#"{"day": "soon"}"#),
        [r#"day: "soon" is not a date in the form YYYY-MM-DD or YYYY-MM-DD HH:MM:SS"#]
    );
    assert_eq!(
        strict(r#"{"day": "0000-00-00"}"#),
        [
            r#"day: "0000-00-00" is not a real date; in strict mode, leave the field out to unset it"#
        ]
    );
}

#[test]
fn ranges_write_the_number_and_the_bounds() {
    assert_eq!(
        lax(r#"{"lat": 91.5}"#),
        ["lat: 91.5 is outside the range -90 to 90"]
    );
    assert_eq!(
        lax(r#"{"lat": -100}"#),
        ["lat: -100 is outside the range -90 to 90"]
    );
    assert_eq!(
        lax(r#"{"lat_text": "north"}"#),
        [r#"lat_text: "north" is not a number, so it is not within -90 to 90"#]
    );
}

#[test]
fn unknown_keys_suggest_a_field_when_one_is_close() {
    assert_eq!(
        lax(r#"{"Text": "a"}"#),
        ["warning: Text: is not a field of this record; did you mean `text`?"]
    );
    assert_eq!(
        lax(r#"{"zzz": "a"}"#),
        ["warning: zzz: is not a field of this record; it is ignored"]
    );
}

#[test]
fn a_value_that_does_not_fit_the_rust_type_is_found_when_building() {
    let report = Form::from_json(br#"{"small": 300}"#).err().unwrap();
    assert_eq!(
        report.to_string(),
        "small: 300 does not fit this field's type"
    );
}

#[test]
fn messages_read_the_same_through_json_and_the_rules() {
    // The JSON output writes the same message as `Display` and `message()`.
    let report = Form::check_json(br#"{"status": "quote", "lat": 91.5}"#, Options::default());
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    for (issue, written) in report.errors.iter().zip(json["errors"].as_array().unwrap()) {
        assert_eq!(written["message"], *issue.message());
    }
    // A rule's violation reads as its issue will, for the value it was given.
    let violation = job_schema::rules::enum_values::check_str(
        "work order",
        &["Quote", "Work Order"],
        Mode::Lax,
    )
    .unwrap_err();
    assert_eq!(
        violation.message(Some("work order")),
        r#""work order" is not one of "Quote", "Work Order"; did you mean "Work Order"?"#
    );
    // No allowed value at all (a rule called directly; the derive rejects an empty list).
    let violation = job_schema::rules::enum_values::check_int(4, &[]).unwrap_err();
    assert_eq!(
        violation.message(Some("4")),
        "4 is not allowed: the field takes no value"
    );
}

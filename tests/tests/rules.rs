//! Every rule's edges, through a struct that derives `Schema`, in both doors: `validate()` on
//! the built value and the JSON reader on the same value sent as JSON.

use job_schema::{Code, Options, Schema, Validate};
use job_schema_tests::errors;

#[derive(Schema, Default)]
struct Probe {
    #[schema(max_len = 500)]
    text: Option<String>,
    #[schema(enum_values("Quote", "Work Order"))]
    status: Option<String>,
    #[schema(enum_values(0, 1, 2))]
    level: Option<i64>,
    #[schema(bool01)]
    flag: Option<u8>,
    #[schema(uuid)]
    id: Option<String>,
    #[schema(datetime)]
    stamp: Option<String>,
    #[schema(date)]
    day: Option<String>,
    #[schema(number, range(min = -90, max = 90))]
    lat: Option<f64>,
    #[schema(number, range(min = -90, max = 90))]
    lat_text: Option<String>,
    #[schema(uuid_list)]
    badges: Option<String>,
    #[schema(required)]
    name: String,
}

fn probe() -> Probe {
    Probe {
        name: "n".into(),
        ..Probe::default()
    }
}

/// The error codes for one text field value, from `validate()`; also checks that the reader
/// reports the same for the value sent as JSON.
fn text_codes(field: &str, value: &str, set: impl FnOnce(&mut Probe, String)) -> Vec<Code> {
    let mut p = probe();
    set(&mut p, value.to_owned());
    let by_validate: Vec<Code> = p
        .report(Options::default())
        .errors
        .iter()
        .map(|i| i.code)
        .collect();
    let body = serde_json::json!({ "name": "n", field: value }).to_string();
    let by_reader: Vec<Code> = Probe::check_json(body.as_bytes(), Options::default())
        .errors
        .iter()
        .map(|i| i.code)
        .collect();
    assert_eq!(
        by_validate, by_reader,
        "{field} = {value:?}: the two doors disagree"
    );
    by_validate
}

fn uuid_codes(v: &str) -> Vec<Code> {
    text_codes("id", v, |p, v| p.id = Some(v))
}
fn datetime_codes(v: &str) -> Vec<Code> {
    text_codes("stamp", v, |p, v| p.stamp = Some(v))
}
fn date_codes(v: &str) -> Vec<Code> {
    text_codes("day", v, |p, v| p.day = Some(v))
}

#[test]
fn max_len_counts_characters_not_bytes() {
    assert!(text_codes("text", &"é".repeat(500), |p, v| p.text = Some(v)).is_empty());
    assert_eq!(
        text_codes("text", &"é".repeat(501), |p, v| p.text = Some(v)),
        [Code::MaxLen]
    );
    assert_eq!(
        text_codes("text", &"a".repeat(501), |p, v| p.text = Some(v)),
        [Code::MaxLen]
    );
    let mut p = probe();
    p.text = Some("x".repeat(501));
    let report = p.validate().unwrap_err();
    assert_eq!(report.errors[0].params.limit(), Some(500));
    assert_eq!(report.errors[0].params.length(), Some(501));
}

#[test]
fn enum_values_are_exact_with_suggestions() {
    assert!(text_codes("status", "Work Order", |p, v| p.status = Some(v)).is_empty());
    for near in ["work order", " Work Order ", "WORK ORDER"] {
        let mut p = probe();
        p.status = Some(near.into());
        let report = p.validate().unwrap_err();
        assert_eq!(report.errors[0].code, Code::EnumValues);
        assert_eq!(
            report.errors[0].params.suggestion(),
            Some("Work Order"),
            "{near:?}"
        );
    }
    let mut p = probe();
    p.status = Some("Done".into());
    let report = p.validate().unwrap_err();
    assert_eq!(report.errors[0].params.suggestion(), None);
    // Integer enums.
    let mut p = probe();
    p.level = Some(3);
    assert_eq!(
        errors(&p.validate().unwrap_err()),
        [("level".to_owned(), Code::EnumValues)]
    );
    p.level = Some(2);
    assert!(p.validate().is_ok());
}

#[test]
fn bool01_takes_zero_and_one_and_lax_spellings() {
    for (json, ok) in [
        ("0", true),
        ("1", true),
        ("2", false),
        ("-1", false),
        ("true", true),
        ("false", true),
        ("\"0\"", true),
        ("\"1\"", true),
        ("\"yes\"", false),
        ("1.0", false),
    ] {
        let body = format!(r#"{{"name": "n", "flag": {json}}}"#);
        let report = Probe::check_json(body.as_bytes(), Options::default());
        assert_eq!(report.errors.is_empty(), ok, "flag = {json}: {report}");
    }
    // Strict mode takes only the integers.
    for json in ["true", "\"1\""] {
        let body = format!(r#"{{"name": "n", "flag": {json}}}"#);
        let report = Probe::check_json(body.as_bytes(), Options::default().strict());
        assert_eq!(errors(&report), [("flag".to_owned(), Code::Type)], "{json}");
    }
    let read = Probe::from_json(br#"{"name": "n", "flag": true}"#).unwrap();
    assert_eq!(read.record.flag, Some(1));
    let mut p = probe();
    p.flag = Some(2);
    assert_eq!(
        errors(&p.validate().unwrap_err()),
        [("flag".to_owned(), Code::Bool01)]
    );
}

#[test]
fn uuid_shape_without_braces_urn_or_simple_form() {
    assert!(uuid_codes("c7319be2-03f5-46fc-be02-2341cca844db").is_empty());
    assert!(uuid_codes("C7319BE2-03F5-46FC-BE02-2341CCA844DB").is_empty());
    // Version and variant bits are not checked.
    assert!(uuid_codes("00000000-0000-0000-0000-000000000000").is_empty());
    for bad in [
        "{c7319be2-03f5-46fc-be02-2341cca844db}",
        "urn:uuid:c7319be2-03f5-46fc-be02-2341cca844db",
        "c7319be203f546fcbe022341cca844db",
        "c7319be2-03f5-46fc-be02-2341cca844d",
        "c7319be2-03f5-46fc-be02-2341cca844dbb",
        "g7319be2-03f5-46fc-be02-2341cca844db",
        "c7319be2_03f5_46fc_be02_2341cca844db",
    ] {
        assert_eq!(uuid_codes(bad), [Code::Uuid], "{bad}");
    }
    assert!(uuid_codes("").is_empty(), "\"\" is unset in lax mode");
}

#[test]
fn datetime_exact_shape_and_calendar() {
    for good in [
        "2024-02-29 00:00:00",
        "2000-02-29 12:30:59",
        "2026-12-31 23:59:59",
        "0000-00-00 00:00:00",
        "",
    ] {
        assert!(datetime_codes(good).is_empty(), "{good}");
    }
    for bad in [
        "2025-02-29 00:00:00",
        "1900-02-29 00:00:00",
        "2026-02-30 00:00:00",
        "2026-04-31 00:00:00",
        "2026-13-01 00:00:00",
        "2026-01-01 23:59:60",
        "2026-01-01 24:00:00",
        "2026-01-01 00:60:00",
        "2026-01-01T00:00:00",
        "2026-01-01 00:00:00Z",
        "2026-01-01 00:00:00.5",
        "2026-01-01  00:00:00",
        "2026-1-01 00:00:00",
        "2026-01-01",
    ] {
        assert_eq!(datetime_codes(bad), [Code::Datetime], "{bad}");
    }
}

#[test]
fn date_takes_short_and_long_forms() {
    for good in [
        "2024-02-29",
        "2024-02-29 10:00:00",
        "0000-00-00",
        "0000-00-00 00:00:00",
        "",
    ] {
        assert!(date_codes(good).is_empty(), "{good}");
    }
    for bad in [
        "2025-02-29",
        "2026-02-30 00:00:00",
        "26-01-01",
        "2026/01/01",
        "2026-01-01T10:00:00",
    ] {
        assert_eq!(date_codes(bad), [Code::Date], "{bad}");
    }
}

#[test]
fn zero_dates_and_empty_strings_are_errors_in_strict_mode() {
    let body = br#"{"name": "n", "stamp": "0000-00-00 00:00:00", "day": "0000-00-00", "id": "", "lat": "", "badges": ""}"#;
    let report = Probe::check_json(body, Options::default().strict());
    let codes: Vec<Code> = report.errors.iter().map(|i| i.code).collect();
    assert_eq!(
        codes,
        [
            Code::Uuid,
            Code::Datetime,
            Code::Date,
            Code::Number,
            Code::UuidList
        ]
    );
    assert!(Probe::check_json(body, Options::default()).is_empty());
}

#[test]
fn number_and_range_on_numbers_and_numeric_text() {
    for (json, expected) in [
        ("-27.6984444", vec![]),
        ("\"-27.6984444\"", vec![]),
        ("90", vec![]),
        ("-90", vec![]),
        ("90.0001", vec![Code::Range]),
        ("\"-91\"", vec![Code::Range]),
        ("\"abc\"", vec![Code::Number]),
        ("\"NaN\"", vec![Code::Number]),
        ("\"inf\"", vec![Code::Number]),
        ("\"1e999\"", vec![Code::Number]),
        ("\" 1\"", vec![Code::Number]),
        ("\"\"", vec![]),
    ] {
        let body = format!(r#"{{"name": "n", "lat": {json}, "lat_text": {json}}}"#);
        let report = Probe::check_json(body.as_bytes(), Options::default());
        let mut want = Vec::new();
        want.extend(expected.iter().map(|c| ("lat".to_owned(), *c)));
        want.extend(expected.iter().map(|c| ("lat_text".to_owned(), *c)));
        assert_eq!(errors(&report), want, "lat = {json}");
    }
    // NaN and infinities cannot come from JSON, but can from code.
    let mut p = probe();
    p.lat = Some(f64::NAN);
    assert_eq!(
        errors(&p.validate().unwrap_err()),
        [("lat".to_owned(), Code::Number)]
    );
    p.lat = Some(f64::INFINITY);
    let codes: Vec<Code> = p
        .validate()
        .unwrap_err()
        .errors
        .iter()
        .map(|i| i.code)
        .collect();
    assert!(codes.contains(&Code::Number), "{codes:?}");
}

#[test]
fn uuid_list_reports_each_bad_element_at_its_index() {
    let u = "c7319be2-03f5-46fc-be02-2341cca844db";
    for good in [
        "[]".to_owned(),
        String::new(),
        format!("[\"{u}\"]"),
        format!("[\"{u}\", \"{u}\"]"),
    ] {
        assert!(
            text_codes("badges", &good, |p, v| p.badges = Some(v)).is_empty(),
            "{good}"
        );
    }
    let mut p = probe();
    p.badges = Some(format!("[\"{u}\", \"x\", 3, \"{u}\", null]"));
    let report = p.validate().unwrap_err();
    assert_eq!(
        errors(&report),
        [
            ("badges[1]".to_owned(), Code::UuidList),
            ("badges[2]".to_owned(), Code::UuidList),
            ("badges[4]".to_owned(), Code::UuidList),
        ]
    );
    assert!(report.errors.iter().all(|i| i.pointer == "/badges"));
    assert_eq!(report.errors[1].params.index(), Some(2));
    for bad in ["{}", "not json", "[\"x\"", "\"[]\""] {
        assert_eq!(
            text_codes("badges", bad, |p, v| p.badges = Some(v)),
            [Code::UuidList],
            "{bad}"
        );
    }
    // A raw JSON array, not a string, is an error in every mode.
    let raw = format!(r#"{{"name": "n", "badges": ["{u}"]}}"#);
    for options in [Options::default(), Options::default().strict()] {
        assert_eq!(
            errors(&Probe::check_json(raw.as_bytes(), options)),
            [("badges".to_owned(), Code::UuidList)]
        );
    }
}

#[test]
fn required_rejects_missing_null_and_empty() {
    for body in [r"{}", r#"{"name": null}"#, r#"{"name": ""}"#] {
        let report = Probe::check_json(body.as_bytes(), Options::default());
        assert_eq!(
            errors(&report),
            [("name".to_owned(), Code::Required)],
            "{body}"
        );
    }
    // Strict: null is a type error, not an unset value.
    let report = Probe::check_json(br#"{"name": null}"#, Options::default().strict());
    assert_eq!(errors(&report), [("name".to_owned(), Code::Type)]);
    let p = Probe::default();
    assert_eq!(
        errors(&p.validate().unwrap_err()),
        [("name".to_owned(), Code::Required)]
    );
}

#[test]
fn options_none_passes_every_rule_but_required() {
    assert!(probe().validate().is_ok());
    assert!(Probe::check_json(
        br#"{"name": "n", "text": null, "id": null, "lat": null, "flag": null}"#,
        Options::default()
    )
    .is_empty());
}

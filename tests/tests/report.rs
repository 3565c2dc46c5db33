//! The `Report`: every issue at once, in field order, with its JSON contract shape.

use job_schema::{Code, Issue, Options, Path, Report, Schema, Sink, Validate};
use job_schema_tests::{errors, pairs};

#[derive(Schema, Default)]
struct Ten {
    #[schema(required)]
    a: String,
    #[schema(max_len = 3)]
    b: Option<String>,
    #[schema(enum_values("x", "y"))]
    c: Option<String>,
    #[schema(bool01)]
    d: Option<u8>,
    #[schema(uuid)]
    e: Option<String>,
    #[schema(datetime)]
    f: Option<String>,
    #[schema(date)]
    g: Option<String>,
    #[schema(number)]
    h: Option<String>,
    #[schema(range(min = 0, max = 1))]
    i: Option<f64>,
    #[schema(uuid_list)]
    j: Option<String>,
    #[schema(max_len = 100)]
    fine: Option<String>,
}

fn ten_broken() -> Ten {
    Ten {
        a: String::new(),
        b: Some("abcd".into()),
        c: Some("z".into()),
        d: Some(7),
        e: Some("nope".into()),
        f: Some("2026-02-30 00:00:00".into()),
        g: Some("yesterday".into()),
        h: Some("1,5".into()),
        i: Some(2.0),
        j: Some("[1]".into()),
        fine: Some("ok".into()),
    }
}

#[test]
fn ten_broken_fields_give_exactly_ten_issues_in_field_order() {
    let report = ten_broken().validate().unwrap_err();
    assert_eq!(
        errors(&report),
        pairs(&[
            ("a", Code::Required),
            ("b", Code::MaxLen),
            ("c", Code::EnumValues),
            ("d", Code::Bool01),
            ("e", Code::Uuid),
            ("f", Code::Datetime),
            ("g", Code::Date),
            ("h", Code::Number),
            ("i", Code::Range),
            ("j[0]", Code::UuidList),
        ])
    );
    assert!(report.warnings.is_empty());
}

#[test]
fn the_same_input_gives_the_same_report() {
    let first = ten_broken().validate().unwrap_err();
    for _ in 0..3 {
        assert_eq!(ten_broken().validate().unwrap_err(), first);
    }
}

#[test]
fn report_serializes_to_the_contract_shape() {
    let report = ten_broken().validate().unwrap_err();
    let json: serde_json::Value = serde_json::to_value(&report).unwrap();
    let object = json.as_object().unwrap();
    assert_eq!(object.keys().collect::<Vec<_>>(), ["errors", "warnings"]);
    assert!(report.to_json().starts_with("{\"errors\":["));
    let first = &json["errors"][1];
    let mut keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["code", "field", "message", "params", "pointer", "value"]
    );
    // And in the documented order on the wire.
    let text = serde_json::to_string(&report.errors[1]).unwrap();
    let at = |k: &str| text.find(&format!("\"{k}\":")).unwrap();
    assert!(
        at("field") < at("pointer") && at("pointer") < at("code") && at("code") < at("message")
    );
    assert!(at("message") < at("params") && at("params") < at("value"));
    assert_eq!(first["field"], "b");
    assert_eq!(first["pointer"], "/b");
    assert_eq!(first["code"], "max_len");
    assert_eq!(first["params"]["limit"], 3);
    assert_eq!(first["params"]["length"], 4);
    assert_eq!(first["value"], "abcd");
    // Parameters that do not apply are left out.
    assert!(first["params"].get("allowed").is_none());
    assert_eq!(
        json["errors"][2]["params"]["allowed"],
        serde_json::json!(["x", "y"])
    );
    assert_eq!(json["errors"][0]["value"], "");
    // A missing value is null, not absent.
    let missing = serde_json::to_value(Ten::check_json(b"{}", Options::default())).unwrap();
    assert_eq!(missing["errors"][0]["field"], "a");
    assert!(missing["errors"][0]
        .as_object()
        .unwrap()
        .contains_key("value"));
    assert!(missing["errors"][0]["value"].is_null());
    assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
}

#[test]
fn every_code_serializes_as_its_stable_name() {
    let names: Vec<String> = Code::ALL
        .iter()
        .map(|c| {
            serde_json::to_value(c)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            "json_syntax",
            "type",
            "required",
            "duplicate_field",
            "unknown_field",
            "max_len",
            "enum_values",
            "bool01",
            "uuid",
            "datetime",
            "date",
            "number",
            "range",
            "uuid_list",
            "deprecated",
            "read_only",
            "created_inactive",
        ]
    );
    for code in Code::ALL {
        assert_eq!(code.to_string(), code.as_str());
    }
}

#[test]
fn display_prints_one_field_message_line_per_issue() {
    let report = ten_broken().validate().unwrap_err();
    let text = report.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), report.errors.len());
    for (line, issue) in lines.iter().zip(&report.errors) {
        assert_eq!(*line, format!("{}: {}", issue.field, issue.message()));
    }
    // Report is an Error, so `?` works with Box<dyn Error>.
    let boxed: Box<dyn std::error::Error> = Box::new(report);
    assert!(boxed.to_string().starts_with("a: "));
}

#[test]
fn echoed_values_are_cut_and_escaped() {
    let t = Ten {
        a: "x".into(),
        b: Some(format!("line\none\t{}", "é".repeat(10_000))),
        ..Ten::default()
    };
    let report = t.validate().unwrap_err();
    let value = report.errors[0].value.as_deref().unwrap();
    assert_eq!(value.chars().count(), job_schema::report::ECHO_LIMIT);
    assert!(value.starts_with("line\\none\\t"));
    assert!(!value.contains('\n'));
    assert!(
        report.errors[0].message().chars().count() < 200,
        "the message echoes a cut value too"
    );
}

#[test]
fn validate_into_appends_under_a_prefix_for_batches() {
    let batch = [
        ten_broken(),
        Ten {
            a: "ok".into(),
            ..Ten::default()
        },
        ten_broken(),
    ];
    let mut report = Report::new();
    let mut sink = Sink::new(&mut report, Options::default());
    let root = Path::ROOT;
    for (i, t) in batch.iter().enumerate() {
        t.validate_into(&root.index(i), &mut sink);
    }
    assert_eq!(report.errors.len(), 20);
    assert_eq!(report.errors[0].field, "[0].a");
    assert_eq!(report.errors[0].pointer, "/0/a");
    assert_eq!(report.errors[10].field, "[2].a");
    assert_eq!(report.errors[19].field, "[2].j[0]");
    assert_eq!(report.errors[19].pointer, "/2/j");
}

#[test]
fn warnings_alone_do_not_fail_but_strict_makes_them_errors() {
    #[derive(Schema)]
    struct Old {
        #[schema(deprecated = "use new")]
        old: Option<String>,
    }
    let o = Old {
        old: Some("x".into()),
    };
    assert!(o.validate().is_ok());
    let report = o.report(Options::default());
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(report.warnings[0].code, Code::Deprecated);
    assert_eq!(report.warnings[0].params.note(), Some("use new"));
    let strict = o.validate_with(Options::default().strict()).unwrap_err();
    assert_eq!(strict.errors.len(), 1);
    assert_eq!(strict.errors[0].code, Code::Deprecated);
    assert!(strict.warnings.is_empty());
}

#[test]
fn issue_display_names_the_root() {
    let violation = job_schema::Violation::new(Code::Type, "expected a JSON object, got array");
    let issue = Issue::at(&Path::ROOT, violation, None);
    assert_eq!(
        issue.to_string(),
        "(root): expected a JSON object, got array"
    );
}

//! The `Job` record and its JSON reader, row by row of `docs/FIELDS.md`.

use job_schema::{Code, FieldClass, Job, JobStatus, Options, Schema, Validate};
use job_schema_tests::{errors, pairs, warnings};
use serde_json::{json, Value};

const U: &str = "c7319be2-03f5-46fc-be02-2341cca844db";
const EXAMPLE: &[u8] = include_bytes!("../data/job-record-unsuccessful.json");

/// The field order of `docs/FIELDS.md`: the reference page's order, then the read-only ones.
const SPEC_ORDER: [&str; 51] = [
    "created_by_staff_uuid",
    "date",
    "company_uuid",
    "billing_address",
    "status",
    "lng",
    "lat",
    "payment_date",
    "payment_actioned_by_uuid",
    "payment_method",
    "payment_amount",
    "category_uuid",
    "payment_note",
    "geo_is_valid",
    "purchase_order_number",
    "invoice_sent",
    "invoice_sent_stamp",
    "ready_to_invoice",
    "ready_to_invoice_stamp",
    "geo_country",
    "geo_postcode",
    "geo_state",
    "geo_city",
    "geo_street",
    "geo_number",
    "queue_uuid",
    "queue_expiry_date",
    "queue_assigned_staff_uuid",
    "badges",
    "quote_date",
    "quote_sent",
    "quote_sent_stamp",
    "work_order_date",
    "active_network_request_uuid",
    "related_knowledge_articles",
    "uuid",
    "job_address",
    "job_description",
    "work_done_description",
    "payment_processed",
    "payment_received",
    "completion_date",
    "unsuccessful_date",
    "active",
    "edit_date",
    "generated_job_id",
    "total_invoice_amount",
    "payment_processed_stamp",
    "payment_received_stamp",
    "completion_actioned_by_uuid",
    "job_is_scheduled_until_stamp",
];

/// One row: the field, a valid value, an invalid value and the code it draws.
struct Row {
    field: &'static str,
    valid: Value,
    invalid: Value,
    code: Code,
}

fn rows() -> Vec<Row> {
    let uuid = |field| Row {
        field,
        valid: json!(U),
        invalid: json!("not-a-uuid"),
        code: Code::Uuid,
    };
    let datetime = |field| Row {
        field,
        valid: json!("2026-03-01 12:00:00"),
        invalid: json!("2026-03-01T12:00:00"),
        code: Code::Datetime,
    };
    let flag = |field| Row {
        field,
        valid: json!(1),
        invalid: json!(2),
        code: Code::Bool01,
    };
    let text = |field| Row {
        field,
        valid: json!("Brisbane"),
        invalid: json!({"a": 1}),
        code: Code::Type,
    };
    let scalar = |field| Row {
        field,
        valid: json!("x"),
        invalid: json!(["x"]),
        code: Code::Type,
    };
    vec![
        uuid("created_by_staff_uuid"),
        Row {
            field: "date",
            valid: json!("2026-03-01"),
            invalid: json!("2026-02-30"),
            code: Code::Date,
        },
        uuid("company_uuid"),
        Row {
            field: "billing_address",
            valid: json!("é".repeat(500)),
            invalid: json!("é".repeat(501)),
            code: Code::MaxLen,
        },
        Row {
            field: "status",
            valid: json!("Work Order"),
            invalid: json!("Done"),
            code: Code::EnumValues,
        },
        Row {
            field: "lng",
            valid: json!(153.612_173_1),
            invalid: json!(180.5),
            code: Code::Range,
        },
        Row {
            field: "lat",
            valid: json!("-28.6488633"),
            invalid: json!("north"),
            code: Code::Number,
        },
        datetime("payment_date"),
        uuid("payment_actioned_by_uuid"),
        scalar("payment_method"),
        scalar("payment_amount"),
        uuid("category_uuid"),
        scalar("payment_note"),
        flag("geo_is_valid"),
        Row {
            field: "purchase_order_number",
            valid: json!("x".repeat(100)),
            invalid: json!("x".repeat(101)),
            code: Code::MaxLen,
        },
        Row {
            field: "invoice_sent",
            valid: json!(false),
            invalid: json!("yes"),
            code: Code::Type,
        },
        datetime("invoice_sent_stamp"),
        scalar("ready_to_invoice"),
        datetime("ready_to_invoice_stamp"),
        text("geo_country"),
        text("geo_postcode"),
        text("geo_state"),
        text("geo_city"),
        text("geo_street"),
        text("geo_number"),
        uuid("queue_uuid"),
        datetime("queue_expiry_date"),
        uuid("queue_assigned_staff_uuid"),
        Row {
            field: "badges",
            valid: json!(format!("[\"{U}\"]")),
            invalid: json!([U]),
            code: Code::UuidList,
        },
        datetime("quote_date"),
        flag("quote_sent"),
        datetime("quote_sent_stamp"),
        datetime("work_order_date"),
        uuid("active_network_request_uuid"),
        scalar("related_knowledge_articles"),
        uuid("uuid"),
        Row {
            field: "job_address",
            valid: json!("1 Main St"),
            invalid: json!("a".repeat(501)),
            code: Code::MaxLen,
        },
        Row {
            field: "job_description",
            valid: json!("x".repeat(9000)),
            invalid: json!(12),
            code: Code::Type,
        },
        // Free text, not an email address, whatever the reference page says.
        Row {
            field: "work_done_description",
            valid: json!("Replaced the valve."),
            invalid: json!(true),
            code: Code::Type,
        },
        flag("payment_processed"),
        flag("payment_received"),
        datetime("completion_date"),
        datetime("unsuccessful_date"),
        Row {
            field: "active",
            // 0 is valid too, with a `created_inactive` warning on create (suspicious.rs).
            valid: json!(1),
            invalid: json!(5),
            code: Code::Bool01,
        },
        datetime("edit_date"),
        text("generated_job_id"),
        text("total_invoice_amount"),
        datetime("payment_processed_stamp"),
        datetime("payment_received_stamp"),
        uuid("completion_actioned_by_uuid"),
        datetime("job_is_scheduled_until_stamp"),
    ]
}

fn body(field: &str, value: &Value) -> Vec<u8> {
    let mut object = json!({ "status": "Quote" });
    object[field] = value.clone();
    serde_json::to_vec(&object).unwrap()
}

#[test]
fn fields_follow_the_spec_order() {
    let names: Vec<&str> = Job::FIELDS.iter().map(|f| f.name).collect();
    assert_eq!(names, SPEC_ORDER);
    assert_eq!(
        rows().iter().map(|r| r.field).collect::<Vec<_>>(),
        SPEC_ORDER
    );
    assert_eq!(Job::CUSTOM_PREFIX, Some("customfield_"));
    assert!(
        Job::FIELDS.iter().all(|f| !f.doc.is_empty()),
        "every field has the spec's description"
    );
}

#[test]
fn every_row_accepts_its_valid_value_and_rejects_its_invalid_one() {
    for row in rows() {
        let spec = Job::FIELDS.iter().find(|f| f.name == row.field).unwrap();
        let expected_warning = match spec.class {
            FieldClass::Writable => None,
            FieldClass::ReadOnly => Some(Code::ReadOnly),
            FieldClass::Deprecated(_) => Some(Code::Deprecated),
        };
        let good = Job::from_json(&body(row.field, &row.valid))
            .unwrap_or_else(|r| panic!("{} = {}: {r}", row.field, row.valid));
        let got: Vec<Code> = good.warnings.iter().map(|i| i.code).collect();
        assert_eq!(
            got,
            expected_warning.into_iter().collect::<Vec<_>>(),
            "{}",
            row.field
        );
        // Record direction: read-only fields draw nothing.
        let record =
            Job::from_json_with(&body(row.field, &row.valid), Options::default().record()).unwrap();
        assert!(record.warnings.iter().all(|i| i.code != Code::ReadOnly));

        let bad = Job::from_json(&body(row.field, &row.invalid)).unwrap_err();
        assert_eq!(
            errors(&bad),
            [(row.field.to_owned(), row.code)],
            "{} = {}",
            row.field,
            row.invalid
        );
        assert_eq!(bad.errors[0].pointer, format!("/{}", row.field));
    }
}

#[test]
fn the_real_record_is_valid_in_both_directions() {
    let create = Job::from_json(EXAMPLE).unwrap();
    let record = Job::from_json_with(EXAMPLE, Options::default().record()).unwrap();
    let deprecated = [
        "payment_date",
        "payment_actioned_by_uuid",
        "payment_method",
        "payment_amount",
        "payment_note",
        "ready_to_invoice",
        "ready_to_invoice_stamp",
        "active_network_request_uuid",
        "related_knowledge_articles",
    ];
    let read_only = [
        "edit_date",
        "generated_job_id",
        "total_invoice_amount",
        "payment_processed_stamp",
        "payment_received_stamp",
        "completion_actioned_by_uuid",
        "job_is_scheduled_until_stamp",
    ];
    let mut want: Vec<(&str, Code)> = deprecated.iter().map(|f| (*f, Code::Deprecated)).collect();
    assert_eq!(
        warnings(&Job::check_json(EXAMPLE, Options::default().record())),
        pairs(&want)
    );
    // Create direction adds the read-only warnings, in field order.
    want.extend(read_only.iter().map(|f| (*f, Code::ReadOnly)));
    let order = |f: &str| SPEC_ORDER.iter().position(|n| *n == f).unwrap();
    want.sort_by_key(|(f, _)| order(f));
    let got: Vec<(String, Code)> = create
        .warnings
        .iter()
        .map(|i| (i.field.to_string(), i.code))
        .collect();
    assert_eq!(got, pairs(&want));

    let job = record.record;
    assert_eq!(job.status, "Unsuccessful");
    assert_eq!(job.lat, Some(-28.648_863_3));
    assert_eq!(job.quote_sent, Some(0), "false is read as 0");
    assert_eq!(job.badges.as_deref(), Some("[]"));
    assert_eq!(job.custom_fields.len(), 2);
    assert_eq!(job.custom_fields["customfield_xero_tracking_cat_1"], "");
}

#[test]
fn one_record_with_many_errors_reports_all_in_field_order() {
    let body = json!({
        "uuid": "{abc}",
        "status": "work order",
        "lat": -91,
        "lng": "east",
        "date": "2025-02-29",
        "company_uuid": "123",
        "badges": format!("[\"{U}\", \"x\"]"),
        "invoice_sent": "maybe",
        "quote_sent": 3,
        "job_address": {"street": "1 Main St"},
        "completion_date": "2026-01-01 24:00:00",
        "purchase_order_number": "x".repeat(101),
        "active": [1],
        "purchase_order_no": "PO-1",
    });
    let report = Job::from_json(body.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        errors(&report),
        pairs(&[
            ("date", Code::Date),
            ("company_uuid", Code::Uuid),
            ("status", Code::EnumValues),
            ("lng", Code::Number),
            ("lat", Code::Range),
            ("purchase_order_number", Code::MaxLen),
            ("invoice_sent", Code::Type),
            ("badges[1]", Code::UuidList),
            ("quote_sent", Code::Bool01),
            ("uuid", Code::Uuid),
            ("job_address", Code::Type),
            ("completion_date", Code::Datetime),
            ("active", Code::Type),
        ])
    );
    assert_eq!(
        warnings(&report),
        pairs(&[("purchase_order_no", Code::UnknownField)])
    );
    assert_eq!(report.errors[2].params.suggestion(), Some("Work Order"));
    // The type error names the expected and the given types.
    let type_error = &report.errors[10];
    assert_eq!(
        type_error.params.given(),
        Some(job_schema::JsonType::Object)
    );
    assert!(type_error.message().contains("string") && type_error.message().contains("object"));
}

#[test]
fn unknown_keys_are_warnings_with_suggestions_in_input_order() {
    let read = Job::from_json(br#"{"zzz": 1, "status": "Quote", "purchase_order_no": "1", "Status": "x", "customfield_colour": "red"}"#).unwrap();
    assert_eq!(
        warnings_of(&read.warnings),
        pairs(&[
            ("zzz", Code::UnknownField),
            ("purchase_order_no", Code::UnknownField),
            ("Status", Code::UnknownField)
        ])
    );
    let suggestions: Vec<Option<&str>> = read
        .warnings
        .iter()
        .map(|i| i.params.suggestion())
        .collect();
    assert_eq!(
        suggestions,
        [None, Some("purchase_order_number"), Some("status")]
    );
    assert_eq!(read.record.custom_fields["customfield_colour"], "red");
    // Strict mode: the same warnings are errors.
    let strict = Job::check_json(
        br#"{"status": "Quote", "Status": "x"}"#,
        Options::default().strict(),
    );
    assert_eq!(errors(&strict), pairs(&[("Status", Code::UnknownField)]));
}

fn warnings_of(issues: &[job_schema::Issue]) -> Vec<(String, Code)> {
    issues
        .iter()
        .map(|i| (i.field.to_string(), i.code))
        .collect()
}

#[test]
fn custom_fields_take_strings_only_and_need_a_lower_case_name() {
    let report = Job::check_json(
        br#"{"status": "Quote", "customfield_a": 1, "customfield_B": "x"}"#,
        Options::default(),
    );
    assert_eq!(errors(&report), pairs(&[("customfield_a", Code::Type)]));
    assert_eq!(
        warnings(&report),
        pairs(&[("customfield_B", Code::UnknownField)])
    );
}

#[test]
fn a_duplicate_key_is_an_error_never_last_wins() {
    for body in [
        r#"{"status": "Quote", "status": "Quote"}"#,
        r#"{"status": "Quote", "uuid": "", "uuid": ""}"#,
        r#"{"status": "Quote", "customfield_a": "1", "customfield_a": "2"}"#,
        r#"{"status": "Quote", "mystery": 1, "mystery": 2}"#,
    ] {
        let report = Job::check_json(body.as_bytes(), Options::default());
        assert_eq!(report.errors.len(), 1, "{body}: {report}");
        assert_eq!(report.errors[0].code, Code::DuplicateField, "{body}");
        assert!(Job::from_json(body.as_bytes()).is_err());
    }
}

#[test]
fn many_repeated_keys_in_any_order_come_out_in_field_order() {
    // Each repeat of `status` must go before every repeat of `lng` already found: thousands of
    // issues out of order, put in place by one sort at the end (in time, and correctly).
    let repeats = 3_000;
    let mut body = String::from("{");
    for i in 0..repeats {
        if i > 0 {
            body.push(',');
        }
        body.push_str(r#""lng": 1, "status": "Quote""#);
    }
    body.push('}');
    let index = |name: &str| Job::FIELDS.iter().position(|f| f.name == name).unwrap();
    assert!(index("status") < index("lng"));
    let check = Job::check_json(body.as_bytes(), Options::default());
    let Err(read) = Job::from_json(body.as_bytes()) else {
        panic!("repeated keys must fail");
    };
    for report in [&check, &read] {
        let got = errors(report);
        let mut want = vec![("status".to_owned(), Code::DuplicateField); repeats - 1];
        want.extend(vec![("lng".to_owned(), Code::DuplicateField); repeats - 1]);
        // A report keeps the first issues in that order and counts the rest.
        let limit = job_schema::report::ISSUE_LIMIT;
        assert_eq!(report.omitted, want.len() - limit);
        want.truncate(limit);
        assert_eq!(got, want);
    }
    assert_eq!(check, read);
}

#[test]
fn different_keys_are_never_taken_for_a_repeat() {
    // These two keys collided under the unkeyed hash the reader once used; a repeat is
    // decided by the text alone.
    let body =
        br#"{"status": "Quote", "unknown_aaaaaaaabbbbbbbb": 1, "unknown_swfbewhs}rr?q^KX": 2}"#;
    let report = Job::check_json(body, Options::default());
    assert!(report.errors.is_empty(), "{report}");
    assert_eq!(
        warnings(&report),
        pairs(&[
            ("unknown_aaaaaaaabbbbbbbb", Code::UnknownField),
            ("unknown_swfbewhs}rr?q^KX", Code::UnknownField),
        ])
    );
}

#[test]
fn malformed_json_is_one_error_with_its_position() {
    let report =
        Job::from_json(b"{\"status\": \"Quote\",\n  \"lat\": -91,\n  \"uuid\": }").unwrap_err();
    assert_eq!(report.errors.len(), 1, "nothing else is guessed: {report}");
    assert!(report.warnings.is_empty());
    let issue = &report.errors[0];
    assert_eq!(issue.code, Code::JsonSyntax);
    assert_eq!(
        (issue.params.line(), issue.params.column()),
        (Some(3), Some(11))
    );
    assert!(issue.message().contains("line 3"), "{}", issue.message());
    for bad in [
        &b""[..],
        b"{",
        b"{\"status\": \"Quote\"} x",
        b"\xff",
        b"{\"status\": \"\xff\"}",
    ] {
        let report = Job::from_json(bad).unwrap_err();
        assert_eq!(errors(&report), pairs(&[("", Code::JsonSyntax)]), "{bad:?}");
    }
}

#[test]
fn a_non_object_root_is_one_type_error_at_the_root() {
    for bad in [
        "[]",
        "[{\"status\": \"Quote\"}]",
        "\"Quote\"",
        "12",
        "null",
        "true",
    ] {
        let report = Job::from_json(bad.as_bytes()).unwrap_err();
        assert_eq!(errors(&report), pairs(&[("", Code::Type)]), "{bad}");
        assert_eq!(report.errors[0].pointer, "");
    }
}

#[test]
fn lax_accepts_real_world_forms_and_strict_only_canonical_ones() {
    let lax = json!({
        "status": "Quote",
        "date": "0000-00-00",
        "completion_date": "0000-00-00 00:00:00",
        "queue_uuid": "",
        "lat": "-27.5",
        "lng": "",
        "invoice_sent": true,
        "quote_sent": "0",
        "badges": "",
        "job_address": null,
    });
    let bytes = lax.to_string();
    let read = Job::from_json(bytes.as_bytes()).unwrap();
    assert_eq!(read.record.lat, Some(-27.5));
    assert_eq!(read.record.lng, None);
    assert_eq!(read.record.invoice_sent, Some(1));
    assert_eq!(read.record.quote_sent, Some(0));
    assert_eq!(read.record.job_address, None);
    let strict = Job::check_json(bytes.as_bytes(), Options::default().strict());
    assert_eq!(
        errors(&strict),
        pairs(&[
            ("date", Code::Date),
            ("lng", Code::Number),
            ("lat", Code::Type),
            ("invoice_sent", Code::Type),
            ("queue_uuid", Code::Uuid),
            ("badges", Code::UuidList),
            ("quote_sent", Code::Type),
            ("job_address", Code::Type),
            ("completion_date", Code::Datetime),
        ])
    );
    // The canonical form passes strict mode.
    let canonical = Job::from_json(bytes.as_bytes()).unwrap().record.to_json();
    assert!(
        Job::check_json(canonical.as_bytes(), Options::default().strict()).is_empty(),
        "{canonical}"
    );
}

#[test]
fn job_status_converts_to_and_from_the_wire() {
    for status in JobStatus::ALL {
        assert_eq!(status.as_str().parse::<JobStatus>(), Ok(status));
        let job = Job::new(status);
        assert!(job.validate().is_ok());
        assert_eq!(job.status, status.to_string());
    }
    assert!("Work order".parse::<JobStatus>().is_err());
    let err = "nope".parse::<JobStatus>().unwrap_err();
    assert!(err.to_string().contains("nope"));
}

#[test]
fn serialize_writes_the_canonical_form() {
    let mut job = Job::new(JobStatus::Quote);
    job.invoice_sent = Some(1);
    job.lat = Some(-27.5);
    job.custom_fields
        .insert("customfield_colour".into(), "red".into());
    let out: Value = serde_json::from_str(&job.to_json()).unwrap();
    assert_eq!(
        out,
        json!({"status": "Quote", "invoice_sent": 1, "lat": -27.5, "customfield_colour": "red"})
    );
    assert_eq!(job.to_json(), job.to_json());
    let back = Job::from_json(job.to_json().as_bytes()).unwrap();
    assert_eq!(back.record, job);
    assert!(back.warnings.is_empty());
}

#[test]
fn a_ten_megabyte_string_gives_one_short_error() {
    let huge = "x".repeat(10 * 1024 * 1024);
    for field in ["job_address", "uuid", "invoice_sent"] {
        let body = json!({ "status": "Quote", field: huge }).to_string();
        let report = Job::from_json(body.as_bytes()).unwrap_err();
        assert_eq!(report.errors.len(), 1, "{field}");
        let value = report.errors[0].value.as_deref().unwrap();
        assert_eq!(value.chars().count(), 64, "{field}");
        assert!(report.to_json().len() < 2_000, "{field}");
    }
}

/// The `duplicate_field` errors of a report.
fn duplicates(report: &job_schema::Report) -> Vec<job_schema::Issue> {
    report
        .errors
        .iter()
        .filter(|issue| issue.code == Code::DuplicateField)
        .cloned()
        .collect()
}

#[test]
fn a_custom_key_that_is_a_fields_name_is_a_duplicate_field() {
    for options in [Options::default(), Options::default().strict()] {
        let mut job = Job::new(JobStatus::Quote);
        job.custom_fields.insert("status".into(), "x".into());
        let built = job.validate_with(options).unwrap_err();
        // Written out, the key is there twice, which the reader refuses with the same error.
        let json = job.to_json();
        assert_eq!(json.matches(r#""status":"#).count(), 2, "{json}");
        let read = Job::check_json(json.as_bytes(), options);
        let issue = &duplicates(&built)[..];
        assert_eq!(issue.len(), 1, "{built:?}");
        assert_eq!(duplicates(&read), issue, "{options:?}");
        assert_eq!(
            (&*issue[0].field, &*issue[0].pointer),
            ("status", "/status")
        );
        assert_eq!(issue[0].value, None);
        assert!(issue[0].message().starts_with("appears more than once"));
        // It is not also an unknown key.
        assert!(built.warnings.is_empty(), "{built:?}");

        // A field the record leaves unset: its name in the map would hand the map's text to
        // the field, past its rules (`lat` is a number).
        let mut job = Job::new(JobStatus::Quote);
        job.custom_fields.insert("lat".into(), "north".into());
        let built = job.validate_with(options).unwrap_err();
        assert_eq!(
            errors(&built),
            pairs(&[("lat", Code::DuplicateField)]),
            "{options:?}"
        );
        // The reader of its JSON, which holds `lat` once, judges the text as the field's
        // (README, "One set of rules, two doors": a documented difference of the doors):
        // numeric text in lax mode, a number only in strict mode.
        let json = job.to_json();
        assert!(json.contains(r#""lat":"north""#), "{json}");
        let read = Job::check_json(json.as_bytes(), options);
        let code = if options.is_strict() {
            Code::Type
        } else {
            Code::Number
        };
        assert_eq!(errors(&read), pairs(&[("lat", code)]), "{options:?}");
    }
    // A custom key proper, and a key of another case, are what they were.
    let mut job = Job::new(JobStatus::Quote);
    job.custom_fields
        .insert("customfield_colour".into(), "red".into());
    job.custom_fields.insert("Status".into(), "x".into());
    let report = job.report(Options::default());
    assert!(!report.has_errors(), "{report:?}");
    assert_eq!(warnings(&report), pairs(&[("Status", Code::UnknownField)]));
}

/// A record whose wire names are serde's: a rename and an alias.
#[derive(Debug, Default, Schema)]
struct Site {
    #[serde(rename = "siteName", alias = "site")]
    site_name: Option<String>,
    #[schema(custom_prefix = "cf_")]
    #[serde(flatten)]
    extra: std::collections::BTreeMap<String, String>,
}

#[test]
fn a_custom_key_that_is_a_renamed_field_or_an_alias_is_a_duplicate_field() {
    for key in ["siteName", "site"] {
        let mut site = Site::default();
        site.extra.insert(key.into(), "x".into());
        let report = site.validate().unwrap_err();
        // Named as the reader names a value read under an alias: by the wire name.
        assert_eq!(
            errors(&report),
            pairs(&[("siteName", Code::DuplicateField)]),
            "{key}"
        );
    }
    // The Rust name is no wire name: an unknown key, a warning.
    let mut site = Site::default();
    site.extra.insert("site_name".into(), "x".into());
    let report = site.report(Options::default());
    assert!(!report.has_errors(), "{report:?}");
    assert_eq!(
        warnings(&report),
        pairs(&[("site_name", Code::UnknownField)])
    );
}

//! Read-only fields (issue 15, point 1): the API ignores them on create, so in lax mode each
//! takes any JSON scalar, with its `read_only` warning in the create and update directions
//! and nothing in the record direction; a format rule still judges a non-empty string.
//! Strict mode takes a string only, as the OpenAPI text gives it.

use job_schema::{AnyScalar, Code, Job, JobStatus, Options, Schema, Validate};
use job_schema_tests::{issues, option_sets};

/// The read-only fields of `Job`, in field order.
const READ_ONLY: [&str; 7] = [
    "edit_date",
    "generated_job_id",
    "total_invoice_amount",
    "payment_processed_stamp",
    "payment_received_stamp",
    "completion_actioned_by_uuid",
    "job_is_scheduled_until_stamp",
];

/// A value each read-only field takes as a string in every mode.
fn good_string(field: &str) -> &'static str {
    match field {
        "generated_job_id" => "1587",
        "total_invoice_amount" => "13328.8000",
        "completion_actioned_by_uuid" => "43b0a0f7-f363-4bd8-bc5a-233fe0847beb",
        _ => "2025-09-27 18:33:04",
    }
}

fn body(field: &str, value: &str) -> Vec<u8> {
    format!(r#"{{"status": "Quote", "{field}": {value}}}"#).into_bytes()
}

const NON_STRINGS: [&str; 5] = ["17", "1739155210000", "12.5", "true", "false"];

#[test]
fn the_table_lists_every_read_only_field_of_job() {
    let table: Vec<&str> = Job::FIELDS
        .iter()
        .filter(|f| f.class == job_schema::FieldClass::ReadOnly)
        .map(|f| f.name)
        .collect();
    assert_eq!(table, READ_ONLY);
}

#[test]
fn lax_takes_a_number_or_a_boolean_with_the_warning_in_create_and_update() {
    for field in READ_ONLY {
        for value in NON_STRINGS.into_iter().chain(["\"x\""]) {
            // "x" is a string: a format rule judges it. The others are not.
            if value == "\"x\"" && !matches!(field, "generated_job_id" | "total_invoice_amount") {
                continue;
            }
            let body = body(field, value);
            for options in [Options::default(), Options::default().update()] {
                let report = Job::check_json(&body, options);
                assert_eq!(
                    issues(&report),
                    [(field.to_string(), Code::ReadOnly, false)],
                    "{field}: {value} with {options:?}"
                );
            }
            let record = Job::check_json(&body, Options::default().record());
            assert!(record.is_empty(), "{field}: {value} in a record: {record}");
        }
    }
}

#[test]
fn generated_job_id_as_a_number_is_read_and_kept() {
    // What clients send: `Date.now()`.
    let read = Job::from_json(br#"{"status": "Quote", "generated_job_id": 1739155210000}"#)
        .expect("only a warning");
    assert_eq!(read.warnings.len(), 1);
    assert_eq!(read.warnings[0].code, Code::ReadOnly);
    assert_eq!(
        read.warnings[0].message(),
        "is read-only: the API ignores it in a create request"
    );
    assert_eq!(
        read.record.generated_job_id,
        Some(AnyScalar::Number(1_739_155_210_000_u64.into()))
    );
    // Written back as it came.
    assert!(read
        .record
        .to_json()
        .contains(r#""generated_job_id":1739155210000"#));
    let read = Job::from_json(br#"{"status": "Quote", "total_invoice_amount": 12.5}"#).unwrap();
    assert_eq!(
        read.record.total_invoice_amount.unwrap().to_string(),
        "12.5"
    );
    let read = Job::from_json(br#"{"status": "Quote", "edit_date": true}"#).unwrap();
    assert_eq!(read.record.edit_date, Some(AnyScalar::Bool(true)));
}

#[test]
fn a_format_rule_still_judges_a_non_empty_string_in_lax_mode() {
    let cases = [
        ("edit_date", "\"2026-02-10T02:53:30\"", Code::Datetime),
        (
            "payment_processed_stamp",
            "\"2026-02-30 10:00:00\"",
            Code::Datetime,
        ),
        ("payment_received_stamp", "\"yesterday\"", Code::Datetime),
        (
            "completion_actioned_by_uuid",
            "\"{43b0a0f7-f363-4bd8-bc5a-233fe0847beb}\"",
            Code::Uuid,
        ),
        (
            "job_is_scheduled_until_stamp",
            "\"2026-02-10\"",
            Code::Datetime,
        ),
    ];
    for (field, value, code) in cases {
        let body = body(field, value);
        let report = Job::check_json(&body, Options::default());
        assert_eq!(
            issues(&report),
            [
                (field.to_string(), code, true),
                (field.to_string(), Code::ReadOnly, false)
            ],
            "{field}: {value}"
        );
        // The same error in a stored record, without the warning.
        let record = Job::check_json(&body, Options::default().record());
        assert_eq!(issues(&record), [(field.to_string(), code, true)]);
    }
    let report = Job::check_json(
        &body("edit_date", "\"2026-02-10T02:53:30\""),
        Options::default(),
    );
    assert_eq!(
        report.errors[0].value.as_deref(),
        Some("2026-02-10T02:53:30")
    );
}

#[test]
fn an_empty_string_is_unset_and_still_draws_the_warning() {
    for field in READ_ONLY {
        for value in ["\"\"", "null"] {
            let body = body(field, value);
            let report = Job::check_json(&body, Options::default());
            assert_eq!(
                issues(&report),
                [(field.to_string(), Code::ReadOnly, false)],
                "{field}: {value}"
            );
            assert!(Job::check_json(&body, Options::default().record()).is_empty());
        }
    }
    // A field with a format rule keeps `""` and a zero date as unset.
    let read = Job::from_json(br#"{"status": "Quote", "edit_date": "", "payment_processed_stamp": "0000-00-00 00:00:00"}"#)
        .unwrap();
    assert_eq!(read.record.edit_date, None);
    assert_eq!(read.record.payment_processed_stamp, None);
}

#[test]
fn strict_takes_a_string_only() {
    for field in READ_ONLY {
        for value in NON_STRINGS {
            let body = body(field, value);
            // Create and update: the warning is an error, and so is the JSON type.
            for options in [
                Options::default().strict(),
                Options::default().strict().update(),
            ] {
                let report = Job::check_json(&body, options);
                assert_eq!(
                    issues(&report),
                    [
                        (field.to_string(), Code::ReadOnly, true),
                        (field.to_string(), Code::Type, true)
                    ],
                    "{field}: {value} with {options:?}"
                );
            }
            let report = Job::check_json(&body, Options::default().strict().record());
            assert_eq!(issues(&report), [(field.to_string(), Code::Type, true)]);
            let expected = if value.starts_with(['t', 'f']) {
                format!("expected string, got boolean {value}")
            } else if value.contains('.') {
                format!("expected string, got number {value}")
            } else {
                format!("expected string, got integer {value}")
            };
            assert_eq!(report.errors[0].message(), expected);
        }
        // A good string: nothing in a stored record, the warning's error on create.
        let body = body(field, &format!("\"{}\"", good_string(field)));
        assert!(Job::check_json(&body, Options::default().strict().record()).is_empty());
        let report = Job::check_json(&body, Options::default().strict());
        assert_eq!(issues(&report), [(field.to_string(), Code::ReadOnly, true)]);
    }
}

/// Sets read-only field `field` of a job built in code.
fn set(job: &mut Job, field: &str, value: AnyScalar) {
    let slot = match field {
        "edit_date" => &mut job.edit_date,
        "generated_job_id" => &mut job.generated_job_id,
        "total_invoice_amount" => &mut job.total_invoice_amount,
        "payment_processed_stamp" => &mut job.payment_processed_stamp,
        "payment_received_stamp" => &mut job.payment_received_stamp,
        "completion_actioned_by_uuid" => &mut job.completion_actioned_by_uuid,
        "job_is_scheduled_until_stamp" => &mut job.job_is_scheduled_until_stamp,
        other => panic!("not read-only: {other}"),
    };
    *slot = Some(value);
}

#[test]
fn validate_on_a_built_job_agrees_with_the_reader_in_every_mode_and_direction() {
    let values = [
        AnyScalar::Number(17.into()),
        AnyScalar::Number(serde_json::Number::from_f64(12.5).unwrap()),
        AnyScalar::Bool(false),
        AnyScalar::String("x".into()),
        AnyScalar::String("2026-02-10T02:53:30".into()),
    ];
    let mut compared = 0;
    for field in READ_ONLY {
        for value in &values {
            let mut job = Job::new(JobStatus::Quote);
            set(&mut job, field, value.clone());
            let json = serde_json::to_string(&serde_json::json!({"status": "Quote", field: value}))
                .unwrap();
            for options in option_sets() {
                let read = Job::check_json(json.as_bytes(), options);
                assert_eq!(job.report(options), read, "{json} with {options:?}");
                compared += 1;
            }
        }
    }
    assert_eq!(compared, 7 * 5 * 6);
}

#[test]
fn a_record_read_in_lax_mode_validates_as_it_was_read() {
    // from_json builds the record; validate() on it finds what the reader found.
    for field in READ_ONLY {
        for value in NON_STRINGS {
            let body = body(field, value);
            for options in [
                Options::default(),
                Options::default().record(),
                Options::default().update(),
            ] {
                let read = Job::from_json_with(&body, options).expect("warnings only");
                assert_eq!(read.record.report(options).warnings, read.warnings);
                assert!(read.record.validate_with(options).is_ok());
                // And its canonical JSON reads back to the same record.
                let again = Job::from_json_with(read.record.to_json().as_bytes(), options).unwrap();
                assert_eq!(again.record, read.record);
            }
        }
    }
}

#[test]
fn serde_reads_a_read_only_number_as_from_json_does() {
    let body = r#"{"status": "Quote", "generated_job_id": 17, "edit_date": false}"#;
    let job: Job = serde_json::from_str(body).unwrap();
    assert_eq!(job, Job::from_json(body.as_bytes()).unwrap().record);
    assert_eq!(job.generated_job_id, Some(AnyScalar::Number(17.into())));
}

/// A generic `#[schema(read_only)]` field keeps its own type: a `String` takes strings only,
/// an `AnyScalar` any scalar in lax mode.
#[derive(Debug, Schema)]
struct Ticket {
    #[schema(required)]
    title: String,
    #[schema(read_only)]
    number: Option<String>,
    #[schema(read_only, datetime)]
    seen: Option<AnyScalar>,
}

#[test]
fn a_user_struct_chooses_by_the_field_type() {
    let report = Ticket::check_json(
        br#"{"title": "t", "number": 17, "seen": 17}"#,
        Options::default(),
    );
    assert_eq!(
        issues(&report),
        [
            ("number".to_string(), Code::Type, true),
            ("number".to_string(), Code::ReadOnly, false),
            ("seen".to_string(), Code::ReadOnly, false),
        ]
    );
    let read = Ticket::from_json(br#"{"title": "t", "seen": "2026-02-10 02:53:30"}"#).unwrap();
    assert_eq!(
        read.record.seen.as_ref().and_then(AnyScalar::as_str),
        Some("2026-02-10 02:53:30")
    );
    assert_eq!(read.record.number, None);
    let strict = Ticket::check_json(
        br#"{"title": "t", "seen": 17}"#,
        Options::default().strict().record(),
    );
    assert_eq!(issues(&strict), [("seen".to_string(), Code::Type, true)]);
}

/// The fields of `Job` that take any JSON scalar in lax mode (`AnyScalar`): the read-only
/// ones and the deprecated ones that real traffic fills with numbers and booleans.
fn any_scalar_fields() -> Vec<&'static str> {
    let fields = Job::FIELDS.iter();
    let any = fields.filter(|f| f.shape == job_schema::Shape::Any);
    any.map(|f| f.name).collect()
}

/// The report of `body` by `check_json`, after checking that `from_json` gives the same one
/// (its warnings alone when it accepts the body).
fn both_doors(body: &[u8], options: Options) -> job_schema::Report {
    let checked = Job::check_json(body, options);
    let built = match Job::from_json_with(body, options) {
        Ok(parsed) => job_schema::Report {
            warnings: parsed.warnings,
            ..Default::default()
        },
        Err(report) => report,
    };
    assert_eq!(checked, built, "{}", String::from_utf8_lossy(body));
    checked
}

#[test]
fn a_number_beyond_a_double_is_any_other_number_in_a_field_that_takes_any_scalar() {
    let fields = any_scalar_fields();
    assert!(fields.contains(&"edit_date") && fields.contains(&"payment_amount"));
    assert_eq!(fields.len(), 7 + 9, "{fields:?}");
    let mut compared = 0;
    for field in fields {
        for huge in ["1e400", "-1e400", "1E+999"] {
            let finite = body(field, "12.5");
            let huge_body = body(field, huge);
            for options in option_sets() {
                let report = both_doors(&huge_body, options);
                let like = both_doors(&finite, options);
                // The issues a finite number draws, no more: the class warning in lax mode
                // (an error in strict mode), and strict mode's `type` error in a read-only
                // field, which takes a string only; a value echoed as written.
                assert_eq!(
                    issues(&report),
                    issues(&like),
                    "{field}: {huge} {options:?}"
                );
                for issue in report.errors.iter().chain(&report.warnings) {
                    if issue.code == Code::Type {
                        assert_eq!(issue.value.as_deref(), Some(huge));
                        assert_eq!(
                            issue.message(),
                            format!("expected string, got number {huge}")
                        );
                    } else {
                        assert_eq!(issue.value, None);
                    }
                }
                if !options.is_strict() {
                    assert!(
                        !report.has_errors(),
                        "{field}: {huge} {options:?}: {report}"
                    );
                    assert_eq!(report, like);
                }
                compared += 1;
            }
        }
    }
    assert_eq!(compared, 16 * 3 * 6);
}

#[test]
fn a_number_beyond_a_double_leaves_an_any_scalar_field_unset_in_the_record() {
    // The audit's bodies: a read-only and a deprecated field.
    for (field, code) in [
        ("edit_date", Code::ReadOnly),
        ("payment_amount", Code::Deprecated),
    ] {
        let body = body(field, "1e400");
        let read = Job::from_json(&body).expect("only a warning");
        let warnings: Vec<(&str, Code)> =
            read.warnings.iter().map(|w| (&*w.field, w.code)).collect();
        assert_eq!(warnings, [(field, code)]);
        // `AnyScalar` keeps a number as a `serde_json::Number` (a finite double or a 64-bit
        // integer), which cannot hold it: the field is unset, as if the key were absent,
        // and the record written back is valid JSON without it.
        assert_eq!(read.record, Job::new(JobStatus::Quote));
        let json = read.record.to_json();
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert!(value.get(field).is_none(), "{json}");
        assert!(!json.contains("null") && !json.contains("inf"), "{json}");
    }
}

/// A user's list of any scalars.
#[derive(Debug, Schema)]
struct Bag {
    items: Vec<AnyScalar>,
    one: Option<AnyScalar>,
}

#[test]
fn a_list_of_any_scalars_leaves_out_an_element_beyond_a_double() {
    let body = br#"{"items": [1, -1e400, "x"], "one": 1e400}"#;
    let checked = Bag::check_json(body, Options::default());
    assert!(checked.is_empty(), "{checked}");
    let read = Bag::from_json(body).expect("no issue");
    assert!(read.warnings.is_empty());
    assert_eq!(
        read.record.items,
        [AnyScalar::Number(1.into()), AnyScalar::String("x".into())]
    );
    assert_eq!(read.record.one, None);
}

/// The review's struct: fields of any scalar where an unset value would not stand for the
/// key's absence (a required `Option`, a plain field, a required list), and two where it
/// does (an `Option`, a list, neither required).
#[derive(Debug, Schema, serde::Serialize)]
struct Held {
    #[schema(required)]
    x: Option<AnyScalar>,
    y: AnyScalar,
    #[schema(required)]
    z: Vec<AnyScalar>,
    #[serde(skip_serializing_if = "Option::is_none")]
    free: Option<AnyScalar>,
    many: Vec<AnyScalar>,
}

/// The report of `body` for `Held` by `check_json`, after checking that `from_json_with`
/// gives the same one (its warnings alone when it accepts the body), and that a record it
/// builds passes its own `validate_with` and reads back from its JSON without an issue.
fn held_both_doors(body: &str, options: Options) -> job_schema::Report {
    let checked = Held::check_json(body.as_bytes(), options);
    let built = match Held::from_json_with(body.as_bytes(), options) {
        Ok(parsed) => {
            let json = serde_json::to_string(&parsed.record).expect("serializes");
            let own = parsed.record.validate_with(options);
            assert!(own.is_ok(), "{body} -> {json}: {}", own.unwrap_err());
            let again = Held::check_json(json.as_bytes(), options);
            assert!(!again.has_errors(), "{body} -> {json}: {again}");
            job_schema::Report {
                warnings: parsed.warnings,
                ..Default::default()
            }
        }
        Err(report) => report,
    };
    assert_eq!(checked, built, "{body}");
    checked
}

#[test]
fn a_number_beyond_a_double_is_a_type_error_where_unset_is_not_absence() {
    for options in option_sets() {
        // The review's body: each of the three fields gets the old `type` error ("does not
        // fit"), echoing the number as written; no field is reported `required`.
        let report = held_both_doors(r#"{"x": 1e400, "y": -1e400, "z": [1, 1E+999]}"#, options);
        let found: Vec<(&str, Code, Option<&str>)> = report
            .errors
            .iter()
            .map(|i| (&*i.field, i.code, i.value.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("x", Code::Type, Some("1e400")),
                ("y", Code::Type, Some("-1e400")),
                ("z[1]", Code::Type, Some("1E+999")),
            ],
            "{options:?}: {report}"
        );
        for issue in &report.errors {
            assert!(issue.message().contains("does not fit"), "{issue:?}");
        }
        // Where unset stands for absence the number leaves the field unset (the element
        // out), as before, and the record passes its own check (in `held_both_doors`).
        let body = r#"{"x": 1, "y": "a", "z": [2], "free": 1e400, "many": [-1e400, 3]}"#;
        let report = held_both_doors(body, options);
        assert!(!report.has_errors(), "{options:?}: {report}");
        let read = Held::from_json_with(body.as_bytes(), options).expect("no error");
        assert_eq!(read.record.free, None);
        assert_eq!(read.record.many, [AnyScalar::Number(3.into())]);
        // A list that is not required may become empty: still the key's absence.
        let read = Held::from_json_with(br#"{"x": 1, "z": [2], "many": [1e400]}"#, options)
            .expect("no error");
        assert!(read.record.many.is_empty());
    }
}

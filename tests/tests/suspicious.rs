//! Values the rules accept but that are almost certainly a mistake (issue 15, point 4), and
//! `#[schema(check_value = "...")]`, the hook both doors call with every set value.

use job_schema::{
    Code, Direction, FieldSpec, Job, JobStatus, Options, Path, Scalar, Schema, Sink, Validate,
    Violation,
};
use job_schema_tests::issues;

const MESSAGE: &str = "is 0 in a create request: the job would be created already deleted \
    (0 = deleted, what the API's delete sets); leave `active` out or send 1";

#[test]
fn active_0_in_a_create_body_is_a_warning_in_every_lax_spelling() {
    for value in ["0", "false", "\"0\"", "-0"] {
        let body = format!(r#"{{"status": "Quote", "active": {value}}}"#);
        let read = Job::from_json(body.as_bytes()).expect("a warning, no error");
        assert_eq!(read.record.active, Some(0));
        assert_eq!(read.warnings.len(), 1, "{value}");
        let warning = &read.warnings[0];
        assert_eq!(
            (&*warning.field, warning.code),
            ("active", Code::CreatedInactive)
        );
        assert_eq!(warning.code.as_str(), "created_inactive");
        assert_eq!(warning.pointer, "/active");
        assert_eq!(warning.value.as_deref(), Some("0"));
        assert_eq!(warning.message(), MESSAGE);
        assert_eq!(warning.params, job_schema::Params::Empty);
    }
}

#[test]
fn active_1_absent_or_unset_draws_nothing() {
    for body in [
        r#"{"status": "Quote", "active": 1}"#,
        r#"{"status": "Quote", "active": true}"#,
        r#"{"status": "Quote", "active": ""}"#,
        r#"{"status": "Quote", "active": null}"#,
        r#"{"status": "Quote"}"#,
    ] {
        assert!(
            Job::check_json(body.as_bytes(), Options::default()).is_empty(),
            "{body}"
        );
    }
    // A bad flag is its own error and nothing more.
    let report = Job::check_json(br#"{"status": "Quote", "active": 2}"#, Options::default());
    assert_eq!(
        issues(&report),
        [("active".to_string(), Code::Bool01, true)]
    );
}

#[test]
fn strict_mode_makes_it_an_error() {
    let body = br#"{"status": "Quote", "active": 0}"#;
    let report = Job::check_json(body, Options::default().strict());
    assert_eq!(
        issues(&report),
        [("active".to_string(), Code::CreatedInactive, true)]
    );
    assert_eq!(report.errors[0].message(), MESSAGE);
    // `false` is not a strict flag: its type error, and nothing said about the value.
    let report = Job::check_json(
        br#"{"status": "Quote", "active": false}"#,
        Options::default().strict(),
    );
    assert_eq!(issues(&report), [("active".to_string(), Code::Type, true)]);
}

#[test]
fn an_update_or_a_stored_record_with_active_0_draws_nothing() {
    let body = br#"{"status": "Quote", "active": 0}"#;
    for options in [
        Options::default().update(),
        Options::default().strict().update(),
        Options::default().record(),
        Options::default().strict().record(),
    ] {
        assert!(Job::check_json(body, options).is_empty(), "{options:?}");
    }
}

#[test]
fn validate_on_a_built_job_agrees_with_the_reader() {
    let mut job = Job::new(JobStatus::Quote);
    job.active = Some(0);
    let body = br#"{"status": "Quote", "active": 0}"#;
    for options in [
        Options::default(),
        Options::default().strict(),
        Options::default().update(),
        Options::default().strict().update(),
        Options::default().record(),
        Options::default().strict().record(),
    ] {
        assert_eq!(
            job.report(options),
            Job::check_json(body, options),
            "{options:?}"
        );
    }
    assert!(job.validate().is_ok(), "a warning only");
    assert_eq!(
        job.report(Options::default()).warnings[0].code,
        Code::CreatedInactive
    );
}

#[test]
fn the_warning_takes_its_place_in_field_order() {
    // `active` comes after `completion_date` and before the read-only fields.
    let body = br#"{"edit_date": "2026-03-01 12:00:00", "active": 0, "status": "Quote", "payment_note": "x"}"#;
    let report = Job::check_json(body, Options::default());
    assert_eq!(
        issues(&report),
        [
            ("payment_note".to_string(), Code::Deprecated, false),
            ("active".to_string(), Code::CreatedInactive, false),
            ("edit_date".to_string(), Code::ReadOnly, false),
        ]
    );
}

/// A user's hook: a visit may not be booked on the 29th of February (a made-up rule), and a
/// tag `"todo"` is worth a warning wherever it stands.
fn check_visit(field: &FieldSpec, value: Scalar<'_>, path: &Path<'_>, sink: &mut Sink<'_>) {
    match (field.name, value) {
        ("day", Scalar::Str(day)) if day.ends_with("-02-29") => {
            sink.error(
                path,
                Violation::new(Code::Date, "no visits on leap days"),
                Some(day),
            );
        }
        ("tags", Scalar::Str("todo")) if sink.options().direction != Direction::Record => {
            sink.warn(
                path,
                Violation::new(Code::CreatedInactive, "a tag left to do"),
                Some("todo"),
            );
        }
        _ => {}
    }
}

#[derive(Debug, Schema)]
#[schema(check_value = "check_visit")]
struct Visit {
    #[schema(date)]
    day: Option<String>,
    tags: Vec<String>,
}

#[test]
fn a_user_struct_hook_sees_each_value_in_both_doors() {
    let body = br#"{"day": "2028-02-29", "tags": ["ok", "todo"]}"#;
    let report = Visit::check_json(body, Options::default());
    assert_eq!(
        issues(&report),
        [
            ("day".to_string(), Code::Date, true),
            ("tags[1]".to_string(), Code::CreatedInactive, false),
        ]
    );
    let built = Visit {
        day: Some("2028-02-29".into()),
        tags: vec!["ok".into(), "todo".into()],
    };
    assert_eq!(built.report(Options::default()), report);
    // The hook runs after the field's rules (whatever they found), and not on an unset
    // value.
    let report = Visit::check_json(br#"{"day": "2027-02-29", "tags": []}"#, Options::default());
    let messages: Vec<String> = report
        .errors
        .iter()
        .map(|i| i.message().into_owned())
        .collect();
    assert_eq!(messages.len(), 2);
    assert_ne!(messages[0], "no visits on leap days");
    assert_eq!(messages[1], "no visits on leap days");
    assert!(Visit::check_json(br#"{"day": ""}"#, Options::default()).is_empty());
    assert!(Visit::check_json(br#"{"tags": ["todo"]}"#, Options::default().record()).is_empty());
}

/// A hook that counts the values it is handed.
fn count_values(_: &FieldSpec, _: Scalar<'_>, path: &Path<'_>, sink: &mut Sink<'_>) {
    sink.warn(
        path,
        Violation::new(Code::CreatedInactive, "a value was seen"),
        None,
    );
}

#[derive(Debug, Schema)]
#[schema(check_value = "count_values")]
struct Stamped {
    #[schema(datetime)]
    at: Option<String>,
    #[schema(uuid)]
    by: Option<String>,
}

#[test]
fn the_hook_never_sees_what_lax_mode_reads_as_unset_in_either_door() {
    // The reader stores these as unset and never hands them to the hook; a record built
    // with them must not hand them over either.
    for (at, by) in [("", ""), ("0000-00-00 00:00:00", "")] {
        let body = format!(r#"{{"at": "{at}", "by": "{by}"}}"#);
        assert!(Stamped::check_json(body.as_bytes(), Options::default()).is_empty());
        let built = Stamped {
            at: Some(at.into()),
            by: Some(by.into()),
        };
        assert!(built.report(Options::default()).is_empty(), "{at:?} {by:?}");
    }
    // A set value reaches it in both doors, once.
    let body = br#"{"at": "2026-03-01 09:00:00", "by": ""}"#;
    let built = Stamped {
        at: Some("2026-03-01 09:00:00".into()),
        by: Some(String::new()),
    };
    let read = Stamped::check_json(body, Options::default());
    assert_eq!(read.warnings.len(), 1);
    assert_eq!(built.report(Options::default()), read);
}

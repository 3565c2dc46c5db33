//! Feature `validator`: `validator::Validate` for `Job` and for a struct with
//! `#[schema(validator)]`, and `From<Report> for ValidationErrors`: the report's errors with
//! their codes, parameters and messages, placed by path; warnings dropped.
#![cfg(feature = "validator")]

use std::borrow::Cow;

use job_schema::{AnyScalar, Job, JobStatus, Options, Report, Schema};
use serde_json::{json, Value};
use validator::{ValidationErrors, ValidationErrorsKind};

/// `validator::Validate::validate`, named in full: `job_schema::Validate` has a `validate`
/// too.
fn validator_validate<T: validator::Validate>(value: &T) -> Result<(), ValidationErrors> {
    validator::Validate::validate(value)
}

fn job_schema_validate<T: job_schema::Validate>(value: &T) -> Result<(), Report> {
    job_schema::Validate::validate(value)
}

const UUID: &str = "c7319be2-03f5-46fc-be02-2341cca844db";

#[test]
fn a_bad_job_gives_validator_errors_with_the_reports_codes_params_and_messages() {
    let mut job = Job::new(JobStatus::WorkOrder);
    job.status = "Work order".into();
    job.queue_uuid = Some(format!("{{{UUID}}}"));
    let errors = validator_validate(&job).unwrap_err();
    // Written from the README's example of the same job and the report's documented params.
    assert_eq!(
        serde_json::to_value(&errors).unwrap(),
        json!({
            "status": [{
                "code": "enum_values",
                "message": "\"Work order\" is not one of \"Quote\", \"Work Order\", \"Unsuccessful\", \"Completed\"; did you mean \"Work Order\"?",
                "params": {
                    "allowed": ["Quote", "Work Order", "Unsuccessful", "Completed"],
                    "suggestion": "Work Order",
                    "value": "Work order"
                }
            }],
            "queue_uuid": [{
                "code": "uuid",
                "message": "\"{c7319be2-03f5-46fc-be02-2341cca844db}\" is not a UUID (8-4-4-4-12 hex digits, no braces)",
                "params": {"format": "8-4-4-4-12 hex digits", "value": "{c7319be2-03f5-46fc-be02-2341cca844db}"}
            }]
        })
    );
    // validator's own `Display` reads the messages.
    let text = errors.to_string();
    assert!(
        text.contains("status: \"Work order\" is not one of"),
        "{text}"
    );
}

#[test]
fn warnings_alone_pass_as_they_do_in_validate() {
    let mut job = Job::new(JobStatus::Quote);
    job.payment_note = Some(AnyScalar::String("paid".into())); // deprecated: a warning
    job.edit_date = Some("2026-03-01 12:00:00".into()); // read-only: a warning
    let report = job_schema::Validate::report(&job, Options::default());
    assert_eq!(report.warnings.len(), 2);
    assert!(job_schema_validate(&job).is_ok());
    assert_eq!(validator_validate(&job), Ok(()));

    // From a report that has both, only the errors are kept.
    job.status = "Done".into();
    let report = job_schema::Validate::report(&job, Options::default());
    let errors = ValidationErrors::from(report);
    let keys: Vec<&str> = errors.errors().keys().map(|k| &**k).collect();
    assert_eq!(keys, ["status"]);
}

#[test]
fn badge_elements_are_errors_of_the_badges_field_with_their_index() {
    let mut job = Job::new(JobStatus::Quote);
    job.badges = Some(format!(r#"["{UUID}", "x", "y"]"#));
    let errors = validator_validate(&job).unwrap_err();
    let ValidationErrorsKind::Field(badges) = &errors.errors()["badges"] else {
        panic!("{errors:?}")
    };
    let indices: Vec<&Value> = badges.iter().map(|e| &e.params["index"]).collect();
    assert_eq!(indices, [&json!(1), &json!(2)]);
    assert_eq!(badges[0].code, "uuid_list");
    assert_eq!(
        badges[0].message.as_deref(),
        Some("element 1, \"x\", is not a UUID")
    );
}

#[test]
fn omitted_issues_stay_an_error() {
    let mut job = Job::new(JobStatus::Quote);
    let bad: Vec<String> = (0..1500).map(|i| format!("\"bad{i}\"")).collect();
    job.badges = Some(format!("[{}]", bad.join(",")));
    let errors = validator_validate(&job).unwrap_err();
    let ValidationErrorsKind::Field(badges) = &errors.errors()["badges"] else {
        panic!()
    };
    assert_eq!(badges.len(), 1000);
    let ValidationErrorsKind::Field(all) = &errors.errors()["__all__"] else {
        panic!()
    };
    assert_eq!(all[0].code, "omitted");
    assert_eq!(all[0].params["omitted"], json!(500));
    assert_eq!(all[0].message.as_deref(), Some("… and 500 more issues"));
}

/// Opts in; its serde `Deserialize` is serde's own, so a web stack reads it with serde and
/// checks it with `validator::Validate`.
#[derive(Debug, Schema, serde::Deserialize)]
#[schema(validator)]
struct Visit {
    #[schema(required, max_len = 10)]
    site: String,
    address: Option<Address>,
    parts: Vec<Part>,
    #[schema(uuid)]
    staff: Vec<String>,
}

#[derive(Debug, Schema, serde::Deserialize)]
struct Address {
    #[schema(required)]
    city: String,
    #[schema(bool01)]
    verified: Option<u8>,
}

#[derive(Debug, Schema, serde::Deserialize)]
struct Part {
    #[schema(max_len = 3)]
    name: String,
}

fn bad_visit() -> Visit {
    Visit {
        site: "Depot".into(),
        address: Some(Address {
            city: String::new(),
            verified: Some(2),
        }),
        parts: vec![
            Part { name: "ok".into() },
            Part {
                name: "bolts".into(),
            },
        ],
        staff: vec![UUID.into(), "nope".into()],
    }
}

#[test]
fn nested_structs_are_struct_errors_and_list_elements_list_errors() {
    let errors = validator_validate(&bad_visit()).unwrap_err();
    let map = errors.errors();
    assert_eq!(map.len(), 3, "{errors:?}");
    let ValidationErrorsKind::Struct(address) = &map["address"] else {
        panic!()
    };
    let fields = address.field_errors();
    assert_eq!(fields["city"][0].code, "required");
    assert_eq!(fields["verified"][0].code, "bool01");
    assert_eq!(
        fields["verified"][0].message.as_deref(),
        Some("2 is not 0 or 1")
    );

    let ValidationErrorsKind::List(parts) = &map["parts"] else {
        panic!()
    };
    assert_eq!(parts.keys().copied().collect::<Vec<_>>(), [1]);
    let part = parts[&1].field_errors();
    assert_eq!(part["name"][0].code, "max_len");
    assert_eq!(part["name"][0].params["limit"], json!(3));
    assert_eq!(part["name"][0].params["value"], json!("bolts"));

    // An element of a list of text: its own errors, under validator's `__all__`.
    let ValidationErrorsKind::List(staff) = &map["staff"] else {
        panic!()
    };
    let element = staff[&1].field_errors();
    assert_eq!(element["__all__"][0].code, "uuid");

    // The same errors, one by one, as the report's.
    let report = job_schema_validate(&bad_visit()).unwrap_err();
    assert_eq!(flatten(&errors), from_report(&report));
}

#[test]
fn a_report_of_an_array_and_of_malformed_json() {
    let report = Job::check_json_array(
        br#"[{"status": "Quote"}, {"status": "Done"}]"#,
        Options::default().record(),
    );
    let errors = ValidationErrors::from(report);
    let ValidationErrorsKind::Struct(second) = &errors.errors()["1"] else {
        panic!("{errors:?}")
    };
    assert_eq!(second.field_errors()["status"][0].code, "enum_values");

    let report = Job::check_json(b"{\"status\": ", Options::default());
    let errors = ValidationErrors::from(report);
    let all = &errors.field_errors()["__all__"];
    assert_eq!(all[0].code, "json_syntax");
    assert!(all[0].params.contains_key("line"));
}

#[test]
fn a_code_this_release_does_not_know_keeps_its_name_as_sent() {
    // A report of a later release read back: one unknown code, one known.
    let json = concat!(
        r#"{"errors":[{"field":"lat","pointer":"/lat","code":"some_later_code","#,
        r#""message":"is too far north","params":{"limit":80,"length":95},"value":"95"},"#,
        r#"{"field":"status","pointer":"/status","code":"required","#,
        r#""message":"is required","params":{},"value":null}],"warnings":[]}"#
    );
    let report: Report = serde_json::from_str(json).unwrap();
    let errors = ValidationErrors::from(report);
    let fields = errors.field_errors();
    let lat = &fields["lat"][0];
    assert_eq!(lat.code, "some_later_code");
    assert_ne!(lat.code, "unrecognized");
    assert_eq!(lat.message.as_deref(), Some("is too far north"));
    assert_eq!(lat.params["limit"], json!(80));
    assert_eq!(lat.params["value"], json!("95"));
    assert_eq!(fields["status"][0].code, "required");
}

/// A report of a strict read where a nested struct is deprecated (an error) and has errors
/// of its own fields: both kept, the struct's own under `__all__`.
#[test]
fn a_value_with_errors_of_its_own_and_of_its_fields_keeps_both() {
    #[derive(Schema)]
    struct Outer {
        #[schema(deprecated)]
        inner: Option<Address>,
    }
    let report = Outer::check_json(br#"{"inner": {"city": ""}}"#, Options::default().strict());
    assert_eq!(report.errors.len(), 2, "{report}");
    let errors = ValidationErrors::from(report);
    let ValidationErrorsKind::Struct(inner) = &errors.errors()["inner"] else {
        panic!()
    };
    let fields = inner.field_errors();
    assert_eq!(fields["__all__"][0].code, "deprecated");
    assert_eq!(fields["city"][0].code, "required");
}

/// Every error of a `ValidationErrors` tree: (path, code, message, params), the path written
/// as the report writes it, `__all__` standing for the value itself. In tree order: keys
/// sorted, each field's errors in order.
fn flatten(errors: &ValidationErrors) -> Vec<(String, String, String, Value)> {
    fn walk(
        prefix: &str,
        errors: &ValidationErrors,
        out: &mut Vec<(String, String, String, Value)>,
    ) {
        let mut keys: Vec<&Cow<'static, str>> = errors.errors().keys().collect();
        keys.sort();
        for key in keys {
            let path = match (&**key, prefix.is_empty()) {
                ("__all__", _) => prefix.to_owned(),
                (key, true) => key.to_owned(),
                (key, false) => format!("{prefix}.{key}"),
            };
            match &errors.errors()[key] {
                ValidationErrorsKind::Field(list) => {
                    for e in list {
                        let params: serde_json::Map<String, Value> = e
                            .params
                            .iter()
                            .map(|(k, v)| (k.to_string(), v.clone()))
                            .collect();
                        out.push((
                            path.clone(),
                            e.code.to_string(),
                            e.message.as_deref().unwrap_or_default().to_owned(),
                            Value::Object(params),
                        ));
                    }
                }
                ValidationErrorsKind::Struct(inner) => walk(&path, inner, out),
                ValidationErrorsKind::List(items) => {
                    for (i, inner) in items {
                        walk(&format!("{path}[{i}]"), inner, out);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk("", errors, &mut out);
    out
}

/// A report's errors as [`flatten`] gives them: the field path without an index inside a
/// string (`badges[2]` is an error of `badges`), the parameters with the echoed value, in
/// the order of the field paths (stable: one field's errors keep their order).
fn from_report(report: &Report) -> Vec<(String, String, String, Value)> {
    let mut out: Vec<(String, String, String, Value)> = report
        .errors
        .iter()
        .map(|issue| {
            let mut path = issue.field.to_string();
            if !issue.pointer.ends_with(']')
                && path.ends_with(']')
                && issue.pointer.split('/').count() == path.split(['.', '[']).count()
            {
                path.truncate(path.rfind('[').unwrap());
            }
            let mut params = serde_json::to_value(&issue.params).unwrap();
            if let Some(value) = &issue.value {
                params["value"] = Value::String(value.to_string());
            }
            (
                path,
                issue.code.as_str().to_owned(),
                issue.message().into_owned(),
                params,
            )
        })
        .collect();
    out.sort_by_key(|a| sort_key(&a.0));
    out
}

/// The order of [`flatten`]: keys as text, indices as numbers.
fn sort_key(path: &str) -> Vec<(String, usize)> {
    path.split('.')
        .flat_map(|part| {
            let mut pieces = part.split('[');
            let name = pieces.next().unwrap_or_default().to_owned();
            std::iter::once((name, 0)).chain(pieces.map(|p| {
                (
                    String::new(),
                    p.trim_end_matches(']').parse::<usize>().unwrap_or(0) + 1,
                )
            }))
        })
        .collect()
}

/// A small deterministic generator (xorshift), so that the jobs are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }
    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }
}

type Text = fn(&mut Job) -> &mut Option<String>;
const TEXTS: [Text; 26] = [
    |j| &mut j.created_by_staff_uuid,
    |j| &mut j.date,
    |j| &mut j.company_uuid,
    |j| &mut j.billing_address,
    |j| &mut j.category_uuid,
    |j| &mut j.purchase_order_number,
    |j| &mut j.invoice_sent_stamp,
    |j| &mut j.geo_country,
    |j| &mut j.geo_postcode,
    |j| &mut j.geo_state,
    |j| &mut j.geo_city,
    |j| &mut j.geo_street,
    |j| &mut j.geo_number,
    |j| &mut j.queue_uuid,
    |j| &mut j.queue_expiry_date,
    |j| &mut j.queue_assigned_staff_uuid,
    |j| &mut j.badges,
    |j| &mut j.quote_date,
    |j| &mut j.quote_sent_stamp,
    |j| &mut j.work_order_date,
    |j| &mut j.uuid,
    |j| &mut j.job_address,
    |j| &mut j.job_description,
    |j| &mut j.work_done_description,
    |j| &mut j.completion_date,
    |j| &mut j.unsuccessful_date,
];
type Flag = fn(&mut Job) -> &mut Option<u8>;
const FLAGS: [Flag; 6] = [
    |j| &mut j.geo_is_valid,
    |j| &mut j.invoice_sent,
    |j| &mut j.quote_sent,
    |j| &mut j.payment_processed,
    |j| &mut j.payment_received,
    |j| &mut j.active,
];
type Scalar = fn(&mut Job) -> &mut Option<AnyScalar>;
// The deprecated fields, then the read-only ones (any scalar in lax mode).
const SCALARS: [Scalar; 16] = [
    |j| &mut j.payment_date,
    |j| &mut j.payment_actioned_by_uuid,
    |j| &mut j.payment_method,
    |j| &mut j.payment_amount,
    |j| &mut j.payment_note,
    |j| &mut j.ready_to_invoice,
    |j| &mut j.ready_to_invoice_stamp,
    |j| &mut j.active_network_request_uuid,
    |j| &mut j.related_knowledge_articles,
    |j| &mut j.edit_date,
    |j| &mut j.generated_job_id,
    |j| &mut j.total_invoice_amount,
    |j| &mut j.payment_processed_stamp,
    |j| &mut j.payment_received_stamp,
    |j| &mut j.completion_actioned_by_uuid,
    |j| &mut j.job_is_scheduled_until_stamp,
];

/// A mutation of `job`: a few fields set to values each rule's edge cases come from.
fn mutate(job: &mut Job, rng: &mut Rng) {
    let long = "x".repeat(501);
    let texts = [
        UUID,
        "C7319BE2-03F5-46FC-BE02-2341CCA844DB",
        "{c7319be2-03f5-46fc-be02-2341cca844db}",
        "c7319be203f546fcbe022341cca844db",
        "2026-02-28 09:00:00",
        "2026-02-30 09:00:00",
        "0000-00-00 00:00:00",
        "0000-00-00",
        "2026-02-28",
        "24:00",
        "",
        " ",
        "Quote",
        "1.5",
        "-27.5",
        "north",
        "[]",
        r#"["c7319be2-03f5-46fc-be02-2341cca844db"]"#,
        r#"["x", 7]"#,
        "[",
        "\u{202e}evil\n",
        &long,
    ];
    let statuses = [
        "Quote",
        "Work Order",
        "Unsuccessful",
        "Completed",
        "quote",
        "Done",
        "",
    ];
    let floats = [
        -27.5,
        153.0,
        90.0,
        -90.0,
        91.0,
        -180.5,
        0.0,
        f64::NAN,
        f64::INFINITY,
        1e-7,
    ];
    for _ in 0..=rng.below(6) {
        match rng.below(5) {
            0 => {
                let value = rng.pick(&texts).to_string();
                *rng.pick(&TEXTS)(job) = (rng.below(8) > 0).then_some(value);
            }
            1 => {
                *rng.pick(&FLAGS)(job) = [None, Some(0), Some(1), Some(2), Some(255)][rng.below(5)];
            }
            2 => {
                let value = *rng.pick(&floats);
                if rng.below(2) == 0 {
                    job.lat = Some(value);
                } else {
                    job.lng = Some(value);
                }
            }
            3 => {
                let value = match rng.below(4) {
                    0 => None,
                    1 => Some(AnyScalar::Bool(rng.below(2) == 0)),
                    2 => Some(AnyScalar::Number((rng.below(3) as u64).into())),
                    _ => Some(AnyScalar::String(rng.pick(&texts).to_string())),
                };
                *rng.pick(&SCALARS)(job) = value;
            }
            _ => job.status = rng.pick(&statuses).to_string(),
        }
    }
    if rng.below(10) == 0 {
        let key = ["customfield_ok", "customfield_Bad", "other"][rng.below(3)];
        job.custom_fields.insert(key.into(), "v".into());
    }
}

#[test]
fn validator_and_validate_agree_on_generated_jobs() {
    // The bundled records that read as jobs, and a fresh one.
    let examples = include_str!("../examples/jobs.ndjson");
    let mut bases: Vec<Job> = examples
        .lines()
        .filter_map(|line| Job::from_json_with(line.as_bytes(), Options::default().record()).ok())
        .map(|parsed| parsed.record)
        .collect();
    assert!(bases.len() >= 3, "{}", bases.len());
    bases.push(Job::new(JobStatus::Quote));

    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut valid, mut invalid, mut errors_seen) = (0, 0, 0);
    let mut codes = std::collections::BTreeSet::new();
    for n in 0..3000 {
        let mut job = bases[n % bases.len()].clone();
        mutate(&mut job, &mut rng);
        match (job_schema_validate(&job), validator_validate(&job)) {
            (Ok(()), Ok(())) => valid += 1,
            (Err(report), Err(errors)) => {
                invalid += 1;
                errors_seen += report.errors.len();
                codes.extend(report.errors.iter().map(|i| i.code.as_str()));
                assert_eq!(flatten(&errors), from_report(&report), "job {n}: {job:?}");
            }
            (ours, theirs) => panic!("job {n}: {ours:?} but {theirs:?}"),
        }
    }
    // Both verdicts are common, and the errors span the rules.
    assert!(
        valid > 300 && invalid > 1000,
        "{valid} valid, {invalid} invalid"
    );
    assert!(errors_seen > invalid, "{errors_seen}");
    for code in [
        "max_len",
        "enum_values",
        "bool01",
        "uuid",
        "datetime",
        "number",
        "range",
        "uuid_list",
        "required",
    ] {
        assert!(codes.contains(code), "{code} never seen: {codes:?}");
    }
    eprintln!("{valid} valid, {invalid} invalid, {errors_seen} errors, codes {codes:?}");
}

/// Places that a report read in another way can hold: a list with an error of its own beside
/// its elements', a field named `__all__` beside the value's own errors, and an index key
/// beside an index (reports built by hand). Nothing is lost.
#[test]
fn rare_places_keep_every_error() {
    use job_schema::{Code, Issue, Path, Violation};

    #[derive(Schema)]
    struct Outer {
        #[schema(deprecated)]
        parts: Option<Vec<Part>>,
    }
    let report = Outer::check_json(
        br#"{"parts": [{"name": "bolts"}]}"#,
        Options::default().strict(),
    );
    assert_eq!(report.errors.len(), 2, "{report}");
    let errors = serde_json::to_value(ValidationErrors::from(report)).unwrap();
    assert_eq!(errors["parts"]["__all__"][0]["code"], "deprecated");
    assert_eq!(errors["parts"]["0"]["name"][0]["code"], "max_len");

    let root = Path::ROOT;
    let all = root.key("__all__");
    let list = root.key("a");
    let element = list.index(1);
    let element_name = element.key("x");
    let digits = root.key("1");
    let first = root.index(1);
    let mut report = Report::new();
    for (path, code) in [
        (&digits, Code::MaxLen),
        (&first, Code::Type),
        (&all, Code::Required),
        (&root, Code::JsonSyntax),
        (&element_name, Code::Type),
        (&list, Code::Deprecated),
    ] {
        report
            .errors
            .push(Issue::at(path, Violation::new(code, "m"), None));
    }
    // A pointer that does not match its field path: the field path is the key.
    let mut odd = Issue::at(&root.key("b"), Violation::new(Code::Uuid, "m"), None);
    odd.pointer = "/c".into();
    report.errors.push(odd);
    let errors = serde_json::to_value(ValidationErrors::from(report)).unwrap();
    let codes = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(codes(&errors["__all__"]), ["required", "json_syntax"]);
    assert_eq!(codes(&errors["a"]["__all__"]), ["deprecated"]);
    assert_eq!(codes(&errors["a"]["1"]["x"]), ["type"]);
    assert_eq!(codes(&errors["b"]), ["uuid"]);
    // The key `1` and the element 1 of the root: the second gets a `~`.
    assert_eq!(codes(&errors["1"]), ["max_len"]);
    assert_eq!(codes(&errors["1~"]["__all__"]), ["type"]);
}

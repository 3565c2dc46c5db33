//! One set of rules, two doors: `validate()` on a `Job` built in code reports the same
//! issues (fields, codes, messages, parameters) as the JSON reader reports for the same
//! values sent as JSON, field by field.

use job_schema::{Code, Direction, FieldValue, Job, Scalar, Schema, Validate};
use job_schema_tests::option_sets;

/// A field of `Job`: `status` is a `String`, every other field an `Option` of a field value.
trait Slot: Sized {
    fn build(value: Scalar<'_>) -> Option<Self>;
}

impl Slot for String {
    fn build(value: Scalar<'_>) -> Option<Self> {
        FieldValue::from_scalar(value)
    }
}

impl<T: FieldValue> Slot for Option<T> {
    fn build(value: Scalar<'_>) -> Option<Self> {
        T::from_scalar(value).map(Some)
    }
}

macro_rules! setter {
    ($($field:ident),* $(,)?) => {
        /// Sets the field named `name` from `value`; `false` when the value does not fit its
        /// Rust type (it could not be built in code).
        fn set(job: &mut Job, name: &str, value: Scalar<'_>) -> bool {
            match name {
                $(stringify!($field) => match Slot::build(value) {
                    Some(v) => { job.$field = v; true }
                    None => false,
                },)*
                other => panic!("no setter for {other}"),
            }
        }
    };
}

setter!(
    created_by_staff_uuid,
    date,
    company_uuid,
    billing_address,
    status,
    lng,
    lat,
    payment_date,
    payment_actioned_by_uuid,
    payment_method,
    payment_amount,
    category_uuid,
    payment_note,
    geo_is_valid,
    purchase_order_number,
    invoice_sent,
    invoice_sent_stamp,
    ready_to_invoice,
    ready_to_invoice_stamp,
    geo_country,
    geo_postcode,
    geo_state,
    geo_city,
    geo_street,
    geo_number,
    queue_uuid,
    queue_expiry_date,
    queue_assigned_staff_uuid,
    badges,
    quote_date,
    quote_sent,
    quote_sent_stamp,
    work_order_date,
    active_network_request_uuid,
    related_knowledge_articles,
    uuid,
    job_address,
    job_description,
    work_done_description,
    payment_processed,
    payment_received,
    completion_date,
    unsuccessful_date,
    active,
    edit_date,
    generated_job_id,
    total_invoice_amount,
    payment_processed_stamp,
    payment_received_stamp,
    completion_actioned_by_uuid,
    job_is_scheduled_until_stamp,
);

fn samples() -> Vec<serde_json::Value> {
    use serde_json::json;
    let long = "é".repeat(501);
    vec![
        json!(""),
        json!("x"),
        json!("Quote"),
        json!("work order"),
        json!("c7319be2-03f5-46fc-be02-2341cca844db"),
        json!("{c7319be2-03f5-46fc-be02-2341cca844db}"),
        json!("2026-03-01 12:00:00"),
        json!("2025-02-29 00:00:00"),
        json!("0000-00-00 00:00:00"),
        json!("2026-03-01"),
        json!("[]"),
        json!("[\"c7319be2-03f5-46fc-be02-2341cca844db\", \"x\", 4]"),
        json!("-27.5"),
        json!("-181"),
        json!("1e999"),
        json!(long),
        json!(0),
        json!(1),
        json!(2),
        json!(-1),
        json!(91.5),
        json!(-27.25),
        json!(200),
        json!(true),
    ]
}

fn to_scalar(value: &serde_json::Value) -> Scalar<'_> {
    match value {
        serde_json::Value::String(s) => Scalar::Str(s),
        serde_json::Value::Bool(b) => Scalar::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Scalar::Int(i),
            None => Scalar::Float(n.as_f64().unwrap()),
        },
        other => panic!("not a scalar: {other}"),
    }
}

#[test]
fn validate_and_the_reader_report_the_same_issues_field_by_field() {
    let mut compared = 0;
    for options in option_sets() {
        for spec in Job::FIELDS {
            for sample in samples() {
                let mut body = serde_json::json!({ "status": "Quote" });
                body[spec.name] = sample.clone();
                if spec.name == "status" && sample == "" && options.direction == Direction::Update {
                    // A record's `""` in its plain `status` is an unset status (its
                    // `to_json` leaves it out), where the body's `""` is a value, judged in
                    // strict mode: the record stands for the body without the key.
                    body = serde_json::json!({});
                }
                let read = Job::check_json(body.to_string().as_bytes(), options);
                if read.errors.iter().any(|i| i.code == Code::Type) {
                    // A JSON type the field cannot take cannot be built in code either.
                    continue;
                }
                let mut job = Job::new(job_schema::JobStatus::Quote);
                if !set(&mut job, spec.name, to_scalar(&sample)) {
                    continue;
                }
                let built = job.report(options);
                assert_eq!(built, read, "{} = {sample} with {options:?}", spec.name);
                compared += 1;
            }
        }
    }
    // Enough combinations were compared for the test to mean something.
    assert!(compared > 1_000, "only {compared} comparisons");
}

//! `Job`'s typed access (features `uuid`, `chrono`): a job built from arbitrary typed values
//! validates (lax and strict), serializes in the canonical wire form, and reads back to the
//! same typed values; a getter's error is the issue `validate()` reports for the field.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use job_schema::{Code, Job, JobStatus, Options, Validate};
use proptest::prelude::*;
use uuid::Uuid;

fn uuid() -> impl Strategy<Value = Option<Uuid>> {
    prop::option::of(any::<u128>().prop_map(Uuid::from_u128))
}

/// Any day the `date` rule takes: 0001-01-01 to 9999-12-31.
fn day() -> impl Strategy<Value = NaiveDate> {
    (1i32..=3_652_059).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

fn datetime() -> impl Strategy<Value = Option<NaiveDateTime>> {
    prop::option::of((day(), 0u32..86_400).prop_map(|(day, second)| {
        day.and_time(NaiveTime::from_num_seconds_from_midnight_opt(second, 0).unwrap())
    }))
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    prop::option::of(any::<bool>())
}

/// The typed values of a job, in the order of `build`.
#[derive(Clone, Debug, PartialEq)]
struct Values {
    status: JobStatus,
    uuids: [Option<Uuid>; 7],
    date: Option<NaiveDate>,
    datetimes: [Option<NaiveDateTime>; 11],
    flags: [Option<bool>; 6],
}

fn values() -> impl Strategy<Value = Values> {
    (
        prop::sample::select(&JobStatus::ALL[..]),
        prop::array::uniform7(uuid()),
        prop::option::of(day()),
        prop::array::uniform11(datetime()),
        prop::array::uniform6(flag()),
    )
        .prop_map(|(status, uuids, date, datetimes, flags)| Values {
            status,
            uuids,
            date,
            datetimes,
            flags,
        })
}

fn build(v: &Values) -> Job {
    let mut job = Job::default();
    let [u0, u1, u2, u3, u4, u5, u6] = v.uuids;
    let [d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10] = v.datetimes;
    let [f0, f1, f2, f3, f4, f5] = v.flags;
    job.set_status(v.status)
        .set_created_by_staff_uuid(u0)
        .set_company_uuid(u1)
        .set_category_uuid(u2)
        .set_queue_uuid(u3)
        .set_queue_assigned_staff_uuid(u4)
        .set_uuid(u5)
        .set_completion_actioned_by_uuid(u6)
        .set_date(v.date)
        .set_invoice_sent_stamp(d0)
        .set_queue_expiry_date(d1)
        .set_quote_date(d2)
        .set_quote_sent_stamp(d3)
        .set_work_order_date(d4)
        .set_completion_date(d5)
        .set_unsuccessful_date(d6)
        .set_edit_date(d7)
        .set_payment_processed_stamp(d8)
        .set_payment_received_stamp(d9)
        .set_job_is_scheduled_until_stamp(d10)
        .set_geo_is_valid(f0)
        .set_invoice_sent(f1)
        .set_quote_sent(f2)
        .set_payment_processed(f3)
        .set_payment_received(f4)
        .set_active(f5);
    job
}

fn read(job: &Job) -> Values {
    Values {
        status: job.status().unwrap(),
        uuids: [
            job.created_by_staff_uuid().unwrap(),
            job.company_uuid().unwrap(),
            job.category_uuid().unwrap(),
            job.queue_uuid().unwrap(),
            job.queue_assigned_staff_uuid().unwrap(),
            job.uuid().unwrap(),
            job.completion_actioned_by_uuid().unwrap(),
        ],
        date: job.date().unwrap(),
        datetimes: [
            job.invoice_sent_stamp().unwrap(),
            job.queue_expiry_date().unwrap(),
            job.quote_date().unwrap(),
            job.quote_sent_stamp().unwrap(),
            job.work_order_date().unwrap(),
            job.completion_date().unwrap(),
            job.unsuccessful_date().unwrap(),
            job.edit_date().unwrap(),
            job.payment_processed_stamp().unwrap(),
            job.payment_received_stamp().unwrap(),
            job.job_is_scheduled_until_stamp().unwrap(),
        ],
        flags: [
            job.geo_is_valid().unwrap(),
            job.invoice_sent().unwrap(),
            job.quote_sent().unwrap(),
            job.payment_processed().unwrap(),
            job.payment_received().unwrap(),
            job.active().unwrap(),
        ],
    }
}

/// The wire text of a datetime, written from its parts (not with chrono's `Display`).
fn wire_datetime(d: NaiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        d.year(),
        d.month(),
        d.day(),
        d.hour(),
        d.minute(),
        d.second()
    )
}

/// The wire text of a uuid, written from its bytes: lower-case hex in 8-4-4-4-12 groups.
fn wire_uuid(u: Uuid) -> String {
    let hex = u.as_bytes().iter().fold(String::new(), |mut hex, b| {
        write!(hex, "{b:02x}").unwrap();
        hex
    });
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_job_built_from_typed_values_round_trips(v in values()) {
        let job = build(&v);
        // It validates: lax create (read-only fields only warn), strict record.
        prop_assert!(job.validate().is_ok());
        prop_assert!(job.validate_with(Options::LAX.strict().record()).is_ok());

        // It serializes canonically: each value in its wire form, unset values left out.
        let json: serde_json::Value = serde_json::from_str(&job.to_json()).unwrap();
        prop_assert_eq!(&json["status"], v.status.as_str());
        prop_assert_eq!(json.get("company_uuid").and_then(|s| s.as_str()).map(str::to_owned),
            v.uuids[1].map(wire_uuid));
        prop_assert_eq!(json.get("uuid").and_then(|s| s.as_str()).map(str::to_owned),
            v.uuids[5].map(wire_uuid));
        prop_assert_eq!(json.get("date").and_then(|s| s.as_str()).map(str::to_owned),
            v.date.map(|d| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())));
        prop_assert_eq!(json.get("quote_date").and_then(|s| s.as_str()).map(str::to_owned),
            v.datetimes[2].map(wire_datetime));
        prop_assert_eq!(json.get("active").and_then(serde_json::Value::as_u64),
            v.flags[5].map(u64::from));

        // It reads back, strict, to the same job and the same typed values.
        let body = job.to_json();
        let back = Job::from_json_with(body.as_bytes(), Options::LAX.strict().record()).unwrap();
        prop_assert!(back.warnings.is_empty());
        prop_assert_eq!(&back.record, &job);
        prop_assert_eq!(read(&back.record), v);
    }
}

#[test]
fn a_getter_returns_the_issue_validate_reports() {
    let mut job = Job::new(JobStatus::Quote);
    job.company_uuid = Some("{5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17}".into());
    job.date = Some("2026-02-30".into());
    job.quote_date = Some("2026-01-02T00:00:00".into());
    job.invoice_sent = Some(7);
    let report = job.validate().unwrap_err();
    let by_field = |name: &str| {
        report
            .errors
            .iter()
            .find(|issue| issue.field == name)
            .unwrap()
            .clone()
    };
    assert_eq!(job.company_uuid().unwrap_err(), by_field("company_uuid"));
    assert_eq!(job.date().unwrap_err(), by_field("date"));
    assert_eq!(job.quote_date().unwrap_err(), by_field("quote_date"));
    assert_eq!(job.invoice_sent().unwrap_err(), by_field("invoice_sent"));
    assert_eq!(job.company_uuid().unwrap_err().code, Code::Uuid);
    assert_eq!(job.date().unwrap_err().code, Code::Date);
    assert_eq!(job.quote_date().unwrap_err().code, Code::Datetime);
    assert_eq!(report.errors.len(), 4);

    job.status = String::new();
    assert_eq!(job.status().unwrap_err().code, Code::Required);
}

#[test]
fn a_getter_reads_the_lax_forms() {
    let mut job = Job::new(JobStatus::Completed);
    job.company_uuid = Some(String::new());
    job.completion_date = Some("0000-00-00 00:00:00".into());
    job.date = Some("2026-01-02 10:11:12".into());
    job.uuid = Some("5F1B7E42-36A4-4C09-9D3E-2B1F0C6A8E17".into());
    assert_eq!(job.company_uuid(), Ok(None));
    assert_eq!(job.completion_date(), Ok(None));
    assert_eq!(job.date(), Ok(NaiveDate::from_ymd_opt(2026, 1, 2)));
    assert_eq!(
        job.uuid().unwrap().map(|u| u.to_string()).as_deref(),
        Some("5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17")
    );
    assert_eq!(job.status(), Ok(JobStatus::Completed));
}

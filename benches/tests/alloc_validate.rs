//! `validate()` on a valid `Job` makes no heap allocation, proved with a counting global
//! allocator (`stats_alloc`). One test in this binary, so that nothing else allocates while
//! it measures.

use std::alloc::System;
use std::collections::BTreeMap;

use job_schema::{Job, JobStatus, Options, Validate};
use job_schema_bench::data;
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Heap allocations and reallocations made by `f`.
fn allocations(f: impl FnOnce()) -> usize {
    let region = Region::new(GLOBAL);
    f();
    let change = region.change();
    change.allocations + change.reallocations
}

const U: &str = "c7319be2-03f5-46fc-be02-2341cca844db";

/// A job with every writable field set to a good value, and a custom field.
fn every_writable_field() -> Job {
    let text = |s: &str| Some(s.to_owned());
    Job {
        created_by_staff_uuid: text(U),
        date: text("2025-09-18"),
        company_uuid: text(U),
        billing_address: text("PO Box 12\nByron Bay NSW 2481"),
        status: JobStatus::WorkOrder.into(),
        lng: Some(153.612_173_1),
        lat: Some(-28.648_863_3),
        category_uuid: text(U),
        geo_is_valid: Some(1),
        purchase_order_number: text("PO1529-MS01-001"),
        invoice_sent: Some(0),
        invoice_sent_stamp: text("2025-09-24 20:55:31"),
        geo_country: text("Australia"),
        geo_postcode: text("2481"),
        geo_state: text("NSW"),
        geo_city: text("Byron Bay"),
        geo_street: text("Jonson Street"),
        geo_number: text("12"),
        queue_uuid: text(U),
        queue_expiry_date: text("2025-10-01 00:00:00"),
        queue_assigned_staff_uuid: text(U),
        badges: Some(format!("[\"{U}\",\"{U}\"]")),
        quote_date: text("2025-09-18 21:45:04"),
        quote_sent: Some(1),
        quote_sent_stamp: text("2025-09-18 21:50:00"),
        work_order_date: text("2025-09-24 20:55:31"),
        uuid: text(U),
        job_address: text("12 Jonson Street, Byron Bay NSW 2481 — Ōtaki"),
        job_description: text("Battery add on.\n\"Redback\" 14 kW."),
        work_done_description: text("Installed and programmed."),
        payment_processed: Some(0),
        payment_received: Some(1),
        completion_date: text("2025-09-27 18:33:04"),
        unsuccessful_date: text("2025-09-28 08:00:00"),
        active: Some(1),
        custom_fields: BTreeMap::from([(
            "customfield_xero_tracking_cat_1".to_owned(),
            "Solar".to_owned(),
        )]),
        ..Job::default()
    }
}

/// Clears the deprecated and read-only fields, which draw warnings (the report's, so they
/// allocate).
fn without_warnings(mut job: Job) -> Job {
    job.payment_date = None;
    job.payment_actioned_by_uuid = None;
    job.payment_method = None;
    job.payment_amount = None;
    job.payment_note = None;
    job.ready_to_invoice = None;
    job.ready_to_invoice_stamp = None;
    job.active_network_request_uuid = None;
    job.related_knowledge_articles = None;
    job.edit_date = None;
    job.generated_job_id = None;
    job.total_invoice_amount = None;
    job.payment_processed_stamp = None;
    job.payment_received_stamp = None;
    job.completion_actioned_by_uuid = None;
    job.job_is_scheduled_until_stamp = None;
    job
}

#[test]
fn validate_on_a_valid_job_allocates_nothing() {
    let job = every_writable_field();
    let strict = Options::default().strict();
    let record = Options::default().record();
    assert!(job.validate().is_ok());
    assert!(job.validate_with(strict).is_ok());
    assert_eq!(allocations(|| assert!(job.validate().is_ok())), 0);
    assert_eq!(
        allocations(|| assert!(job.validate_with(strict).is_ok())),
        0
    );
    assert_eq!(
        allocations(|| assert!(job.validate_with(record).is_ok())),
        0
    );

    // Every full and minimal body of the benchmarks, read, then validated.
    let mut jobs = Vec::new();
    for body in data::full_valid(200, data::SEED)
        .iter()
        .chain(&data::minimal_valid(200, data::SEED))
    {
        jobs.push(without_warnings(Job::from_json(body).unwrap().record));
    }
    for (i, job) in jobs.iter().enumerate() {
        assert_eq!(allocations(|| assert!(job.validate().is_ok())), 0, "{i}");
    }

    // The control: the allocator does count, and an invalid job allocates its report.
    let mut bad = every_writable_field();
    bad.status = "work order".to_owned();
    assert!(allocations(|| assert!(bad.validate().is_err())) > 0);
}

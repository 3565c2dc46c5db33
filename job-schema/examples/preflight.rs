//! Pre-flight: a client builds a job, checks it before spending one of its 180 requests a
//! minute, fixes what the report names, and only then has a body worth sending.
//!
//! ```text
//! cargo run -p job-schema --example preflight
//! ```

use job_schema::{Job, JobStatus, Validate};

fn main() {
    // A work order as a booking form might fill it in, with three mistakes.
    let mut job = Job::new(JobStatus::WorkOrder);
    job.company_uuid = Some("c7319be2-03f5-46fc-be02-2341cca844db".into());
    job.job_address = Some("14 Lighthouse Rd, Byron Bay NSW 2481".into());
    job.job_description = Some("Install 6.6 kW solar system with 5 kW inverter.".into());
    job.lat = Some(-128.6431); // a digit too many
    job.lng = Some(153.629);
    job.category_uuid = Some("080733e2a30a45539e401f47cec7f6cb".into()); // no hyphens
    job.work_order_date = Some("2026-03-02T09:00:00".into()); // ISO 8601, not the API's form

    // Every problem at once, where the API would answer one line and a 400.
    match job.validate() {
        Ok(()) => println!("valid as it is"),
        Err(report) => {
            println!("before sending, {} problems:", report.errors.len());
            println!("{report}");
        }
    }

    // Fix each one and check again.
    job.lat = Some(-28.6431);
    job.category_uuid = Some("080733e2-a30a-4553-9e40-1f47cec7f6cb".into());
    job.work_order_date = Some("2026-03-02 09:00:00".into());
    match job.validate() {
        Ok(()) => {
            println!("\nready: POST /api_1.0/job.json with");
            println!("{}", job.to_json());
        }
        Err(report) => println!("\nstill wrong:\n{report}"),
    }
}

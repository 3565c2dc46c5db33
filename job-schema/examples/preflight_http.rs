//! Pre-flight over HTTP: a client checks a job with `Job::validate` before it spends a
//! request, sends it only once it is valid, and reads the stored record back, against
//! `job-schema serve` (a local stand-in for ServiceM8's job endpoints).
//!
//! ```text
//! cargo run -p job-schema --features cli -- serve --port 8080 &
//! cargo run -p job-schema --example preflight_http -- http://127.0.0.1:8080
//! ```
//!
//! The server's address is the first argument, or the environment variable
//! `JOB_SCHEMA_SERVER`. The HTTP client is `ureq` (a dev-dependency of this crate).

use std::process::ExitCode;

use job_schema::{Job, JobStatus, Validate};

fn main() -> ExitCode {
    let Some(server) = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("JOB_SCHEMA_SERVER").ok())
    else {
        eprintln!("usage: preflight_http http://127.0.0.1:PORT (or set JOB_SCHEMA_SERVER)");
        return ExitCode::from(2);
    };
    let server = server.trim_end_matches('/');
    match run(server) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

fn run(server: &str) -> Result<(), String> {
    // A work order as a booking form might fill it in, with two mistakes.
    let mut job = Job::new(JobStatus::WorkOrder);
    job.job_address = Some("14 Lighthouse Rd, Byron Bay NSW 2481".into());
    job.lat = Some(-128.6431); // a digit too many
    job.lng = Some(153.629);
    job.work_order_date = Some("2026-03-02T09:00:00".into()); // ISO 8601, not the API's form

    // Pre-flight: every problem at once, and no request spent on them.
    if let Err(report) = job.validate() {
        println!("not sent, {} problems:\n{report}\n", report.errors.len());
    }
    job.lat = Some(-28.6431);
    job.work_order_date = Some("2026-03-02 09:00:00".into());
    job.validate()
        .map_err(|report| format!("still invalid:\n{report}"))?;

    // One request, which the server accepts.
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let response = agent
        .post(format!("{server}/api_1.0/job.json"))
        .header("content-type", "application/json")
        .send(job.to_json())
        .map_err(|e| format!("POST failed: {e}"))?;
    let status = response.status();
    let uuid = response
        .headers()
        .get("x-record-uuid")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let body = response
        .into_body()
        .read_to_string()
        .map_err(|e| format!("no body: {e}"))?;
    println!("POST /api_1.0/job.json: {status} {body}");
    let uuid = uuid.ok_or("no x-record-uuid header: is this job-schema serve?")?;

    // The stored record, with what the server fills in (uuid, edit_date, job number).
    let record = agent
        .get(format!("{server}/api_1.0/job/{uuid}.json"))
        .call()
        .map_err(|e| format!("GET failed: {e}"))?
        .into_body()
        .read_to_string()
        .map_err(|e| format!("no body: {e}"))?;
    println!("GET /api_1.0/job/{uuid}.json: {record}");
    Ok(())
}

//! A server's side: a handler-shaped function that reads a create request body the way
//! ServiceM8's endpoint would, and answers 201 with the stored record or 400 with a report
//! that names every problem (rather than "An error occurred completing your request").
//!
//! The function has no web framework in it; any framework's handler can call it with the
//! request's bytes.
//!
//! ```text
//! cargo run -p job-schema --example server_body
//! ```

use job_schema::Job;

/// Turns a request body into a status code and a JSON response body.
///
/// - 201 and the record in its canonical JSON form (flags as integers, unset fields left
///   out) when the body is a valid job; warnings (unknown keys, read-only fields) do not
///   fail it, as the API ignores those keys.
/// - 400 and `{"errors": [...], "warnings": [...]}` otherwise, every issue with its field,
///   JSON pointer, stable code, message and parameters.
fn create_job(body: &[u8]) -> (u16, String) {
    match Job::from_json(body) {
        Ok(parsed) => (201, parsed.record.to_json()),
        Err(report) => (400, report.to_json()),
    }
}

fn main() {
    let good = br#"{
        "status": "Quote",
        "company_uuid": "5a1d4e2c-8b7f-4c3a-9e6d-0f1b2c3d4e5f",
        "job_address": "3/22 Jonson St, Byron Bay NSW 2481",
        "quote_sent": true,
        "lat": "-28.6431",
        "lng": "153.6290",
        "badges": "[]"
    }"#;
    let bad = br#"{
        "status": "work order",
        "job_address": "8 Bay St, Tweed Heads NSW 2485",
        "badges": ["2d9c9912-cfcb-4788-b3c9-23422856efeb"],
        "date": "2026-02-30",
        "purchase_order_no": "PO-88"
    }"#;
    for body in [&good[..], &bad[..]] {
        let (status, response) = create_job(body);
        println!("HTTP {status}\n{response}\n");
    }
}

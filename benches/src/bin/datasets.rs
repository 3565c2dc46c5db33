//! Prints what the benchmark data sets hold: sizes, issues per body, and how many bodies
//! serde (and so the floor, `validator` and `garde`) gives up on at a JSON type error.

use job_schema::{Code, Job, Options};
use job_schema_bench::{data, floor};

#[allow(clippy::cast_precision_loss)]
fn main() {
    for (name, bodies) in data::sets(data::BODIES, data::SEED) {
        let reports: Vec<_> = bodies
            .iter()
            .map(|b| Job::check_json(b, Options::default()))
            .collect();
        let errors: usize = reports.iter().map(|r| r.errors.len()).sum();
        let warnings: usize = reports.iter().map(|r| r.warnings.len()).sum();
        let typed = reports
            .iter()
            .filter(|r| r.errors.iter().any(|e| e.code == Code::Type))
            .count();
        let serde_fails = bodies.iter().filter(|b| floor::parse(b).is_err()).count();
        println!(
            "{name}: {}; {:.1} errors and {:.1} warnings a body; {typed} with a `type` error; \
             serde stops early on {serde_fails}",
            data::describe(&bodies),
            errors as f64 / bodies.len() as f64,
            warnings as f64 / bodies.len() as f64,
        );
    }
    let sample = data::full_valid(1, data::SEED);
    println!("\nA full body:\n{}", String::from_utf8_lossy(&sample[0]));
}

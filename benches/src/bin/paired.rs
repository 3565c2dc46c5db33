//! A cross-check of the criterion run that shrugs off a busy machine: for each data set (and
//! `full_quiet`, the full bodies without the keys that draw warnings) and contender, `ROUNDS` rounds each time one pass of the floor and one pass of the contender
//! back to back (in alternating order), and the table shows the median of the per-round
//! ratios, with the lower and upper quartiles.
//!
//! `cargo run -p job-schema-bench --release --bin paired [ROUNDS]` (31 by default).

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Instant;

use job_schema::{Job, Options, Validate};
use job_schema_bench::{convert, data, floor, garde_job, json_schema, ratios};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(31);
    let schema = json_schema::compile();
    let contenders = &ratios::CONTENDERS[1..];
    println!("Median (quartiles) of {rounds} paired ratios to the floor:\n");
    let mut sets = data::sets(data::BODIES, data::SEED);
    sets.push(("full_quiet", data::full_quiet(data::BODIES, data::SEED)));
    let names: Vec<&str> = sets.iter().map(|(name, _)| *name).collect();
    println!("| contender | {} |", names.join(" | "));
    println!("|---|{}", "---:|".repeat(names.len()));
    let mut rows: Vec<String> = contenders.iter().map(|c| format!("| {c} |")).collect();
    for (name, bodies) in sets {
        let jobs: Vec<Job> = bodies
            .iter()
            .filter_map(|body| match Job::from_json(body) {
                Ok(parsed) => Some(parsed.record),
                Err(_) => floor::parse(body).ok().map(convert::to_job),
            })
            .collect();
        #[allow(clippy::cast_precision_loss)]
        let validate_scale = bodies.len() as f64 / jobs.len().max(1) as f64;
        let pass = |contender: &str| -> f64 {
            let start = Instant::now();
            match contender {
                "floor" => bodies.iter().for_each(|b| drop(black_box(floor::parse(b)))),
                "sonic_rs" => bodies
                    .iter()
                    .for_each(|b| drop(black_box(floor::parse_sonic_rs(b)))),
                // The copy of the body that simd-json parses in place is timed with it.
                "simd_json" => bodies
                    .iter()
                    .for_each(|b| drop(black_box(floor::parse_simd_json(b)))),
                "check_only" => bodies
                    .iter()
                    .for_each(|b| drop(black_box(Job::check_json(b, Options::default())))),
                "from_json" => bodies
                    .iter()
                    .for_each(|b| drop(black_box(Job::from_json(b)))),
                "validate" => jobs
                    .iter()
                    .for_each(|j| drop(black_box(black_box(j).validate()))),
                "validator" => bodies.iter().for_each(|b| {
                    black_box(job_schema_bench::validator_job::is_valid(b));
                }),
                "garde" => bodies.iter().for_each(|b| {
                    black_box(garde_job::is_valid(b));
                }),
                "jsonschema" => bodies.iter().for_each(|b| {
                    black_box(json_schema::error_count(&schema, b));
                }),
                _ => bodies.iter().for_each(|b| {
                    drop(black_box(serde_json::from_slice::<serde_json::Value>(b)));
                }),
            }
            let seconds = start.elapsed().as_secs_f64();
            // Per body of the set, as criterion's throughput counts them.
            if contender == "validate" {
                seconds * validate_scale
            } else {
                seconds
            }
        };
        // Warm up every path once.
        for c in ratios::CONTENDERS {
            pass(c);
        }
        for (row, contender) in rows.iter_mut().zip(contenders) {
            let mut r: Vec<f64> = (0..rounds)
                .map(|i| {
                    if i % 2 == 0 {
                        let f = pass("floor");
                        pass(contender) / f
                    } else {
                        let c = pass(contender);
                        c / pass("floor")
                    }
                })
                .collect();
            r.sort_by(f64::total_cmp);
            let q = |p: usize| r[(r.len() - 1) * p / 4];
            let _ = write!(
                row,
                " {:.2}× ({:.2}–{:.2}) |",
                ratios::median(r.clone()),
                q(1),
                q(3)
            );
        }
        eprintln!("{name} done");
    }
    for row in rows {
        println!("{row}");
    }
}

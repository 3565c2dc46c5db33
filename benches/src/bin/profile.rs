//! Runs one contender over one data set in a loop, for a profiler:
//! `profile CONTENDER SET ROUNDS`, with CONTENDER one of `floor`, `sonic_rs`, `simd_json`,
//! `check_only`, `from_json`, `validate`, `validator`, `garde`, `jsonschema`, and SET one of
//! `full_valid`, `minimal_valid`, `invalid` (or `full_quiet`: the full bodies without the keys
//! that draw warnings).

use std::hint::black_box;

use job_schema::{Job, Options, Validate};
use job_schema_bench::{convert, data, floor, garde_job, json_schema, validator_job};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let contender = args.get(1).map_or("check_only", String::as_str);
    let set = args.get(2).map_or("full_valid", String::as_str);
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(200);
    let bodies = if set == "full_quiet" {
        // The full bodies without the deprecated and read-only keys: no warnings.
        data::full_quiet(data::BODIES, data::SEED)
    } else {
        data::sets(data::BODIES, data::SEED)
            .into_iter()
            .find(|(name, _)| *name == set)
            .map_or_else(|| panic!("no data set {set}"), |(_, bodies)| bodies)
    };
    let schema = json_schema::compile();
    let jobs: Vec<Job> = bodies
        .iter()
        .filter(|_| contender == "validate")
        .filter_map(|body| match Job::from_json(body) {
            Ok(parsed) => Some(parsed.record),
            Err(_) => floor::parse(body).ok().map(convert::to_job),
        })
        .collect();
    for _ in 0..rounds {
        for body in &bodies {
            let body = black_box(body.as_slice());
            match contender {
                "floor" => drop(black_box(floor::parse(body))),
                "sonic_rs" => drop(black_box(floor::parse_sonic_rs(body))),
                "simd_json" => drop(black_box(floor::parse_simd_json(body))),
                "check_only" => drop(black_box(Job::check_json(body, Options::default()))),
                "from_json" => drop(black_box(Job::from_json(body))),
                "validator" => drop(black_box(validator_job::is_valid(body))),
                "garde" => drop(black_box(garde_job::is_valid(body))),
                "jsonschema" => drop(black_box(json_schema::error_count(&schema, body))),
                "validate" => break,
                other => panic!("no contender {other}"),
            }
        }
        if contender == "validate" {
            for job in &jobs {
                black_box(black_box(job).validate().is_ok());
            }
        }
    }
}

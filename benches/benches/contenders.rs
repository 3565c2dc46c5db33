//! Every contender on every data set, side by side: one criterion group per data set, so
//! that the ratios to the floor come from one run.
//!
//! One iteration reads the whole set (1,000 bodies); throughput is in bodies.
//! `cargo bench -p job-schema-bench`, then `cargo run -p job-schema-bench --release --bin
//! ratios` for the table.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use job_schema::{Job, Options, Validate};
use job_schema_bench::{convert, data, floor, garde_job, json_schema, validator_job};

fn bench_set(c: &mut Criterion, name: &str, bodies: &[Vec<u8>]) {
    let schema = json_schema::compile();
    // Built records for `validate()`: from `from_json` where the body is valid, else from the
    // floor's parse (records that break rules; bodies with a JSON type error have none).
    let jobs: Vec<Job> = bodies
        .iter()
        .filter_map(|body| match Job::from_json(body) {
            Ok(parsed) => Some(parsed.record),
            Err(_) => floor::parse(body).ok().map(convert::to_job),
        })
        .collect();
    let elements = |n: usize| Throughput::Elements(u64::try_from(n).unwrap_or(u64::MAX));
    let options = Options::default();

    let mut group = c.benchmark_group(name);
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(elements(bodies.len()));
    group.bench_function("floor", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(floor::parse(black_box(body)).ok());
            }
        });
    });
    group.bench_function("sonic_rs", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(floor::parse_sonic_rs(black_box(body)).ok());
            }
        });
    });
    // simd-json parses in place: the copy of each body it needs is timed with it.
    group.bench_function("simd_json", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(floor::parse_simd_json(black_box(body)).ok());
            }
        });
    });
    group.bench_function("check_only", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(Job::check_json(black_box(body), options));
            }
        });
    });
    group.bench_function("from_json", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(Job::from_json(black_box(body)).ok());
            }
        });
    });
    group.bench_function("validator", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(validator_job::is_valid(black_box(body)));
            }
        });
    });
    group.bench_function("garde", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(garde_job::is_valid(black_box(body)));
            }
        });
    });
    group.bench_function("jsonschema", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(json_schema::error_count(&schema, black_box(body)));
            }
        });
    });
    group.bench_function("serde_value", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(serde_json::from_slice::<serde_json::Value>(black_box(body)).ok());
            }
        });
    });
    group.throughput(elements(jobs.len()));
    group.bench_function("validate", |b| {
        b.iter(|| {
            for job in &jobs {
                black_box(black_box(job).validate().is_ok());
            }
        });
    });
    group.finish();
}

fn contenders(c: &mut Criterion) {
    for (name, bodies) in data::sets(data::BODIES, data::SEED) {
        bench_set(c, name, &bodies);
    }
}

/// Short measurements: the host's speed drifts by a fifth over minutes, and the ratios pair
/// each contender's samples with the floor's of the same group, so a group must be measured
/// in seconds, not minutes (about 20 s here; flat sampling in each group, every sample the
/// same number of passes over the set).
fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args()
}

criterion_group! {
    name = benches;
    config = config();
    targets = contenders
}
criterion_main!(benches);

//! `Job::check_json` on bodies of many keys: time is linear in the number of keys, whatever
//! their shape. One criterion group per shape, one bench per size (10,000, 100,000 and
//! 1,000,000 keys); throughput is in keys, so criterion prints the time per key.
//!
//! - `keys_unknown`: distinct unknown keys (`"x_{i}":0`), each an `unknown_field` warning;
//! - `keys_custom`: distinct custom keys (`"customfield_k{i}":"v"`), accepted;
//! - `keys_repeated`: 100 unknown keys (`"x_{i % 100}":0`), each repeated `n / 100` times:
//!   a `duplicate_field` error at every repeat.
//!
//! Every body also holds `"status":"Quote"`. Keys that are not fields of the record go into
//! the reader's hash set of extra keys, so finding a repeat costs a constant, and a body of
//! `n` keys costs `n` times the cost of one.
//!
//! `cargo bench -p job-schema-bench --bench keys` (about two minutes on 2 cores), then
//! `cargo run -p job-schema-bench --release --bin key_scaling` for the time per key at each
//! size and the ratio of 1,000,000 keys to 10,000.

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use job_schema::{Job, Options};
use job_schema_bench::keys;

fn scaling(c: &mut Criterion) {
    let options = Options::default();
    for shape in keys::SHAPES {
        let mut group = c.benchmark_group(keys::group(shape));
        group.sampling_mode(SamplingMode::Flat);
        for n in keys::SIZES {
            let body = keys::body(shape, n);
            group.throughput(Throughput::Elements(u64::try_from(n).unwrap_or(u64::MAX)));
            group.bench_with_input(BenchmarkId::from_parameter(n), &body, |b, body| {
                b.iter(|| black_box(Job::check_json(black_box(body), options)));
            });
        }
        group.finish();
    }
}

/// Quick: 10 samples, a short warm-up and measurement (a body of 1,000,000 keys takes a
/// fraction of a second, so its samples are one iteration each).
fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .configure_from_args()
}

criterion_group! {
    name = benches;
    config = config();
    targets = scaling
}
criterion_main!(benches);

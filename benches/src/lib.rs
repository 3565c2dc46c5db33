//! Benchmarks of `job-schema` against the alternatives, side by side on the same bodies.
//!
//! - [`data`]: deterministic data sets (full valid, minimal valid, invalid bodies).
//! - [`floor`]: `serde_json::from_slice` into a plain struct, no validation: the floor; and
//!   the same struct read by `sonic-rs` and `simd-json`, the fastest parsers, as contenders.
//! - [`validator_job`], [`garde_job`]: the same rules with `validator` and `garde`.
//! - [`json_schema`]: the official `JobCreate` schema with `jsonschema`.
//! - [`convert`]: `Job`s built from parsed bodies, to time `validate()` on invalid records.
//! - [`ratios`]: the ratio table from criterion's estimates (the `ratios` binary).
//! - [`keys`]: bodies of many keys and the key-scaling table (the `keys` bench and the
//!   `key_scaling` binary).
//!
//! `cargo bench -p job-schema-bench` runs the benches; `cargo run -p job-schema-bench --bin
//! ratios --release` prints the table of `BENCHMARKS.md`.

pub mod convert;
pub mod data;
pub mod floor;
pub mod garde_job;
pub mod json_schema;
pub mod keys;
pub mod ratios;
pub mod rules;
pub mod validator_job;

//! Reports unchanged byte for byte: a regression harness for speed work on the reader and the
//! report (issue 16, point 4).
//!
//! `reports/digests.txt` holds, for every group of 50 bodies of each data set under each of
//! six option sets, a 64-bit FNV-1a digest of what `check_json` and `from_json_with` give for
//! them: the report's JSON and its `Display`, and for a body that reads, the record's JSON and
//! the warnings' JSON. The data sets are the benchmark's three (seed `0x5EED_F10B`, 1,000
//! bodies each) and a fourth of 300 bodies with errors cut short at a seeded byte, so that
//! the tokenizer's syntax errors are held too. `reports/sample.txt` holds the full text of
//! the first bodies of each set under the default options, so that a difference can be read.
//!
//! The files were written by the code *before* a change (`JOB_SCHEMA_REPORTS=write cargo
//! test -p job-schema-bench --test reports`), and the test fails when the code after it gives
//! other bytes. It checks sameness, not correctness: what a report should say is checked by
//! `tests/tests/messages.rs` and the rule tests. A change that means to change reports
//! rewrites the files in its own commit, with the reason.

use std::fmt::Write as _;
use std::path::PathBuf;

use job_schema::{Job, Options};
use job_schema_bench::data;

/// Bodies per digest.
const GROUP: usize = 50;
/// Bodies of each set written out in full to the sample.
const SAMPLED: usize = 8;

fn option_sets() -> [(&'static str, Options); 6] {
    let lax = Options::default();
    [
        ("lax-create", lax),
        ("lax-record", lax.record()),
        ("lax-update", lax.update()),
        ("strict-create", lax.strict()),
        ("strict-record", lax.strict().record()),
        ("strict-update", lax.strict().update()),
    ]
}

/// The benchmark's sets, and bodies with errors cut short at a seeded byte.
fn sets() -> Vec<(&'static str, Vec<Vec<u8>>)> {
    let mut sets = data::sets(data::BODIES, data::SEED);
    let mut rng = data::Rng::new(data::SEED ^ 0x00C0_FFEE);
    let cut = data::invalid(300, data::SEED ^ 1)
        .into_iter()
        .map(|mut body| {
            let at = rng.below(body.len());
            body.truncate(at);
            body
        })
        .collect();
    sets.push(("truncated", cut));
    sets
}

/// Everything the reader says about `body` under `options`, as text.
fn outcome(body: &[u8], options: Options) -> String {
    let report = Job::check_json(body, options);
    let mut text = format!("check {}\n{report}\n", report.to_json());
    match Job::from_json_with(body, options) {
        Ok(parsed) => {
            let record = serde_json::to_string(&parsed.record).expect("a job serializes");
            let warnings = serde_json::to_string(&parsed.warnings).expect("issues serialize");
            let _ = write!(text, "record {record}\nwarnings {warnings}\n");
        }
        Err(report) => {
            let _ = write!(text, "error {}\n{report}\n", report.to_json());
        }
    }
    text
}

/// FNV-1a, 64 bits: stable across Rust releases, unlike `DefaultHasher`.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn digests_and_sample() -> (String, String) {
    let mut digests = String::new();
    let mut sample = String::new();
    for (name, bodies) in sets() {
        for (label, options) in option_sets() {
            for (group, chunk) in bodies.chunks(GROUP).enumerate() {
                let mut all = String::new();
                for (i, body) in chunk.iter().enumerate() {
                    let text = outcome(body, options);
                    let index = group * GROUP + i;
                    if index < SAMPLED && label == "lax-create" {
                        let _ = write!(
                            sample,
                            "== {name}[{index}] {label}\n{}\n{text}",
                            String::from_utf8_lossy(body)
                        );
                    }
                    all.push_str(&text);
                }
                let _ = writeln!(
                    digests,
                    "{name} {label} {group} {:016x}",
                    fnv1a(all.as_bytes())
                );
            }
        }
    }
    (digests, sample)
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reports")
}

#[test]
fn reports_are_unchanged_byte_for_byte() {
    let (digests, sample) = digests_and_sample();
    let (digests_path, sample_path) = (dir().join("digests.txt"), dir().join("sample.txt"));
    if std::env::var_os("JOB_SCHEMA_REPORTS").is_some_and(|v| v == "write") {
        std::fs::create_dir_all(dir()).expect("create tests/reports");
        std::fs::write(&digests_path, &digests).expect("write digests");
        std::fs::write(&sample_path, &sample).expect("write sample");
        return;
    }
    let kept_sample = std::fs::read_to_string(&sample_path).expect("tests/reports/sample.txt");
    let kept = std::fs::read_to_string(&digests_path).expect("tests/reports/digests.txt");
    // The sample first: where it differs, the difference can be read.
    for (line, (now, before)) in sample.lines().zip(kept_sample.lines()).enumerate() {
        assert_eq!(now, before, "sample.txt line {}", line + 1);
    }
    assert_eq!(
        sample.lines().count(),
        kept_sample.lines().count(),
        "sample.txt lines"
    );
    let changed: Vec<(&str, &str)> = digests
        .lines()
        .zip(kept.lines())
        .filter(|(now, before)| now != before)
        .collect();
    assert!(
        changed.is_empty(),
        "{} of {} groups of {GROUP} bodies give other reports, first: now {:?}, before {:?}",
        changed.len(),
        kept.lines().count(),
        changed.first().map(|c| c.0),
        changed.first().map(|c| c.1)
    );
    assert_eq!(
        digests.lines().count(),
        kept.lines().count(),
        "digests.txt lines"
    );
}

#[test]
fn the_digest_is_fnv1a() {
    // The published test vectors of FNV-1a 64.
    assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
}

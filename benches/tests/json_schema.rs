//! The exported JSON Schema (`Schema::json_schema`) against the reader and the official
//! schema, with the `jsonschema` crate as the validator.
//!
//! - **Differential**: on thousands of generated bodies (good bodies, every edge case of
//!   every field's rules in a good body, and random mutations of keys and shapes), in lax and
//!   strict mode and the create, record and update directions, the exported schema accepts a
//!   body exactly when `check_json` finds no error in it, except for the bodies of the
//!   classes of [`Exception`], which are counted and skipped.
//! - **Official schema**: every `Job` body the exported strict create schema accepts is
//!   accepted by the official `JobCreate` schema (`data/servicem8-job.openapi.json`, the
//!   copy the benchmarks use), and every one the strict record schema accepts by the
//!   official `Job` schema.
//!
//! These tests live in the benchmark package, which builds `jsonschema` anyway, rather than
//! in `tests/`: building `jsonschema` there took the README's test command from 127 s to
//! 178 s on 2 cores, at the edge of its 3-minute budget.
//! - **Meta-schema**: every exported schema is a valid draft 2020-12 schema.
//! - **Patterns**: the date, datetime, UUID, number and UUID-list patterns against the rules
//!   on every day of several centuries and on generated and mutated text.

#[path = "json_schema/cases.rs"]
mod cases;
#[path = "json_schema/classify.rs"]
mod classify;
#[path = "json_schema/gen.rs"]
mod gen;
#[path = "json_schema/patterns.rs"]
mod patterns;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use classify::{classify, Exception};
use gen::{Gen, Rng, Table};
use job_schema::{AnyScalar, Job, Options, Report, Schema};
use job_schema_bench::json_schema;
use serde_json::Value;

/// A part of a visit: a nested struct that collects custom keys.
#[allow(dead_code)]
#[derive(Schema)]
struct Part {
    /// The part's name.
    #[schema(required, max_len = 8)]
    name: String,
    #[schema(number, range(min = 0, max = 100))]
    price: Option<f64>,
    #[schema(custom_prefix = "x_")]
    #[serde(flatten)]
    extra: BTreeMap<String, String>,
}

/// Who to call: a nested struct that denies unknown keys, with an alias.
#[allow(dead_code)]
#[derive(Schema)]
#[serde(deny_unknown_fields)]
struct Contact {
    #[serde(alias = "fullName")]
    #[schema(required, max_len = 5)]
    name: String,
    #[schema(read_only)]
    phone: Option<String>,
}

/// A visit: every shape, class and rule the field table has, beside the `Job` record.
#[allow(dead_code)]
#[derive(Schema)]
#[serde(rename_all = "camelCase")]
struct Visit {
    /// Where the visit stands.
    ///
    /// Two states only.
    #[schema(required, enum_values("Booked", "Done"), max_len = 6)]
    state: String,
    #[serde(rename = "when")]
    #[schema(datetime)]
    starts_at: Option<String>,
    #[schema(date)]
    day: Option<String>,
    #[schema(uuid)]
    staff: Vec<String>,
    #[schema(required, uuid)]
    crew: Vec<String>,
    #[schema(enum_values(1, 2, 3))]
    level: Option<i32>,
    #[schema(bool01)]
    confirmed: Option<u8>,
    count: Option<u32>,
    #[schema(range(min = -5, max = 5))]
    offset: Option<i64>,
    #[schema(number)]
    units: Option<i32>,
    ratio: Option<f32>,
    #[schema(number, range(min = -1.5, max = 1.5))]
    weight: Option<f64>,
    #[schema(number)]
    amount: Option<String>,
    #[schema(range(min = 0, max = 10))]
    score: Option<String>,
    done: Option<bool>,
    #[schema(uuid_list)]
    badges: Option<String>,
    #[schema(uuid, deprecated = "Use `crew`.")]
    lead: Option<AnyScalar>,
    #[schema(datetime, read_only)]
    edited: Option<String>,
    misc: Option<AnyScalar>,
    part: Option<Part>,
    parts: Vec<Part>,
    #[schema(required)]
    contact: Contact,
    #[serde(alias = "siteAddress")]
    #[schema(max_len = 3)]
    site: Option<String>,
    #[serde(rename = "customfield_fixed")]
    fixed: Option<u8>,
    #[schema(custom_prefix = "customfield_")]
    #[serde(flatten)]
    custom: BTreeMap<String, String>,
}

/// A record type under test.
struct Subject {
    name: &'static str,
    table: Table,
    check: fn(&[u8], Options) -> Report,
    schema: fn(Options) -> Value,
    random_bodies: usize,
    seed: u64,
}

const SUBJECTS: [Subject; 2] = [
    Subject {
        name: "Job",
        table: Table {
            fields: Job::FIELDS,
            custom_prefix: Job::CUSTOM_PREFIX,
        },
        check: <Job as Schema>::check_json,
        schema: <Job as Schema>::json_schema,
        random_bodies: 2_500,
        seed: 0x5EED_0001,
    },
    Subject {
        name: "Visit",
        table: Table {
            fields: Visit::FIELDS,
            custom_prefix: Visit::CUSTOM_PREFIX,
        },
        check: Visit::check_json,
        schema: Visit::json_schema,
        random_bodies: 2_500,
        seed: 0x5EED_0002,
    },
];

/// The six option sets: lax and strict, in each direction.
fn option_sets() -> [Options; 6] {
    let lax = Options::default();
    [
        lax,
        lax.record(),
        lax.update(),
        lax.strict(),
        lax.strict().record(),
        lax.strict().update(),
    ]
}

fn name_of(options: Options) -> String {
    format!("{:?}/{:?}", options.mode, options.direction).to_lowercase()
}

/// The bodies of a subject: every edge case of every field in a good body, good bodies with
/// up to five mutations, and a few that are not objects.
fn bodies(subject: &Subject) -> Vec<Gen> {
    let mut rng = Rng::new(subject.seed);
    let table = subject.table;
    let mut out = Vec::new();
    for field in table.fields {
        for case in cases::edges(&mut rng, field) {
            let mut body = cases::object(&mut rng, table, 0);
            if let Gen::Object(entries) = &mut body {
                cases::set(entries, field, case);
            }
            out.push(body);
        }
    }
    for _ in 0..subject.random_bodies {
        let mut body = cases::object(&mut rng, table, 0);
        let mutations = match rng.below(10) {
            0..=2 => 0,
            3..=5 => 1,
            6..=7 => 2,
            _ => 3 + rng.below(3),
        };
        for _ in 0..mutations {
            cases::mutate(&mut rng, &mut body, table, 0);
        }
        out.push(body);
    }
    for other in ["[]", "null", "\"x\"", "1", "[{}]", "{}"] {
        out.push(Gen::raw(other));
    }
    out
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::new(schema).expect("the exported schema compiles")
}

/// What one subject's run found, per option set.
#[derive(Default)]
struct Tally {
    compared: usize,
    valid: usize,
    exceptions: BTreeMap<Exception, usize>,
    /// Of the skipped bodies that serde_json reads, those on which the two do differ.
    differing: BTreeMap<Exception, usize>,
    disagreements: Vec<String>,
}

#[test]
fn the_exported_schema_and_check_json_agree_on_generated_bodies() {
    let mut summary = String::new();
    let mut failures = Vec::new();
    for subject in &SUBJECTS {
        let bodies = bodies(subject);
        let texts: Vec<String> = bodies.iter().map(Gen::text).collect();
        let values: Vec<Option<Value>> =
            texts.iter().map(|t| serde_json::from_str(t).ok()).collect();
        for options in option_sets() {
            let schema = (subject.schema)(options);
            let validator = validator(&schema);
            let mut tally = Tally::default();
            for ((body, text), value) in bodies.iter().zip(&texts).zip(&values) {
                let report = (subject.check)(text.as_bytes(), options);
                if let Some(exception) = classify(body, subject.table, options.mode) {
                    *tally.exceptions.entry(exception).or_default() += 1;
                    if let Some(value) = value {
                        if validator.is_valid(value) == report.has_errors() {
                            *tally.differing.entry(exception).or_default() += 1;
                        }
                    }
                    continue;
                }
                let value = value
                    .as_ref()
                    .expect("classified as NotSerdeJson otherwise");
                let by_reader = !report.has_errors();
                let by_schema = validator.is_valid(value);
                tally.compared += 1;
                tally.valid += usize::from(by_reader);
                if by_reader != by_schema && tally.disagreements.len() < 10 {
                    let why = validator
                        .iter_errors(value)
                        .map(|e| format!("{} at {}", e, e.instance_path()))
                        .collect::<Vec<_>>()
                        .join("; ");
                    tally.disagreements.push(format!(
                        "{} {}: reader {by_reader}, schema {by_schema}\n  body: {text}\n  \
                         reader: {}\n  schema: {why}",
                        subject.name,
                        name_of(options),
                        report.to_string().replace('\n', " | "),
                    ));
                }
            }
            let _ = writeln!(
                summary,
                "{:6} {:15} compared {:5} (valid {:5}, invalid {:5}), skipped {:?}, of which differ {:?}",
                subject.name,
                name_of(options),
                tally.compared,
                tally.valid,
                tally.compared - tally.valid,
                tally.exceptions,
                tally.differing,
            );
            assert!(
                tally.compared >= 3_000,
                "{} {}: only {} bodies compared",
                subject.name,
                name_of(options),
                tally.compared
            );
            assert!(
                tally.valid >= 500 && tally.compared - tally.valid >= 500,
                "{} {}: too few valid or invalid bodies: {} of {}",
                subject.name,
                name_of(options),
                tally.valid,
                tally.compared
            );
            failures.extend(tally.disagreements);
        }
    }
    eprintln!("{summary}");
    assert!(
        failures.is_empty(),
        "{} disagreements (first 10 per option set):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The official schemas, `JobCreate` and `Job`, as draft 2020-12 schemas (the OpenAPI 3.1
/// text they come from uses JSON Schema 2020-12; its `example` keyword is an unknown
/// keyword there, and ignored).
fn official(name: &str) -> Value {
    let spec: Value = serde_json::from_str(json_schema::OPENAPI).unwrap();
    let mut schema = spec[name].clone();
    assert!(schema.is_object(), "{name} is in the file");
    schema["$schema"] = jsonschema_dialect();
    schema
}

fn jsonschema_dialect() -> Value {
    Value::from("https://json-schema.org/draft/2020-12/schema")
}

#[test]
fn what_the_strict_schemas_accept_the_official_schemas_accept() {
    let subject = &SUBJECTS[0];
    let bodies = bodies(subject);
    for (ours, theirs) in [
        (Options::default().strict(), "JobCreate"),
        (Options::default().strict().record(), "Job"),
    ] {
        let ours = validator(&Job::json_schema(ours));
        let official = validator(&official(theirs));
        let mut accepted = 0;
        for body in &bodies {
            let Ok(value) = serde_json::from_str::<Value>(&body.text()) else {
                continue;
            };
            if ours.is_valid(&value) {
                accepted += 1;
                let why: Vec<String> = official
                    .iter_errors(&value)
                    .map(|e| e.to_string())
                    .collect();
                assert!(why.is_empty(), "{theirs} rejects {}: {why:?}", body.text());
            }
        }
        eprintln!("{theirs}: accepts all {accepted} bodies the exported schema accepts");
        assert!(
            accepted >= 1_000,
            "{theirs}: only {accepted} bodies accepted"
        );
    }
}

#[test]
fn every_exported_schema_is_a_valid_2020_12_schema() {
    let mut schemas = Vec::new();
    for options in option_sets() {
        schemas.push((name_of(options), Job::json_schema(options)));
        schemas.push((name_of(options), Visit::json_schema(options)));
        schemas.push((name_of(options), Part::json_schema(options)));
        schemas.push((name_of(options), Contact::json_schema(options)));
    }
    for (name, schema) in &schemas {
        assert_eq!(schema["$schema"], jsonschema_dialect());
        if let Err(e) = jsonschema::draft202012::meta::validate(schema) {
            panic!("{name}: {e} at {}", e.instance_path());
        }
        // And a validator builds from it (its patterns compile).
        validator(schema);
    }
    // The meta-schema check is not vacuous.
    assert!(!jsonschema::draft202012::meta::is_valid(
        &serde_json::json!({"type": "text"})
    ));
}

//! `Job::check_json` on a valid body allocates nothing beyond what serde_json itself needs
//! and the report's own issues, measured with a counting global allocator (`stats_alloc`).
//!
//! serde_json's slice deserializer keeps a scratch `Vec<u8>` into which it unescapes a string
//! that holds escapes (`\n`, `\"`); the scratch starts empty for each body and grows
//! (allocation, then reallocations) to the longest escaped string. A "touch" pass that
//! visits every key and value the way the reader does, and keeps nothing, measures it. The
//! reader's own scanner (which reads a well-formed body instead of serde_json) keeps its
//! unescaping buffer between bodies, so it needs even less: nothing after the first body.
//! One test in this binary, so that nothing else allocates while it measures.

use std::alloc::System;
use std::fmt;

use job_schema::{Job, Options};
use job_schema_bench::{data, floor};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Heap allocations and reallocations made by `f`.
fn allocations(f: impl FnOnce()) -> usize {
    let region = Region::new(GLOBAL);
    f();
    let change = region.change();
    change.allocations + change.reallocations
}

/// Visits every value as the reader does (`deserialize_any`, keys with `deserialize_str`)
/// and keeps nothing.
struct Touch;

impl<'de> DeserializeSeed<'de> for Touch {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(Touch)
    }
}

struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(Touch)
    }
}

impl<'de> Visitor<'de> for Touch {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Touch)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Key)?.is_some() {
            map.next_value_seed(Touch)?;
        }
        Ok(())
    }
}

/// What serde_json allocates to read `body` (its scratch buffer).
fn serde_needs(body: &[u8]) -> usize {
    allocations(|| {
        let mut de = serde_json::Deserializer::from_slice(body);
        Touch.deserialize(&mut de).unwrap();
        de.end().unwrap();
    })
}

#[test]
fn check_json_allocates_only_what_serde_json_needs_and_the_report() {
    let options = Options::default();
    let full = data::full_valid(300, data::SEED);
    let minimal = data::minimal_valid(300, data::SEED);

    // Without warnings the report stays empty. serde_json would allocate its scratch for a
    // body with an escaped string; the reader's scanner keeps its unescaping buffer between
    // bodies, so after the first body it allocates nothing at all.
    let (mut scratch, mut escaped, mut total) = (0, 0, 0);
    let quiet: Vec<Vec<u8>> = full.iter().map(|b| data::without_warnings(b)).collect();
    for (i, body) in quiet.iter().chain(&minimal).enumerate() {
        let needs = serde_needs(body);
        let ours = allocations(|| assert!(Job::check_json(body, options).is_empty()));
        assert!(ours <= needs.max(1), "body {i}: {ours} > {needs}");
        scratch += needs;
        escaped += usize::from(needs > 0);
        total += ours;
    }
    let bodies = quiet.len() + minimal.len();
    println!(
        "serde_json's scratch would take {scratch} allocations over {bodies} bodies ({escaped} \
         with an escaped string); check_json took {total}"
    );
    // The buffer is allocated once and grows only for a longer escaped string than any
    // before it.
    assert!(total <= 2, "{total} allocations");

    // With warnings: the warnings themselves (the report), and nothing else.
    let (mut ours_total, mut needs_total, mut warnings) = (0, 0, 0);
    for body in &full {
        let needs = serde_needs(body);
        let mut count = 0;
        let ours = allocations(|| {
            let report = Job::check_json(body, options);
            assert!(!report.has_errors());
            count = report.warnings.len();
        });
        ours_total += ours;
        needs_total += needs;
        warnings += count;
    }
    #[allow(clippy::cast_precision_loss)]
    let per_warning = ours_total as f64 / warnings.max(1) as f64;
    println!(
        "full bodies with warnings: {ours_total} allocations for {warnings} warnings \
         ({per_warning:.2} a warning; serde_json's scratch alone would be {needs_total})"
    );
    // For comparison: the floor allocates every field.
    let floor_total: usize = full
        .iter()
        .map(|b| allocations(|| drop(floor::parse(b).unwrap())))
        .sum();
    println!("the floor (plain serde struct): {floor_total} allocations on the same bodies");
}

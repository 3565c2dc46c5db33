//! The JSON reader: one pass over the bytes of a body, one walker for every record type.
//!
//! A body is read once, by the `tokenizer` (the crate's own, in safe Rust: it checks the
//! UTF-8 of the whole body once, then slices keys and strings out of it) driven by the
//! `walker`'s object loop, which the derive tells what each struct's keys are and what its
//! fields take. Nothing else reads the bytes: no serde deserializer, no `serde_json::Value`.
//! The loop hands each value to `accept`, which judges its JSON type in the run's mode and runs
//! the field's generated rule calls, so type errors, missing fields, repeated and unknown keys
//! (`keys`) and every rule error land in one [`Report`]; a record being built takes each
//! checked value as it goes, and `check_json` builds nothing.
//!
//! Only malformed JSON stops reading: the record's issues are replaced by one `json_syntax`
//! error with the line and column where the body breaks. The same bytes are JSON or not
//! wherever they stand (the whole body, a field's value, a skipped value): every value,
//! skipped or kept, is checked the same way. Work is linear in the size of the body whatever
//! its shape.

mod accept;
mod keys;
mod tokenizer;
mod walker;

use crate::options::Options;
use crate::path::Path;
use crate::report::{Issue, Report, Violation};
use crate::sink::Sink;
use crate::Schema;

pub(crate) use keys::{duplicate, is_custom_key};
pub use keys::{unknown, NameKey};
use tokenizer::Fault;
pub use tokenizer::MAX_DEPTH;
// Plumbing that generated code names through `__private`.
pub use accept::store_value;
pub(crate) use accept::{given_type, lax_unset, type_error};
pub use tokenizer::{SyntaxError, Tokenizer};
pub use walker::read_nested;

/// A record read from JSON, with the warnings found on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed<T> {
    /// The record.
    pub record: T,
    /// Warnings (unknown keys, deprecated or read-only fields); never errors.
    pub warnings: Vec<Issue>,
}

/// Reads one record of type `S` from `bytes`: the record and its warnings, or a report with
/// every error and every warning.
///
/// The record is built where it is returned: the `Ok` is made first, with the record unset,
/// and the walker fills it in place, so that a large record is not copied from an `Option`
/// into the `Parsed` and on into the `Result` (three copies of `Job`'s 1.4 KiB a body before;
/// BENCHMARKS, step 18c). A body with an error replaces it with the report.
pub fn read<S: Schema>(bytes: &[u8], options: Options) -> Result<Parsed<S>, Report> {
    let mut report = Report::new();
    let mut read = Ok(Parsed {
        record: S::unset(),
        warnings: Vec::new(),
    });
    if let Ok(parsed) = &mut read {
        read_body(bytes, options, &mut report, |tokens, sink| {
            walker::read_root_in_place::<S>(tokens, &Path::ROOT, sink, &mut parsed.record)
        });
    }
    match &mut read {
        Ok(parsed) if !report.has_errors() => parsed.warnings = report.warnings,
        _ => read = Err(report),
    }
    read
}

/// Checks one record of type `S` in `bytes` without building it.
pub fn check<S: Schema>(bytes: &[u8], options: Options) -> Report {
    let mut report = Report::new();
    read_body(bytes, options, &mut report, |tokens, sink| {
        walker::read_root::<S>(tokens, &Path::ROOT, sink)
    });
    report
}

/// Runs `root` (the walker's reading of one record) over the tokens of `bytes`, its issues
/// appended to `report`. Malformed JSON replaces whatever the record had found with one
/// `json_syntax` error.
#[inline]
fn read_body(
    bytes: &[u8],
    options: Options,
    report: &mut Report,
    root: impl FnOnce(&mut Tokenizer<'_>, &mut Sink<'_>) -> Result<(), SyntaxError>,
) {
    let mark = report.mark();
    let read = Tokenizer::new(bytes).and_then(|mut tokens| {
        let mut sink = Sink::new(report, options);
        root(&mut tokens, &mut sink).map_err(|SyntaxError| tokens.fault_met())
    });
    if let Err(fault) = read {
        report.rewind(mark);
        report.errors.push(syntax_issue(&Path::ROOT, bytes, fault));
    }
}

/// Reads a JSON array of records of type `S` (a GET response): every record and the
/// warnings, or a report with every error and warning of every element, each at its index.
pub fn read_array<S: Schema>(bytes: &[u8], options: Options) -> Result<Parsed<Vec<S>>, Report> {
    let mut report = Report::new();
    let mut records = Vec::new();
    read_array_to::<S, true>(bytes, options, &mut report, &mut records);
    if report.has_errors() {
        return Err(report);
    }
    Ok(Parsed {
        record: records,
        warnings: report.warnings,
    })
}

/// Checks a JSON array of records of type `S` without building them.
pub fn check_array<S: Schema>(bytes: &[u8], options: Options) -> Report {
    let mut report = Report::new();
    read_array_to::<S, false>(bytes, options, &mut report, &mut Vec::new());
    report
}

/// Reads (`BUILD`, into `records`) or checks an array of records. Malformed JSON anywhere
/// replaces every issue with one `json_syntax` error, as for one record.
fn read_array_to<S: Schema, const BUILD: bool>(
    bytes: &[u8],
    options: Options,
    report: &mut Report,
    records: &mut Vec<S>,
) {
    let read = Tokenizer::new(bytes).and_then(|mut tokens| {
        let mut sink = Sink::new(report, options);
        let read = walker::read_array_root::<S, BUILD>(&mut tokens, &mut sink, records);
        read.map_err(|SyntaxError| tokens.fault_met())
    });
    if let Err(fault) = read {
        *report = Report::new();
        records.clear();
        report.errors.push(syntax_issue(&Path::ROOT, bytes, fault));
    }
}

/// The `json_syntax` issue for malformed `bytes`.
fn syntax_issue(path: &Path<'_>, bytes: &[u8], fault: Fault) -> Issue {
    let (line, column) = fault.position(bytes);
    Issue::at(path, Violation::syntax(line, column, fault.what()), None)
}

#[cfg(test)]
mod runs_tests;

#[cfg(test)]
mod tests {
    use super::keys::COMPARISONS;
    use crate::{Code, Job, Options, Report, Schema};

    /// A body with `status` and `n` more keys, each from `key`.
    fn body_with_keys(n: usize, key: impl Fn(usize) -> String) -> Vec<u8> {
        let mut body = String::from(r#"{"status": "Quote""#);
        for i in 0..n {
            body.push_str(", \"");
            body.push_str(&key(i));
            body.push_str("\": \"v\"");
        }
        body.push('}');
        body.into_bytes()
    }

    /// The key comparisons made checking `body`.
    fn comparisons(body: &[u8]) -> u64 {
        COMPARISONS.with(|c| c.set(0));
        let report = Job::check_json(body, Options::default());
        assert!(!report.errors.iter().any(|e| e.code == Code::JsonSyntax));
        COMPARISONS.with(std::cell::Cell::get)
    }

    #[test]
    fn finding_repeated_keys_costs_a_constant_per_key_whatever_the_keys() {
        type Key = fn(usize) -> String;
        let shapes: [(&str, Key); 4] = [
            ("distinct unknown keys", |i| format!("unknown_{i}")),
            ("distinct custom keys", |i| format!("customfield_k{i}")),
            ("keys repeated a hundred times", |i| {
                format!("unknown_{}", i % 100)
            }),
            ("one key repeated", |_| "unknown".to_owned()),
        ];
        for (shape, key) in shapes {
            let small = comparisons(&body_with_keys(2_000, key));
            let large = comparisons(&body_with_keys(20_000, key));
            // At most the eight keys kept inline and one hashed look-up per key: a scan of
            // the keys seen so far (quadratic) would make about 10,000 per key.
            assert!(large <= 9 * 20_000, "{shape}: {large} comparisons");
            assert!(large <= 11 * small, "{shape}: {small} then {large}");
        }
    }

    /// The codes of the errors of `report`.
    fn codes(report: &Report) -> Vec<(String, Code)> {
        let issues = report.errors.iter();
        issues.map(|i| (i.field.to_string(), i.code)).collect()
    }

    #[test]
    fn the_same_bytes_get_the_same_verdict_wherever_they_stand() {
        let malformed: [&[u8]; 7] = [
            b"\"\xff\"",
            b"\"a\\ud800\"",
            b"\"\\udc00x\"",
            b"[1,]",
            b"01",
            b"{\"a\" 1}",
            b"\"\x01\"",
        ];
        let wellformed: [&[u8]; 5] = [
            b"\"\\ud83d\\ude00\"",
            b"1e400",
            b"-0",
            b"[[], {}, \"\xc3\xa9\"]",
            b"{\"a\": [1, -2.5e-3, null]}",
        ];
        let positions: [(&[u8], &[u8]); 5] = [
            (b"", b""),
            (b"{\"status\": \"Quote\", \"x\": ", b"}"),
            (b"{\"status\": \"Quote\", \"job_address\": ", b"}"),
            (b"{\"status\": \"Quote\", \"customfield_a\": ", b"}"),
            (b"{\"status\": \"Quote\", \"x\": {\"y\": [", b"]}}"),
        ];
        for (value, json) in malformed
            .iter()
            .map(|v| (v, false))
            .chain(wellformed.iter().map(|v| (v, true)))
        {
            for (before, after) in positions {
                let body = [before, value, after].concat();
                let shown = String::from_utf8_lossy(&body);
                for report in [
                    Job::check_json(&body, Options::default()),
                    Job::from_json(&body).err().unwrap_or_default(),
                ] {
                    let syntax = report.errors.iter().any(|e| e.code == Code::JsonSyntax);
                    assert_eq!(syntax, !json, "{shown}: {report}");
                    if syntax {
                        assert_eq!(report.errors.len(), 1, "{shown}");
                        assert!(report.warnings.is_empty(), "{shown}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_number_beyond_a_double_is_its_fields_error_and_the_report_stands() {
        let body = br#"{"status": "Quote", "lat": 1e400, "lng": -1e400, "active": 1e999,
            "job_address": 2E+308, "uuid": "bad", "customfield_x": 1e400,
            "payment_amount": -1e400, "unknown": 1e400}"#;
        let report = Job::check_json(body, Options::default());
        let expected = [
            ("lng", Code::Number, "-1e400"),
            ("lat", Code::Number, "1e400"),
            ("active", Code::Type, "1e999"),
            ("uuid", Code::Uuid, "bad"),
            ("job_address", Code::Type, "2E+308"),
            ("customfield_x", Code::Type, "1e400"),
        ];
        let got: Vec<(&str, Code, &str)> = report
            .errors
            .iter()
            .map(|e| (&*e.field, e.code, e.value.as_deref().unwrap_or("")))
            .collect();
        // Field order is the table's; `lng` comes before `lat` there.
        let mut want = expected.to_vec();
        want.sort_by_key(|(field, ..)| {
            let index = Job::FIELDS.iter().position(|f| f.name == *field);
            index.unwrap_or(usize::MAX)
        });
        assert_eq!(got, want, "{report}");
        for issue in &report.errors {
            let echoed = issue.value.as_deref().unwrap_or("");
            assert!(!issue.message().contains("inf"), "{}", issue.message());
            if issue.code == Code::Number {
                assert!(issue.message().contains(echoed), "{}", issue.message());
            }
        }
        // `payment_amount` takes any scalar, this one too: its `deprecated` warning alone.
        // The unknown key's warning is still there; building reports the same errors.
        let warnings: Vec<(&str, Code)> = report
            .warnings
            .iter()
            .map(|w| (&*w.field, w.code))
            .collect();
        assert_eq!(
            warnings,
            [
                ("payment_amount", Code::Deprecated),
                ("unknown", Code::UnknownField)
            ],
            "{report}"
        );
        let built = Job::from_json(body).unwrap_err();
        assert_eq!(codes(&built), codes(&report));
    }

    const U: &str = "c7319be2-03f5-46fc-be02-2341cca844db";

    /// Bodies of every kind: a full one with escapes, odd numbers, wrong types, repeats,
    /// non-object roots, deep nesting, keys that only look like field names.
    fn corpus() -> Vec<String> {
        vec![
            format!(
                r#"{{"status": "Work Order", "uuid": "{U}", "company_uuid": "{U}",
                "job_address": "12 Rue de l'\u00c9glise, Zürich \"Nord\"\n\t\/ \ud83d\ude00",
                "job_description": "line one\nline \"two\" \\ \b\f\r",
                "lat": -27.4698, "lng": "153.0251", "geo_is_valid": 1, "invoice_sent": true,
                "quote_sent": "0", "payment_amount": 0, "related_knowledge_articles": false,
                "badges": "[\"{U}\", \"{U}\"]", "date": "2025-09-18 00:00:00",
                "customfield_xero": "x", "customfield_a\u0062": "y",
                "unknown": {{"a": [1, -2.5e3, "s\u00e9", null, true, {{}}, []], "b": {{"c": [[[]]]}}}},
                "Status": "Quote", "edit_date": "0000-00-00 00:00:00", "active": 1}}"#
            ),
            r#"{"status": "Quote", "payment_amount": -0, "payment_note": 1e5,
                "payment_method": 1E+2, "ready_to_invoice": 0.1,
                "active_network_request_uuid": 123456789012345678901234,
                "payment_date": -9223372036854775809, "geo_number": 18446744073709551615,
                "geo_city": 18446744073709551616, "geo_state": -1.5e-3, "lat": 90,
                "lng": -180.0000000000000001, "invoice_sent": 2, "x": [0, 10, 999999999999999999]}"#
                .to_owned(),
            r#"{"status": null, "status": "", "job_address": {"a": 1}, "badges": ["x"],
                "uuid": "{x}", "lat": "abc", "lng": 400, "customfield_q": 5,
                "customfield_q": "dup", "purchase_order_no": "p", "date": "2025-02-30"}"#
                .to_owned(),
            r#"[1, "two", {"three": 3}]"#.to_owned(),
            r#"  "just a string"  "#.to_owned(),
            r#"{"status": "Quote", "job_description": "\u0000 \u001f \u007f \uFFFF"}"#.to_owned(),
            format!(
                r#"{{"status": "Quote", "x": {}1{}}}"#,
                "[".repeat(99),
                "]".repeat(99)
            ),
            format!(
                r#"{{"status": "Quote", "x": {}1{}}}"#,
                "[".repeat(140),
                "]".repeat(140)
            ),
            "{}".to_owned(),
            "17".to_owned(),
            // Keys matched in the input, and keys that only look like field names: escaped,
            // a prefix or an extension of a name, a name with a space, the empty key.
            r#"{"st\u0061tus": "Quote", "statu": 1, "statuss": 2, "status ": 3, "": 4,
                "uuid\"": 5, "uuid": "x", "uuid": "y", "\u0075uid": "z", "status": "Quote"}"#
                .to_owned(),
        ]
    }

    #[test]
    fn mutated_bodies_never_panic_and_both_doors_and_serde_json_agree_on_what_is_json() {
        const ALPHABET: &[u8] = b"\"\\,:{}[]0-.eEu+n 1x\x1f\xff\xc3\xa9t";
        let mut rng = crate::test_rng::Rng::new(0x5EED_u64);
        let (mut total, mut malformed, mut compared) = (0, 0, 0);
        for doc in corpus() {
            for round in 0..600 {
                let mut bytes = doc.clone().into_bytes();
                for _ in 0..=rng.below(3) * usize::from(round > 0) {
                    let at = rng.below(bytes.len() + 1);
                    match rng.below(4) {
                        0 if at < bytes.len() => drop(bytes.remove(at)),
                        1 if at < bytes.len() => bytes[at] = ALPHABET[rng.below(ALPHABET.len())],
                        2 => bytes.truncate(at),
                        _ => bytes.insert(at, ALPHABET[rng.below(ALPHABET.len())]),
                    }
                }
                total += 1;
                let shown = String::from_utf8_lossy(&bytes);
                for options in [Options::default(), Options::default().strict()] {
                    let checked = Job::check_json(&bytes, options);
                    let built = match Job::from_json_with(&bytes, options) {
                        Ok(parsed) => Report {
                            warnings: parsed.warnings,
                            ..Report::default()
                        },
                        Err(report) => report,
                    };
                    // Building finds what checking finds, and only the values that do not
                    // fit their Rust type beside it.
                    let misfit =
                        |i: &crate::Issue| i.message().ends_with("does not fit this field's type");
                    let without = |r: &Report| -> Vec<crate::Issue> {
                        r.errors.iter().filter(|i| !misfit(i)).cloned().collect()
                    };
                    assert_eq!(without(&checked), without(&built), "{shown}");
                    assert_eq!(checked.warnings, built.warnings, "{shown}");
                    let syntax = checked.errors.iter().any(|e| e.code == Code::JsonSyntax);
                    // serde_json, reading the body into a value, agrees on what is JSON,
                    // except on numbers beyond a double, which it refuses and the reader reads.
                    let serde = serde_json::from_slice::<serde_json::Value>(&bytes);
                    let serde_refuses = serde
                        .as_ref()
                        .is_err_and(|e| !e.to_string().starts_with("number out of range"));
                    if serde.is_ok() || serde_refuses {
                        assert_eq!(syntax, serde_refuses, "{shown}: {serde:?} {checked}");
                        compared += 1;
                    }
                    malformed += usize::from(syntax);
                }
            }
        }
        // Mutations break most bodies, not all.
        // (Each body is read in two modes.)
        assert!(
            malformed > total / 2 && malformed < total * 2 - total / 10,
            "{malformed} of {total}"
        );
        assert!(compared > total * 2 - total / 20, "{compared} of {total}");
        println!("{total} bodies, {malformed} malformed readings, {compared} compared");
    }

    #[test]
    fn minus_zero_is_the_integer_zero() {
        let parsed = Job::from_json(br#"{"status": "Quote", "active": -0, "geo_is_valid": -0}"#)
            .expect("-0 is a flag's 0");
        assert_eq!(parsed.record.active, Some(0));
        assert_eq!(parsed.record.geo_is_valid, Some(0));
        let report = Job::check_json(
            br#"{"status": "Quote", "active": -0.0}"#,
            Options::default(),
        );
        assert_eq!(codes(&report), [("active".to_owned(), Code::Type)]);
    }
}

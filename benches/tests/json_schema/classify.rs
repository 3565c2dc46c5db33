//! The bodies the differential test does not compare, by class: what JSON Schema cannot
//! express, or what no validator built on serde_json can be given. Each body is classified
//! from its text and the field table, never from either verdict.

use std::collections::BTreeSet;

use job_schema::{FieldSpec, Mode, Rule, Shape};
use serde_json::Value;

use super::gen::{decoded, Gen, Table};

/// Why a body is not compared: what JSON Schema cannot express, or what no JSON Schema
/// validator built on serde_json can be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exception {
    /// serde_json refuses the body: a number beyond a double (`1e400`), which is JSON and
    /// which the reader judges in its field.
    NotSerdeJson,
    /// A key given twice in one object: an error for the reader, while a JSON Schema
    /// validator sees one object with one value (serde_json keeps the last copy), and JSON
    /// Schema has no keyword about repeated keys.
    RepeatedKey,
    /// An integer field given an integral number written with a fraction or an exponent
    /// (`1.0`, `1e0`, `-0.0`) or an integer beyond 64 bits: JSON Schema's `integer` is a
    /// value (1.0 is the integer 1), the reader's is an integer token that fits 64 bits;
    /// and serde_json holds an integer beyond 64 bits as a double.
    IntegerByValue,
    /// A numeric string outside the field's range or beyond a double (`"91"` in `lat`,
    /// `"1e999"`) where the field takes numeric strings: a pattern cannot compare a
    /// number's value.
    NumericStringValue,
}

/// The exception class of `body` read with `mode`, if it has one (the first of those it
/// has, in the order of [`Exception`]).
pub fn classify(body: &Gen, table: Table, mode: Mode) -> Option<Exception> {
    let mut found = BTreeSet::new();
    if serde_json::from_str::<Value>(&body.text()).is_err() {
        found.insert(Exception::NotSerdeJson);
    }
    walk(body, table, mode, &mut found);
    found.into_iter().next()
}

fn walk(value: &Gen, table: Table, mode: Mode, found: &mut BTreeSet<Exception>) {
    let Gen::Object(entries) = value else {
        return;
    };
    let mut seen = BTreeSet::new();
    for (key, value) in entries {
        let key = decoded(key).expect("generated keys are JSON strings");
        if !seen.insert(key.clone()) {
            found.insert(Exception::RepeatedKey);
        }
        if let Some(field) = table.field(&key) {
            match value {
                Gen::Array(items) if field.list => {
                    for item in items {
                        element(field, item, mode, found);
                    }
                }
                _ if field.list => {}
                single => element(field, single, mode, found),
            }
        }
    }
}

/// Classifies one value of `field` (one element, for a list).
fn element(field: &FieldSpec, value: &Gen, mode: Mode, found: &mut BTreeSet<Exception>) {
    let text = match value {
        Gen::Object(_) if field.shape == Shape::Nested => {
            let nested = Table {
                fields: field.nested.unwrap_or(&[]),
                custom_prefix: field.nested_custom_prefix,
            };
            return walk(value, nested, mode, found);
        }
        Gen::Raw(text) => text,
        _ => return,
    };
    if field.shape == Shape::Integer && is_number_token(text) && !is_integer_token(text) {
        let integral = text.parse::<f64>().is_ok_and(|n| n.fract() == 0.0);
        if integral {
            found.insert(Exception::IntegerByValue);
        }
    }
    let takes_strings = match field.shape {
        Shape::Text | Shape::Any => true,
        Shape::Float => mode == Mode::Lax && field.has("number"),
        _ => false,
    };
    if takes_strings && (field.has("number") || field.has("range")) {
        if let Ok(s) = serde_json::from_str::<String>(text) {
            if is_number_grammar(&s) {
                let n: f64 = s.parse().unwrap_or(f64::INFINITY);
                let outside = field.rules.iter().any(|rule| match *rule {
                    Rule::Range { min, max } => !(min..=max).contains(&n),
                    _ => false,
                });
                if !n.is_finite() || outside {
                    found.insert(Exception::NumericStringValue);
                }
            }
        }
    }
}

fn is_number_token(text: &str) -> bool {
    text.starts_with(|c: char| c == '-' || c.is_ascii_digit())
}

/// An integer token the reader reads as an integer: no fraction or exponent, within `i64`
/// or `u64`.
fn is_integer_token(text: &str) -> bool {
    !text.contains(['.', 'e', 'E']) && (text.parse::<i64>().is_ok() || text.parse::<u64>().is_ok())
}

/// The number grammar of the `number` rule, written here from its documentation.
pub fn is_number_grammar(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    if b.first() == Some(&b'-') {
        i += 1;
    }
    if !digits(&mut i) {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

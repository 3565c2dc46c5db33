//! The patterns of the format rules against the rules themselves: the date and datetime
//! patterns on every day of several centuries, and every pattern on generated text and
//! one to three edits of it.

use std::collections::BTreeSet;

use job_schema::rules::{date, datetime, number, uuid, uuid_list};
use job_schema::{Job, Mode, Options, Schema};
use serde_json::Value;

use super::classify::is_number_grammar;
use super::gen::{self, Rng};
use super::{validator, Visit};

/// A validator of the string schema of property `name` of `schema` (strict: the canonical
/// form, one `pattern`).
fn property_validator(schema: &Value, name: &str) -> jsonschema::Validator {
    let property = &schema["properties"][name];
    assert!(property["pattern"].is_string(), "{name}: {property}");
    validator(property)
}

fn accepts(validator: &jsonschema::Validator, text: &str) -> bool {
    validator.is_valid(&Value::from(text))
}

#[test]
fn the_date_patterns_are_the_calendar() {
    let strict = Job::json_schema(Options::default().strict());
    let dates = property_validator(&strict, "date");
    let datetimes = property_validator(&strict, "invoice_sent_stamp");
    // Every century year, and the years around the ones where calendars go wrong.
    let mut years: BTreeSet<u32> = (0..=9999).step_by(100).collect();
    for around in [0u32, 100, 400, 1900, 2000, 2024, 2100, 2400, 9999] {
        years.extend(around.saturating_sub(5)..=(around + 5).min(9999));
    }
    let mut checked = 0;
    for year in years {
        for month in 0..=13 {
            for day in 0..=32 {
                let day_text = format!("{year:04}-{month:02}-{day:02}");
                for text in [
                    day_text.clone(),
                    format!("{day_text} 00:00:00"),
                    format!("{day_text} 23:59:59"),
                ] {
                    assert_eq!(
                        accepts(&dates, &text),
                        date::is_date(&text),
                        "date {text:?}"
                    );
                    assert_eq!(
                        accepts(&datetimes, &text),
                        datetime::is_datetime(&text),
                        "datetime {text:?}"
                    );
                    checked += 1;
                }
            }
        }
    }
    for hour in 0..=25 {
        for minute in [0, 1, 9, 10, 59, 60, 99] {
            for second in [0, 30, 59, 60] {
                let text = format!("2024-02-29 {hour:02}:{minute:02}:{second:02}");
                assert_eq!(
                    accepts(&datetimes, &text),
                    datetime::is_datetime(&text),
                    "{text:?}"
                );
                assert_eq!(accepts(&dates, &text), date::is_date(&text), "{text:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 100_000, "{checked}");
}

/// `text` with one to three characters inserted, removed or replaced, from an alphabet of
/// the characters the formats are made of and a few that they are not.
fn edited(rng: &mut Rng, text: &str) -> String {
    const ALPHABET: &[char] = &[
        '0', '9', 'a', 'f', 'A', 'F', 'g', 'G', '-', ':', ' ', 'T', '"', '[', ']', ',', '\\', 'u',
        '.', 'e', 'E', '+', '\n', '\t', 'é', '٣',
    ];
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..=rng.below(2) {
        let at = rng.below(chars.len() + 1);
        let c = *rng.pick(ALPHABET);
        match rng.below(3) {
            0 => chars.insert(at, c),
            1 if at < chars.len() => {
                chars.remove(at);
            }
            _ if at < chars.len() => chars[at] = c,
            _ => chars.push(c),
        }
    }
    chars.into_iter().collect()
}

#[test]
fn the_text_patterns_accept_what_the_rules_accept() {
    let strict = Job::json_schema(Options::default().strict());
    let visit = Visit::json_schema(Options::default().strict());
    let uuids = property_validator(&strict, "company_uuid");
    let lists = property_validator(&strict, "badges");
    let dates = property_validator(&strict, "date");
    let datetimes = property_validator(&strict, "invoice_sent_stamp");
    let numbers = property_validator(&visit, "amount");
    let is_list = |text: &str| {
        let mut good = true;
        uuid_list::check(text, Mode::Strict, |_, _| good = false);
        good
    };
    let mut rng = Rng::new(0x7E47);
    let (mut compared, mut beyond_a_double) = (0, 0);
    for round in 0..4_000 {
        let n = rng.below(4);
        let samples = [
            gen::uuid(&mut rng),
            gen::uuid_list(&mut rng, n),
            gen::date(&mut rng, round % 2 == 0),
            gen::datetime(&mut rng, round % 2 == 0),
            gen::number_text(&mut rng),
        ];
        for sample in samples {
            for text in [sample.clone(), edited(&mut rng, &sample)] {
                assert_eq!(
                    accepts(&uuids, &text),
                    uuid::is_uuid(&text),
                    "uuid {text:?}"
                );
                assert_eq!(accepts(&lists, &text), is_list(&text), "uuid_list {text:?}");
                assert_eq!(
                    accepts(&dates, &text),
                    date::is_date(&text),
                    "date {text:?}"
                );
                assert_eq!(
                    accepts(&datetimes, &text),
                    datetime::is_datetime(&text),
                    "datetime {text:?}"
                );
                let rule = number::parse(&text).is_some();
                if accepts(&numbers, &text) && !rule && is_number_grammar(&text) {
                    // Beyond a double: the `NumericStringValue` exception.
                    beyond_a_double += 1;
                } else {
                    assert_eq!(accepts(&numbers, &text), rule, "number {text:?}");
                }
                compared += 1;
            }
        }
    }
    eprintln!("{compared} texts, {beyond_a_double} numbers beyond a double");
    assert!(beyond_a_double > 0 && beyond_a_double < compared / 20);
}

/// `schema` with every `pattern` read as Python's `re`, PCRE and Java read it, whose `$` also
/// matches before a final newline: a final `$` becomes `\n?$` for the ECMA-262 engine.
fn dollar_before_newline(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match value {
                    Value::String(pattern) if key == "pattern" => {
                        if let Some(stem) = pattern.strip_suffix('$') {
                            *pattern = format!("{stem}\\n?$");
                        }
                    }
                    other => dollar_before_newline(other),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(dollar_before_newline),
        _ => {}
    }
}

/// `schema` without its `maxLength` and `not` keywords: the patterns alone.
fn patterns_alone(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            map.remove("maxLength");
            map.remove("not");
            map.values_mut().for_each(patterns_alone);
        }
        Value::Array(items) => items.iter_mut().for_each(patterns_alone),
        _ => {}
    }
}

#[test]
fn a_dollar_that_matches_before_a_final_newline_lets_no_newline_through() {
    let job_lax = Job::json_schema(Options::default());
    let job = Job::json_schema(Options::default().strict());
    let visit = Visit::json_schema(Options::default().strict());
    let mut rng = Rng::new(0x0A0A);
    let mut checked = 0;
    for (schema, field) in [
        (&job_lax, "company_uuid"),
        (&job, "company_uuid"),
        (&job_lax, "invoice_sent_stamp"),
        (&job, "invoice_sent_stamp"),
        (&job_lax, "date"),
        (&job, "date"),
        (&job_lax, "lat"),
        (&visit, "amount"),
        (&visit, "score"),
    ] {
        let mut property = schema["properties"][field].clone();
        dollar_before_newline(&mut property);
        assert_ne!(property, schema["properties"][field], "{field}");
        let emulated = validator(&property);
        // The same patterns without the lengths and `not`: what let the newline through.
        let mut alone = property.clone();
        patterns_alone(&mut alone);
        let alone = validator(&alone);
        for round in 0..300 {
            let text = match field {
                "company_uuid" => gen::uuid(&mut rng),
                "date" if round % 2 == 0 => gen::date(&mut rng, true),
                "invoice_sent_stamp" | "date" => gen::datetime(&mut rng, true),
                _ => gen::number_text(&mut rng),
            };
            if !accepts(&emulated, &text) {
                // Not a value the field takes (a number beyond a double, out of range).
                continue;
            }
            let newline = format!("{text}\n");
            assert!(
                !accepts(&emulated, &newline),
                "{field}: {text:?} and a newline"
            );
            assert!(accepts(&alone, &newline), "{field}: {text:?}");
            checked += 1;
        }
    }
    assert!(checked > 2_000, "{checked}");
}

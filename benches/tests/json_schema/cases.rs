//! Bodies for the differential test, generated from a field table: good values for each
//! field's rules and shape, every edge case of each rule, and mutations of keys and shapes.
//! The generator knows nothing of what is valid: `check_json` is the oracle.

use std::fmt::Write as _;

use job_schema::{FieldClass, FieldSpec, Rule, Shape};

use super::gen::{
    date, datetime, decoded, escaped, key, number_text, number_within, text_of, uuid, uuid_list,
    Gen, Rng, Table,
};

fn range_of(field: &FieldSpec) -> Option<(f64, f64)> {
    field.rules.iter().find_map(|r| match *r {
        Rule::Range { min, max } => Some((min, max)),
        _ => None,
    })
}

fn max_len_of(field: &FieldSpec) -> Option<usize> {
    field.rules.iter().find_map(|r| match *r {
        Rule::MaxLen(n) => Some(n),
        _ => None,
    })
}

/// A value of `field` that its rules take in strict mode (as far as the generator knows).
pub fn good(rng: &mut Rng, field: &FieldSpec, depth: usize) -> Gen {
    if field.list {
        let n = usize::from(field.is_required()) + rng.below(3);
        return Gen::Array((0..n).map(|_| good_element(rng, field, depth)).collect());
    }
    good_element(rng, field, depth)
}

fn good_element(rng: &mut Rng, field: &FieldSpec, depth: usize) -> Gen {
    let rules = field.rules;
    let has = |name: &str| field.has(name);
    match field.shape {
        Shape::Nested => object(rng, Table::nested(field), depth + 1),
        Shape::Bool => Gen::raw(*rng.pick(&["true", "false"])),
        Shape::Integer => {
            for rule in rules {
                match rule {
                    Rule::EnumInts(values) => return Gen::raw(rng.pick(values).to_string()),
                    Rule::Bool01 => return Gen::raw(*rng.pick(&["0", "1"])),
                    _ => {}
                }
            }
            if let Some((min, max)) = range_of(field) {
                #[allow(clippy::cast_possible_truncation)]
                let (lo, hi) = (min.ceil() as i64, max.floor() as i64);
                let span = u64::try_from(hi - lo + 1).unwrap();
                return Gen::raw((lo + i64::try_from(rng.next() % span).unwrap()).to_string());
            }
            Gen::raw(
                (*rng.pick(&[
                    "0",
                    "7",
                    "300",
                    "-12",
                    "9223372036854775807",
                    "-9223372036854775808",
                    "18446744073709551615",
                ]))
                .to_owned(),
            )
        }
        Shape::Float => match range_of(field) {
            Some((min, max)) => Gen::raw(number_within(rng, min, max)),
            None => Gen::raw(*rng.pick(&["0.5", "-3", "1e10", "2.5E-3", "123456789.25"])),
        },
        Shape::Text | Shape::Any => {
            if field.shape == Shape::Any && rng.chance(30) {
                return Gen::raw(*rng.pick(&["0", "12.5", "true", "false"]));
            }
            let text = if let Some(Rule::EnumStrs(values)) =
                rules.iter().find(|r| matches!(r, Rule::EnumStrs(_)))
            {
                (*rng.pick(values)).to_owned()
            } else if has("uuid") {
                uuid(rng)
            } else if has("datetime") {
                datetime(rng, true)
            } else if has("date") {
                if rng.chance(50) {
                    date(rng, true)
                } else {
                    datetime(rng, true)
                }
            } else if has("uuid_list") {
                let n = rng.below(4);
                uuid_list(rng, n)
            } else if let Some((min, max)) = range_of(field) {
                number_within(rng, min, max)
            } else if has("number") {
                number_text(rng).replace(['e', 'E'], "")
            } else {
                let limit = max_len_of(field).unwrap_or(40);
                let len = usize::from(field.is_required()) + rng.below(limit.min(40));
                text_of(rng, len)
            };
            Gen::Raw(escaped(rng, &text))
        }
    }
}

/// A good object of `table`: required fields always, others often.
pub fn object(rng: &mut Rng, table: Table, depth: usize) -> Gen {
    let mut entries = Vec::new();
    for field in table.fields {
        if field.class != FieldClass::Writable {
            continue;
        }
        let present = field.is_required() || rng.chance(45);
        if !present || (depth > 2 && field.shape == Shape::Nested) {
            continue;
        }
        entries.push((key(field.name), good(rng, field, depth)));
    }
    if let Some(prefix) = table.custom_prefix {
        if rng.chance(30) {
            let name = format!("{prefix}{}", rng.pick(&["a", "b_2", "zone_9"]));
            entries.push((key(&name), Gen::string("custom value")));
        }
    }
    shuffle(rng, &mut entries);
    Gen::Object(entries)
}

fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

/// Values that every field meets: every JSON type, lax spellings, numbers the JSON Schema
/// data model and the reader see differently, numbers beyond a double.
const WILD: &[&str] = &[
    "null",
    "\"\"",
    "true",
    "false",
    "0",
    "1",
    "-0",
    "-0.0",
    "1.0",
    "1e0",
    "2",
    "-1",
    "0.5",
    "1e400",
    "-1e400",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "\"0\"",
    "\"1\"",
    "\"x\"",
    "\" \"",
    "[]",
    "[1]",
    "[\"x\"]",
    "{}",
    "{\"a\":1}",
    "\"true\"",
    "\"01\"",
    "\"1.0\"",
    "\"0000-00-00\"",
    "\"0000-00-00 00:00:00\"",
    "\"[]\"",
];

/// Every edge case of `field`'s rules and shape, each the whole value of the field.
pub fn edges(rng: &mut Rng, field: &FieldSpec) -> Vec<Gen> {
    let mut out: Vec<Gen> = WILD.iter().map(|w| Gen::raw(*w)).collect();
    let s = |text: &str| Gen::string(text);
    let id = "c7319be2-03f5-46fc-be02-2341cca844db";
    for rule in field.rules {
        match *rule {
            Rule::Required => {}
            Rule::MaxLen(n) => {
                for c in ["a", "é", "😀", "e\u{301}"] {
                    let at = c.repeat(n / c.chars().count());
                    out.push(s(&at));
                    out.push(s(&format!("{at}{c}")));
                    out.push(Gen::Raw(escaped(rng, &at)));
                }
                out.push(s(&"x".repeat(n + 1)));
            }
            Rule::EnumStrs(values) => {
                for v in values {
                    out.push(s(v));
                    out.push(s(&v.to_lowercase()));
                    out.push(s(&v.to_uppercase()));
                    out.push(s(&format!(" {v}")));
                    out.push(s(&format!("{v} ")));
                }
            }
            Rule::EnumInts(values) => {
                for v in values {
                    out.push(Gen::raw(v.to_string()));
                    out.push(Gen::raw((v + 1).to_string()));
                    out.push(Gen::raw(format!("{v}.0")));
                    out.push(Gen::raw(format!("\"{v}\"")));
                }
            }
            Rule::Bool01 => {
                for v in ["2", "-1", "\"true\"", "\"-0\"", "\" 1\"", "1.5", "\"2\""] {
                    out.push(Gen::raw(v));
                }
            }
            Rule::Uuid => {
                for v in [
                    id.to_owned(),
                    id.to_uppercase(),
                    "00000000-0000-0000-0000-000000000000".to_owned(),
                    format!("{{{id}}}"),
                    format!("urn:uuid:{id}"),
                    id.replace('-', ""),
                    format!(" {id}"),
                    format!("{id} "),
                    id[..35].to_owned(),
                    format!("{id}0"),
                    id.replace('c', "g"),
                    id.replace('-', "_"),
                ] {
                    out.push(s(&v));
                }
                // A UUID whose first character is a JSON escape: the same text once read.
                out.push(Gen::raw(format!("\"\\u0063{}\"", &id[1..])));
                out.push(s(&uuid(rng)));
            }
            Rule::Datetime | Rule::Date => {
                for v in [
                    "2024-02-29 23:59:59",
                    "2026-02-29 09:00:00",
                    "2100-02-29 00:00:00",
                    "2000-02-29 00:00:00",
                    "1900-02-29 12:00:00",
                    "0004-02-29 00:00:00",
                    "0000-01-01 00:00:00",
                    "0001-01-01 00:00:00",
                    "9999-12-31 23:59:59",
                    "2026-04-31 00:00:00",
                    "2026-13-01 00:00:00",
                    "2026-00-10 00:00:00",
                    "2026-01-00 00:00:00",
                    "2026-03-01T09:00:00",
                    "2026-03-01 24:00:00",
                    "2026-01-01 23:60:00",
                    "2026-01-01 23:59:60",
                    "2026-01-01 00:00:00Z",
                    "2026-01-01 00:00:00.5",
                    " 2026-01-01 00:00:00",
                    "2026-1-01 00:00:00",
                    "2026-01-01  00:00:00",
                    "２０２６-01-01 00:00:00",
                    "2026-03-01",
                    "2024-02-29",
                    "2026-02-29",
                    "2026-02-30",
                    "2026-3-1",
                    "2026/03/01",
                    "0000-00-00",
                    "0000-00-00 00:00:00",
                    "0000-00-00 00:00:01",
                ] {
                    out.push(s(v));
                }
                for _ in 0..6 {
                    out.push(s(&datetime(rng, false)));
                    out.push(s(&date(rng, false)));
                    out.push(s(&datetime(rng, true)));
                }
            }
            Rule::Number => {
                for v in [
                    "-27.4698", "007", "+1", "NaN", "1e999", "-1e999", "1e3", ".5", "5.", "-",
                    "1e", "١", " 1", "1 ", "Infinity", "-0", "0x10", "1_000", "1,5",
                ] {
                    out.push(s(v));
                }
                for v in ["-27.4698", "1e3", "1E-2", "-0"] {
                    out.push(Gen::raw(v));
                }
                out.push(s(&number_text(rng)));
            }
            Rule::Range { min, max } => {
                let step = (max - min).abs().max(1.0) * 1e-9;
                for n in [
                    min,
                    max,
                    min - step,
                    max + step,
                    min.midpoint(max),
                    min - 1.0,
                ] {
                    out.push(Gen::raw(format!("{n}")));
                    out.push(Gen::raw(format!("{n:e}")));
                    out.push(s(&format!("{n}")));
                }
                out.push(Gen::raw(format!("{max}.000001")));
                out.push(s(&format!("{max}.000001")));
                out.push(s("1e1"));
                out.push(s("abc"));
            }
            Rule::UuidList => {
                let good = uuid_list(rng, 2);
                for v in [
                    "[]".to_owned(),
                    format!("[\"{id}\"]"),
                    format!(" [ \"{id}\" , \"{id}\" ] "),
                    format!("\t[\n\"{id}\"\r]\n"),
                    format!("[\"\\u0063{}\"]", &id[1..]),
                    format!("[\"{}\\u002D{}\"]", &id[..8], &id[9..]),
                    format!("[\"{}\\u002d{}\"]", &id[..8], &id[9..]),
                    format!("[\"\\u00{}{}\"]", "43", &id[1..]),
                    format!("[\"\\U0063{}\"]", &id[1..]),
                    format!("[\"{id}\",]"),
                    format!("[\"{id}\" \"{id}\"]"),
                    format!("[\"{{{id}}}\"]"),
                    "[\"x\"]".to_owned(),
                    "[1]".to_owned(),
                    "[null]".to_owned(),
                    "[[]]".to_owned(),
                    "[\"\"]".to_owned(),
                    id.to_owned(),
                    "[".to_owned(),
                    "[]x".to_owned(),
                    "{}".to_owned(),
                    "\"[]\"".to_owned(),
                    " ".to_owned(),
                    good,
                ] {
                    out.push(s(&v));
                }
                out.push(Gen::raw(format!("[\"{id}\"]")));
            }
        }
    }
    match field.shape {
        Shape::Nested => {
            let table = Table::nested(field);
            out.push(Gen::Object(Vec::new()));
            out.push(object(rng, table, 3));
            let mut bad = object(rng, table, 3);
            mutate(rng, &mut bad, table, 3);
            out.push(bad);
        }
        Shape::Text if field.rules.is_empty() => {
            out.push(s(&text_of(rng, 600)));
        }
        _ => {}
    }
    if field.list {
        let good_one = good_element(rng, field, 2);
        let wild = Gen::raw(*rng.pick(WILD));
        out.push(Gen::Array(vec![good_one.clone(), good_one.clone()]));
        out.push(Gen::Array(vec![good_one.clone(), wild]));
        out.push(Gen::Array(vec![Gen::raw("null")]));
        out.push(Gen::Array(vec![Gen::raw("\"\"")]));
        // Each edge of one element, inside an array.
        let singles: Vec<Gen> = out.iter().take(60).cloned().collect();
        for single in singles {
            out.push(Gen::Array(vec![good_one.clone(), single]));
        }
    }
    out
}

/// Keys that are not fields: unknown, custom good and bad, escaped.
fn extra_key(rng: &mut Rng, table: Table) -> String {
    let prefix = table.custom_prefix.unwrap_or("customfield_");
    let keys = [
        "Status".to_owned(),
        "zzz".to_owned(),
        "purchase_order_no".to_owned(),
        String::new(),
        prefix.to_owned(),
        format!("{prefix}ABC"),
        format!("{prefix}é"),
        format!("{prefix}a-b"),
        format!("{prefix}a b"),
        format!("{prefix}ok_1"),
        format!("{prefix}z"),
        format!(" {prefix}a"),
        format!("{prefix}a\n"),
    ];
    let name = rng.pick(&keys).clone();
    if rng.chance(20) && !name.is_empty() {
        // The same key with its last character escaped.
        let mut chars: Vec<char> = name.chars().collect();
        let last = chars.pop().unwrap();
        let mut text = String::from("\"");
        let head: String = chars.into_iter().collect();
        let head = serde_json::to_string(&head).unwrap();
        text.push_str(&head[1..head.len() - 1]);
        let mut units = [0u16; 2];
        for unit in last.encode_utf16(&mut units) {
            let _ = write!(text, "\\u{unit:04x}");
        }
        text.push('"');
        return text;
    }
    key(&name)
}

/// Applies one mutation to `object` (a good object of `table`): a field's value replaced by
/// an edge case, a key added, removed, repeated, escaped or given under an alias, or a
/// mutation inside a nested object.
pub fn mutate(rng: &mut Rng, object: &mut Gen, table: Table, depth: usize) {
    let Gen::Object(entries) = object else {
        return;
    };
    if table.fields.is_empty() {
        return;
    }
    let field = rng.pick(table.fields);
    match rng.below(100) {
        0..=54 => {
            let cases = edges(rng, field);
            let value = rng.pick(&cases).clone();
            set(entries, field, value);
        }
        55..=64 => {
            let name = extra_key(rng, table);
            let value = Gen::raw(*rng.pick(&[
                "\"text\"", "\"\"", "null", "1", "true", "[]", "{}", "\"[]\"",
            ]));
            entries.push((name, value));
        }
        65..=69 => {
            entries.retain(|(k, _)| {
                decoded(k).is_none_or(|k| k != field.name && !field.aliases.contains(&&*k))
            });
        }
        70..=73 => {
            // A repeated key: an exception class.
            if let Some(entry) = entries.first().cloned() {
                entries.push(entry);
            }
        }
        74..=83 => {
            // A deprecated or read-only field, or any field, with a good value.
            let special: Vec<&FieldSpec> = table
                .fields
                .iter()
                .filter(|f| f.class != FieldClass::Writable)
                .collect();
            let field = if special.is_empty() {
                field
            } else {
                *rng.pick(&special)
            };
            let value = good(rng, field, depth);
            set(entries, field, value);
        }
        84..=88 => {
            // A field's key written with an escape, or under an alias, or both names.
            let value = good(rng, field, depth);
            let name = if field.aliases.is_empty() || rng.chance(40) {
                let mut units = [0u16; 2];
                let mut chars = field.name.chars();
                let first = chars.next().unwrap();
                let mut text = String::from("\"");
                for unit in first.encode_utf16(&mut units) {
                    let _ = write!(text, "\\u{unit:04x}");
                }
                let rest = serde_json::to_string(chars.as_str()).unwrap();
                text.push_str(&rest[1..]);
                text
            } else {
                key(field.aliases[rng.below(field.aliases.len())])
            };
            if rng.chance(70) {
                entries.retain(|(k, _)| decoded(k).is_none_or(|k| k != field.name));
            }
            entries.push((name, value));
        }
        _ => {
            // Inside a nested object, if there is one.
            let nested = entries.iter_mut().find_map(|(k, v)| {
                let f = table.field(&decoded(k)?)?;
                (f.shape == Shape::Nested).then_some((f, v))
            });
            if let Some((f, value)) = nested {
                let inner = Table::nested(f);
                match value {
                    Gen::Array(items) if !items.is_empty() => {
                        let at = rng.below(items.len());
                        mutate(rng, &mut items[at], inner, depth + 1);
                    }
                    other => mutate(rng, other, inner, depth + 1),
                }
            } else {
                let cases = edges(rng, field);
                let value = rng.pick(&cases).clone();
                set(entries, field, value);
            }
        }
    }
}

/// Sets `field` to `value`: replaces its entry, or adds one.
pub fn set(entries: &mut Vec<(String, Gen)>, field: &FieldSpec, value: Gen) {
    let existing = entries
        .iter_mut()
        .find(|(k, _)| decoded(k).is_some_and(|k| k == field.name || field.aliases.contains(&&*k)));
    match existing {
        Some((_, slot)) => *slot = value,
        None => entries.push((key(field.name), value)),
    }
}

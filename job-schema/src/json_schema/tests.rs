//! The mapping of each rule, class and shape to keywords, field by field. Whether the
//! schemas accept what the reader accepts is the differential test's business
//! (`tests/tests/json_schema.rs`, with a real validator).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::*;
use crate::{AnyScalar, Job};

const LAX: Options = Options::LAX;

fn strict() -> Options {
    Options::LAX.strict()
}

fn property(schema: &Value, name: &str) -> Value {
    schema["properties"][name].clone()
}

/// A part: nested, with custom keys.
#[allow(dead_code)]
#[derive(crate::Schema)]
struct Part {
    #[schema(required, max_len = 8)]
    name: String,
    #[schema(custom_prefix = "x.")]
    #[serde(flatten)]
    extra: BTreeMap<String, String>,
}

#[allow(dead_code)]
#[derive(crate::Schema)]
#[serde(deny_unknown_fields)]
struct Contact {
    #[serde(alias = "fullName")]
    #[schema(required)]
    name: String,
}

/// A visit.
#[allow(dead_code)]
#[derive(crate::Schema)]
#[serde(rename_all = "camelCase")]
struct Visit {
    /// First paragraph,
    /// wrapped.
    ///
    /// Second paragraph.
    #[schema(required, enum_values("Booked", "Done"), max_len = 6)]
    state: String,
    #[schema(enum_values(3, 1, 2))]
    level: Option<i32>,
    count: Option<u32>,
    #[schema(range(min = -5, max = 5))]
    offset: Option<i64>,
    #[schema(number, range(min = -1.5, max = 90))]
    weight: Option<f64>,
    #[schema(number)]
    amount: Option<String>,
    done: Option<bool>,
    #[schema(required, uuid)]
    crew: Vec<String>,
    #[schema(datetime)]
    staff: Vec<String>,
    #[schema(uuid, deprecated = "Use `crew`.")]
    lead: Option<AnyScalar>,
    #[schema(read_only)]
    edited: Option<String>,
    part: Option<Part>,
    contact: Option<Contact>,
    #[serde(rename = "cf_fixed")]
    fixed: Option<u8>,
    #[schema(custom_prefix = "cf_")]
    #[serde(flatten)]
    custom: BTreeMap<String, String>,
}

#[test]
fn the_root_names_the_dialect_the_record_the_mode_and_the_limits() {
    let schema = json_schema::<Job>(LAX);
    assert_eq!(schema["$schema"], DIALECT);
    assert_eq!(schema["title"], "Job");
    assert_eq!(schema["type"], "object");
    assert_eq!(
        schema["$comment"],
        format!("{LIMITS} {CHECK_VALUE_LIMIT}"),
        "Job has a check_value function"
    );
    assert_eq!(json_schema::<Visit>(LAX)["$comment"], LIMITS);
    let description = schema["description"].as_str().unwrap();
    assert!(description.starts_with("A `Job` record as job-schema reads it in lax mode"));
    assert!(description.ends_with("create direction (a request body)."));
    let record = json_schema::<Job>(strict().record());
    assert!(record["description"]
        .as_str()
        .unwrap()
        .contains("strict mode"));
    assert!(record["description"]
        .as_str()
        .unwrap()
        .contains("record direction"));
    let contact = json_schema::<Contact>(LAX);
    assert!(contact["description"]
        .as_str()
        .unwrap()
        .contains("but not unknown keys"));
}

#[test]
fn required_is_present_not_null_and_not_empty_except_in_update() {
    for options in [LAX, strict(), LAX.record(), strict().record()] {
        let schema = json_schema::<Job>(options);
        assert_eq!(schema["required"], json!(["status"]));
        assert_eq!(
            property(&schema, "status"),
            json!({
                "description": "Current status of the job. Controls where the Job appears in the \
                    Dispatch Board.. Valid values are `[Quote,Work Order,Unsuccessful,Completed]`\n\n\
                    The only required field.",
                "type": "string",
                "minLength": 1,
                "maxLength": 20,
                "enum": ["Quote", "Work Order", "Unsuccessful", "Completed"],
            })
        );
    }
    // Update: nothing is required; lax mode reads `""` and `null` as unset.
    let update = json_schema::<Job>(LAX.update());
    assert!(update.get("required").is_none());
    let status = property(&update, "status");
    assert_eq!(status["anyOf"][1], json!({"enum": ["", null]}));
    assert!(status["anyOf"][0].get("minLength").is_none());
    let strict_update = json_schema::<Job>(strict().update());
    assert!(property(&strict_update, "status").get("anyOf").is_none());
}

#[test]
fn each_format_rule_is_a_pattern_and_lax_adds_its_unset_forms() {
    let lax = json_schema::<Job>(LAX);
    let job = json_schema::<Job>(strict());
    let uuid =
        json!({"type": "string", "format": "uuid", "maxLength": 36, "pattern": patterns::UUID});
    assert_eq!(property(&job, "company_uuid")["pattern"], uuid["pattern"]);
    assert_eq!(
        property(&lax, "company_uuid")["anyOf"],
        json!([uuid, {"enum": ["", null]}])
    );
    let datetime = property(&lax, "quote_date");
    assert_eq!(datetime["anyOf"][0]["pattern"], patterns::datetime());
    assert_eq!(
        datetime["anyOf"][1],
        json!({"enum": ["", "0000-00-00 00:00:00", null]})
    );
    let date = property(&lax, "date");
    assert_eq!(date["anyOf"][0]["pattern"], patterns::date());
    assert_eq!(
        date["anyOf"][1],
        json!({"enum": ["", "0000-00-00", "0000-00-00 00:00:00", null]})
    );
    assert_eq!(property(&job, "badges")["pattern"], patterns::uuid_list());
    assert_eq!(property(&job, "date")["pattern"], patterns::date());
}

#[test]
fn a_read_only_field_takes_any_scalar_in_lax_mode_and_a_string_in_strict_record() {
    // Lax: any scalar, as the reader takes it; a string still matches its format.
    for options in [LAX, LAX.record(), LAX.update()] {
        let edit_date = property(&json_schema::<Job>(options), "edit_date");
        assert_eq!(
            edit_date["anyOf"][0],
            json!({"type": ["number", "boolean"]})
        );
        assert_eq!(edit_date["anyOf"][1]["pattern"], patterns::datetime());
        assert_eq!(
            property(&json_schema::<Job>(options), "generated_job_id")["type"],
            json!(["string", "number", "boolean", "null"])
        );
    }
    // Strict record: the string the OpenAPI text gives.
    let strict_record = json_schema::<Job>(strict().record());
    assert_eq!(
        property(&strict_record, "generated_job_id")["type"],
        "string"
    );
    let edit_date = property(&strict_record, "edit_date");
    assert_eq!(edit_date["type"], "string");
    assert_eq!(edit_date["pattern"], patterns::datetime());
}

#[test]
fn the_check_value_function_takes_0_out_of_active_in_a_strict_create() {
    let active = |options| property(&json_schema::<Job>(options), "active");
    assert_eq!(active(strict())["enum"], json!([1]));
    assert_eq!(active(strict())["type"], "integer");
    for options in [strict().update(), strict().record()] {
        assert_eq!(active(options)["enum"], json!([0, 1]), "{options:?}");
    }
    // Lax: a warning, not an error; every spelling stays.
    assert_eq!(active(LAX)["anyOf"][0]["enum"], json!([0, 1]));
    assert_eq!(
        active(LAX)["anyOf"][1]["enum"],
        json!([false, true, "0", "1", null, ""])
    );
    let comment = json_schema::<Job>(LAX)["$comment"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(comment.ends_with(CHECK_VALUE_LIMIT), "{comment}");
}

#[test]
fn max_len_is_max_length_and_a_plain_lax_field_takes_null() {
    assert_eq!(
        property(&json_schema::<Job>(strict()), "billing_address")["maxLength"],
        500
    );
    let lax = property(&json_schema::<Job>(LAX), "billing_address");
    assert_eq!(lax["type"], json!(["string", "null"]));
    assert_eq!(lax["maxLength"], 500);
    assert_eq!(
        property(&json_schema::<Job>(LAX), "geo_city")["type"],
        json!(["string", "null"])
    );
}

#[test]
fn flags_are_zero_or_one_and_lax_adds_their_spellings() {
    let flag = property(&json_schema::<Job>(strict()), "invoice_sent");
    assert_eq!(flag["type"], "integer");
    assert_eq!(flag["enum"], json!([0, 1]));
    let lax = property(&json_schema::<Job>(LAX), "invoice_sent");
    assert_eq!(
        lax["anyOf"],
        json!([
            {"type": "integer", "enum": [0, 1]},
            {"enum": [false, true, "0", "1", null, ""]},
        ])
    );
}

#[test]
fn numbers_take_the_range_and_lax_numeric_strings() {
    let lat = property(&json_schema::<Job>(strict()), "lat");
    assert_eq!(
        lat,
        json!({
            "description": lat["description"],
            "type": "number",
            "minimum": -90,
            "maximum": 90,
        })
    );
    let lax = property(&json_schema::<Job>(LAX), "lat");
    assert_eq!(
        lax["anyOf"],
        json!([
            {"type": "number", "minimum": -90, "maximum": 90},
            {"type": "string", "pattern": patterns::NUMBER, "not": {"pattern": "\\n"}},
            {"enum": [null, ""]},
        ])
    );
    let visit = json_schema::<Visit>(strict());
    assert_eq!(property(&visit, "weight")["minimum"], -1.5);
    assert_eq!(property(&visit, "weight")["maximum"], 90);
    assert_eq!(
        property(&visit, "amount"),
        json!({"type": "string", "pattern": patterns::NUMBER, "not": {"pattern": "\\n"}})
    );
    // Lax: a text `number` field takes JSON numbers too.
    let amount = property(&json_schema::<Visit>(LAX), "amount");
    assert_eq!(amount["anyOf"][0], json!({"type": "number"}));
}

#[test]
fn integers_are_the_listed_ones_or_those_of_64_bits() {
    let visit = json_schema::<Visit>(strict());
    assert_eq!(
        property(&visit, "level"),
        json!({"type": "integer", "enum": [1, 2, 3]})
    );
    assert_eq!(
        property(&visit, "count"),
        json!({"type": "integer", "minimum": i64::MIN, "maximum": u64::MAX})
    );
    assert_eq!(
        property(&visit, "offset"),
        json!({"type": "integer", "minimum": -5, "maximum": 5})
    );
    let lax = json_schema::<Visit>(LAX);
    assert_eq!(
        property(&lax, "done"),
        json!({"anyOf": [{"type": "boolean"}, {"enum": [null, ""]}]})
    );
}

#[test]
fn deprecated_and_read_only_fields_are_marked_and_strict_rejects_them() {
    let lax = json_schema::<Job>(LAX);
    let note = property(&lax, "payment_method");
    assert_eq!(note["deprecated"], true);
    assert_eq!(
        note["description"],
        "Not used. Refer to JobPayment endpoint.\n\nDeprecated: Not used. Refer to the JobPayment endpoint."
    );
    assert!(note.get("not").is_none());
    for options in [strict(), strict().record(), strict().update()] {
        let field = property(&json_schema::<Job>(options), "payment_method");
        assert_eq!(field["deprecated"], true);
        assert_eq!(field["not"], json!({}));
    }
    for (options, rejected) in [
        (LAX, false),
        (LAX.record(), false),
        (strict(), true),
        (strict().update(), true),
        (strict().record(), false),
    ] {
        let field = property(&json_schema::<Job>(options), "edit_date");
        assert_eq!(field["readOnly"], true);
        assert_eq!(field.get("not").is_some(), rejected, "{options:?}");
    }
}

#[test]
fn unknown_keys_are_allowed_in_lax_mode_and_custom_keys_hold_strings() {
    let lax = json_schema::<Job>(LAX);
    assert!(lax.get("additionalProperties").is_none());
    assert_eq!(
        lax["patternProperties"],
        json!({"^customfield_[a-z0-9_]+$": {"type": ["string", "null"]}})
    );
    let job = json_schema::<Job>(strict());
    assert_eq!(job["additionalProperties"], false);
    assert_eq!(
        job["patternProperties"],
        json!({"^customfield_[a-z0-9_]+$": {"type": "string"}})
    );
    // A field named like a custom key stays a field; a prefix is escaped.
    let visit = json_schema::<Visit>(strict());
    assert_eq!(
        visit["patternProperties"],
        json!({"^(?!(?:cf_fixed)$)cf_[a-z0-9_]+$": {"type": "string"}})
    );
    let part = json_schema::<Part>(LAX);
    assert_eq!(
        part["patternProperties"],
        json!({"^x\\.[a-z0-9_]+$": {"type": ["string", "null"]}})
    );
}

#[test]
fn lists_nested_structs_and_aliases() {
    let visit = json_schema::<Visit>(strict());
    assert_eq!(visit["required"], json!(["state", "crew"]));
    let crew = property(&visit, "crew");
    assert_eq!(crew["type"], "array");
    assert_eq!(crew["minItems"], 1);
    assert_eq!(crew["items"]["pattern"], patterns::UUID);
    // A lax list's element has no unset form, but its rules' lax forms.
    let lax = json_schema::<Visit>(LAX);
    let staff = property(&lax, "staff");
    assert_eq!(staff["anyOf"][1], json!({"enum": [null, ""]}));
    assert_eq!(
        staff["anyOf"][0]["items"]["anyOf"][1],
        json!({"enum": ["", "0000-00-00 00:00:00"]})
    );
    // Nested objects are inline, with their own keys.
    let part = property(&visit, "part");
    assert_eq!(part["type"], "object");
    assert_eq!(part["required"], json!(["name"]));
    assert_eq!(part["additionalProperties"], false);
    assert!(part["patternProperties"].is_object());
    let contact = property(&lax, "contact");
    let contact = &contact["anyOf"][0];
    assert_eq!(
        contact["additionalProperties"], false,
        "deny_unknown_fields"
    );
    assert_eq!(
        contact["properties"]["fullName"],
        contact["properties"]["name"]
    );
    assert_eq!(
        contact["allOf"],
        json!([
            {"not": {"required": ["name", "fullName"]}},
            {"anyOf": [{"required": ["name"]}, {"required": ["fullName"]}]},
        ])
    );
    assert!(contact.get("required").is_none());
}

#[test]
fn descriptions_join_wrapped_lines_and_keep_paragraphs() {
    let visit = json_schema::<Visit>(LAX);
    assert_eq!(
        property(&visit, "state")["description"],
        "First paragraph, wrapped.\n\nSecond paragraph."
    );
    assert_eq!(
        property(&visit, "lead")["description"],
        "Deprecated: Use `crew`."
    );
    assert!(property(&visit, "count").get("description").is_none());
}

#[test]
fn bounds_are_written_as_integers_when_whole() {
    assert_eq!(values::number_value(-90.0), json!(-90));
    assert_eq!(values::number_value(1.5), json!(1.5));
    assert_eq!(values::number_value(1e300), json!(1e300));
}

/// Whether `text` passes the keywords of a string schema besides its `pattern`, which do
/// not depend on the regex engine's `$`: `minLength`, `maxLength`, and a `not` of them or
/// of the pattern `\n` (a newline anywhere, the same in every engine).
fn lengths_pass(schema: &Value, text: &str) -> bool {
    let length = text.chars().count() as u64;
    let within = |schema: &Value| {
        schema["minLength"].as_u64().is_none_or(|min| length >= min)
            && schema["maxLength"].as_u64().is_none_or(|max| length <= max)
    };
    let refused = |not: &Value| {
        within(not)
            && not["pattern"]
                .as_str()
                .is_none_or(|pattern| pattern == r"\n" && text.contains('\n'))
    };
    within(schema) && schema.get("not").is_none_or(|not| !refused(not))
}

/// Whether `pattern` matches `text` with `$` read as Python's `re`, PCRE and Java read it
/// (before a final newline too): the pattern's rule accepts `text`, or `text` is such a
/// string followed by `\n`. The patterns hold no newline themselves.
fn dollar_before_newline_matches(rule_accepts: impl Fn(&str) -> bool, text: &str) -> bool {
    rule_accepts(text) || text.strip_suffix('\n').is_some_and(&rule_accepts)
}

/// A rule's verdict on a text.
type Accepts = dyn Fn(&str) -> bool;

#[test]
fn fixed_length_formats_refuse_a_trailing_newline_whatever_the_engines_dollar() {
    use crate::rules;
    let strict_mode = Mode::Strict;
    assert_eq!(strict().mode, strict_mode);
    let uuid_ok = move |s: &str| rules::uuid::check(s, strict_mode).is_ok();
    let datetime_ok = move |s: &str| rules::datetime::check(s, strict_mode).is_ok();
    let date_ok = move |s: &str| rules::date::check(s, strict_mode).is_ok();
    let number_ok = move |s: &str| rules::number::check_str(s, strict_mode).is_ok();
    let cases: [(&str, &Accepts, &[&str]); 4] = [
        (
            "company_uuid",
            &uuid_ok,
            &[
                "c7319be2-03f5-46fc-be02-2341cca844db",
                "C7319BE2-03F5-46FC-BE02-2341CCA844DB",
            ],
        ),
        (
            "quote_date",
            &datetime_ok,
            &[
                "2026-02-10 02:53:30",
                "2024-02-29 23:59:59",
                "0001-01-01 00:00:00",
            ],
        ),
        (
            "date",
            &date_ok,
            &[
                "2026-02-10",
                "2024-02-29",
                "2026-02-10 02:53:30",
                "9999-12-31 23:59:59",
            ],
        ),
        // Numeric text in lax mode (`lat`), and in a text field with `number` (`amount`).
        ("lat", &number_ok, &["-27.5", "153", "1e5", "007"]),
    ];
    for options in [strict(), LAX] {
        let schema = json_schema::<Job>(options);
        for (field, accepts, values) in cases {
            let property = property(&schema, field);
            // Lax mode adds the unset forms as literals beside the format's schema (and a
            // number field its numbers before its numeric text).
            let alternatives = match property.get("anyOf") {
                Some(any) => any.as_array().unwrap().iter().collect(),
                None => vec![&property],
            };
            let Some(format) = alternatives.into_iter().find(|s| s["type"] == "string") else {
                // Strict mode: `lat` takes no text.
                assert_eq!(property["type"], "number", "{field}");
                continue;
            };
            assert!(format["pattern"].is_string(), "{field}: {format}");
            for value in values {
                assert!(accepts(value), "{value}");
                // Accepted: the pattern, and the lengths.
                assert!(lengths_pass(format, value), "{field} refuses {value:?}");
                // With a newline after it, the pattern matches under such an engine, and
                // the lengths refuse it.
                let newline = format!("{value}\n");
                assert!(dollar_before_newline_matches(accepts, &newline));
                assert!(!accepts(&newline), "the rule refuses {newline:?}");
                assert!(
                    !lengths_pass(format, &newline),
                    "{field} takes {newline:?} under a `$` that matches before a newline"
                );
            }
        }
    }
    // The lengths are the formats' own: every string each pattern accepts has one of them.
    let job = json_schema::<Job>(strict());
    assert_eq!(property(&job, "company_uuid")["maxLength"], 36);
    assert_eq!(property(&job, "quote_date")["maxLength"], 19);
    assert_eq!(property(&job, "date")["maxLength"], 19);
    assert_eq!(
        property(&job, "date")["not"],
        json!({"minLength": 11, "maxLength": 18})
    );
    let amount = property(&json_schema::<Visit>(strict()), "amount");
    assert!(lengths_pass(&amount, "-27.5"));
    assert!(!lengths_pass(&amount, "-27.5\n"));
    assert_eq!(patterns::UUID.matches("[0-9a-fA-F]").count(), 5);
    assert_eq!(8 + 4 + 4 + 4 + 12 + 4, patterns::UUID_LENGTH);
    assert_eq!("YYYY-MM-DD".len(), patterns::DATE_LENGTH);
    assert_eq!("YYYY-MM-DD HH:MM:SS".len(), patterns::DATETIME_LENGTH);
}

/// Fields with both a `max_len` and a format of a length of its own.
#[allow(dead_code)]
#[derive(crate::Schema)]
struct Limited {
    #[schema(date, max_len = 10)]
    day: Option<String>,
    #[schema(max_len = 12, date)]
    day_first_limit: Option<String>,
    #[schema(date, max_len = 25)]
    long_day: Option<String>,
    #[schema(uuid, max_len = 40)]
    id: Option<String>,
    #[schema(datetime, max_len = 19)]
    at: Option<String>,
}

#[test]
fn max_length_is_the_smaller_of_max_len_and_the_formats_length() {
    // A date is at most 19 characters (a datetime), a UUID 36, whatever the rule order.
    for options in [strict(), LAX] {
        let schema = json_schema::<Limited>(options);
        for (name, expected) in [
            ("day", 10),
            ("day_first_limit", 12),
            ("long_day", 19),
            ("id", 36),
            ("at", 19),
        ] {
            let field = property(&schema, name);
            // Lax mode puts the text's schema first in an `anyOf` with the unset forms.
            let text = if options == LAX {
                &field["anyOf"][0]
            } else {
                &field
            };
            assert_eq!(text["maxLength"], expected, "{name}: {field}");
        }
    }
}

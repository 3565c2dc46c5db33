//! The fixed texts of the page: what the modes, directions, field classes and issue codes
//! mean, with examples for the rules that judge one value. The tests below check those
//! examples against the rules.

use job_schema::{Code, Direction, FieldClass, Mode};

/// What an issue code means, with examples for the rules that judge one value.
pub(super) struct Meaning {
    /// Whether the issue is an error or a warning in lax mode.
    pub(super) kind: &'static str,
    /// What the rule or the check accepts and rejects.
    pub(super) text: &'static str,
    /// Values of a field that carries the rule, when the rule judges one value.
    pub(super) example: Option<Example>,
}

/// JSON values of a field carrying `attribute`, with what each mode makes of them.
pub(super) struct Example {
    /// The rule with its parameters, as in the table.
    pub(super) attribute: &'static str,
    /// Valid in lax and in strict mode.
    pub(super) passes: &'static [&'static str],
    /// Valid in lax mode only.
    pub(super) lax_only: &'static [&'static str],
    /// An issue with this code in lax mode, and an error in strict mode.
    pub(super) fails: &'static [&'static str],
}

/// The meaning of `code`; `None` for a code this page does not know yet (a test makes sure
/// that every code has one).
pub(super) fn meaning(code: Code) -> Option<Meaning> {
    let (kind, text, example) = match code {
        Code::JsonSyntax => (
            "error",
            "The record is not well-formed JSON (RFC 8259; invalid UTF-8 included). This is \
             then the record's only issue, and its parameters give the line and column.",
            None,
        ),
        Code::Type => (
            "error",
            "A value of a JSON type that the field does not take in this mode: the two type \
             columns of the table list the ones it takes. A record that is not a JSON object \
             is one `type` error at the root. `-0` is the integer 0, while `1.0` is a number, \
             not an integer. A flag written as a word (`\"yes\"`, `\"False\"`; in strict mode \
             also `true` or `\"1\"`) gets the integer to send as `params.suggestion`.",
            None,
        ),
        Code::Required => (
            "error",
            "The key must be present, and its value neither `null` nor `\"\"`. \
             In strict mode a `null` is a `type` error instead. When the value is `\"\"`, the \
             field's other rules are not run.",
            None,
        ),
        Code::DuplicateField => (
            "error",
            "A key appears more than once in one object. Every copy is rejected: neither the \
             first nor the last is taken. `validate()` reports a custom-fields key that is a \
             field's name the same way, since the record's JSON would hold the key twice.",
            None,
        ),
        Code::UnknownField => (
            "warning",
            "A key that is neither a field of the record nor a custom field. The API ignores \
             it. When the key has a home (see \"Keys that belong elsewhere\" below), the issue \
             names it in `params.home` and in its message; else, when the key is close to a \
             field's name (a typo, a different case), the issue suggests that name.",
            None,
        ),
        Code::MaxLen => (
            "error",
            "`max_len = N`: text of at most N characters. Characters are counted as Unicode \
             scalar values, not bytes: `é` is one character although UTF-8 spends two bytes \
             on it. The empty string passes.",
            Some(Example {
                attribute: "max_len = 3",
                passes: &["\"ééé\"", "\"\""],
                lax_only: &[],
                fails: &["\"abcd\""],
            }),
        ),
        Code::EnumValues => (
            "error",
            "`enum_values(…)`: exactly one of the listed values. Strings are compared \
             exactly, case and spaces included; when a rejected string matches a listed \
             value once case and surrounding spaces are ignored, the issue suggests that \
             value. Lax mode reads `\"\"` as unset.",
            Some(Example {
                attribute: "enum_values(\"Quote\", \"Work Order\")",
                passes: &["\"Work Order\""],
                lax_only: &["\"\""],
                fails: &["\"work order\"", "\" Quote\""],
            }),
        ),
        Code::Bool01 => (
            "error",
            "A flag: the integer 0 or 1. Lax mode also takes `true` and `false`, \
             the strings `\"0\"` and `\"1\"`, and reads `\"\"` as unset. Another integer is a \
             `bool01` error; another string, or a number such as `1.0`, is a `type` error.",
            Some(Example {
                attribute: "bool01",
                passes: &["0", "1", "-0"],
                lax_only: &["true", "\"1\"", "\"\""],
                fails: &["2", "-1"],
            }),
        ),
        Code::Uuid => (
            "error",
            "36 characters, hex digits (either case) in groups of 8-4-4-4-12 \
             separated by hyphens. Braces, a `urn:uuid:` prefix, the 32-digit form without \
             hyphens and surrounding spaces are rejected; the version and variant digits are \
             not checked. Lax mode reads `\"\"` as unset.",
            Some(Example {
                attribute: "uuid",
                passes: &[
                    "\"c7319be2-03f5-46fc-be02-2341cca844db\"",
                    "\"C7319BE2-03F5-46FC-BE02-2341CCA844DB\"",
                    "\"00000000-0000-0000-0000-000000000000\"",
                ],
                lax_only: &["\"\""],
                fails: &[
                    "\"{c7319be2-03f5-46fc-be02-2341cca844db}\"",
                    "\"urn:uuid:c7319be2-03f5-46fc-be02-2341cca844db\"",
                    "\"c7319be203f546fcbe022341cca844db\"",
                ],
            }),
        ),
        Code::Datetime => (
            "error",
            "Exactly `YYYY-MM-DD HH:MM:SS`: zero-padded, one space between date \
             and time, no `T`, no time zone, no fraction of a second. The date must be a real \
             day (years 0001 to 9999, February 29 in leap years only), hours 00 to 23, \
             minutes and seconds 00 to 59. Lax mode reads `\"\"` and `\"0000-00-00 \
             00:00:00\"` as unset. An ISO-8601 datetime (`T`, a zone, a fraction) gets the \
             same digits in this form as `params.suggestion`, the zone dropped and never \
             converted, with a `params.note` that ServiceM8 takes local time.",
            Some(Example {
                attribute: "datetime",
                passes: &["\"2024-02-29 23:59:59\""],
                lax_only: &["\"0000-00-00 00:00:00\"", "\"\""],
                fails: &[
                    "\"2026-02-29 09:00:00\"",
                    "\"2026-03-01T09:00:00\"",
                    "\"2026-03-01 24:00:00\"",
                    "\"2026-03-01\"",
                ],
            }),
        ),
        Code::Date => (
            "error",
            "`YYYY-MM-DD`, a real day as for `datetime`, or a full `datetime`. Lax mode \
             reads `\"\"`, `\"0000-00-00\"` and `\"0000-00-00 00:00:00\"` as unset. An \
             ISO-8601 datetime gets its `datetime` form as `params.suggestion`, as for \
             `datetime`.",
            Some(Example {
                attribute: "date",
                passes: &["\"2026-03-01\"", "\"2026-03-01 09:30:00\""],
                lax_only: &["\"0000-00-00\"", "\"\""],
                fails: &["\"2026-3-1\"", "\"2026/03/01\"", "\"2026-02-30\""],
            }),
        ),
        Code::Number => (
            "error",
            "A finite decimal number, as a JSON number or as a string written like \
             one (leading zeros allowed); the type columns say which of the two a field takes \
             in each mode. No `NaN`, no infinities, no leading `+`, no spaces. A JSON number \
             too large for a 64-bit float (`1e400`) is still JSON: it is a `number` error. Lax \
             mode reads `\"\"` as unset.",
            Some(Example {
                attribute: "number",
                passes: &["-27.4698", "1e3"],
                lax_only: &["\"-27.4698\"", "\"007\"", "\"\""],
                fails: &["\"+1\"", "\"NaN\"", "1e400"],
            }),
        ),
        Code::Range => (
            "error",
            "`range(min = a, max = b)`: a number from a to b, both included.",
            Some(Example {
                attribute: "range(min = -90, max = 90)",
                passes: &["-90", "90", "0.5"],
                lax_only: &[],
                fails: &["90.000001", "-91"],
            }),
        ),
        Code::UuidList => (
            "error",
            "A string that holds a JSON array of UUID strings (as `uuid` judges \
             them). `\"[]\"` is the empty list, and lax mode reads `\"\"` as empty too. Each bad \
             element is its own issue, its index in the field name (`badges[2]`). A JSON array \
             given as is, not inside a string, is a `uuid_list` error in every mode: the API \
             rejects it. Text that is not an array at all (a comma-separated list of names) \
             is one error whose `params.format` shows the shape of a list.",
            Some(Example {
                attribute: "uuid_list",
                passes: &[
                    "\"[]\"",
                    "\"[\\\"c7319be2-03f5-46fc-be02-2341cca844db\\\"]\"",
                ],
                lax_only: &["\"\""],
                fails: &[
                    "\"[\\\"x\\\"]\"",
                    "\"[1]\"",
                    "\"c7319be2-03f5-46fc-be02-2341cca844db\"",
                ],
            }),
        ),
        Code::Deprecated => (
            "warning",
            "The API no longer uses the field. The warning comes whenever the key \
             is present, whatever its value, with a note on what to use instead where there is \
             one. The value is still checked against the field's other rules.",
            None,
        ),
        Code::ReadOnly => (
            "warning",
            "The API returns the field but ignores it in a create request. The \
             warning comes whenever the key is present in the create and update directions; the record \
             direction expects the field and says nothing. The value is still checked. A field \
             that takes any JSON scalar (`Job`'s read-only fields) takes a number or a boolean \
             in lax mode, since the API ignores the value, and only a string in strict mode; \
             its format rule judges a non-empty string.",
            None,
        ),
        Code::CreatedInactive => (
            "warning",
            "`active` is 0 in a create request: the API would create the job already \
             deleted (0 = deleted, which is what its delete sets). Valid, and almost certainly \
             a mistake. Not said in an update (where 0 deletes the job on purpose, as a delete does) nor in a \
             stored record. `Job` only (its `check_value` function).",
            None,
        ),
        _ => return None,
    };
    Some(Meaning {
        kind,
        text,
        example,
    })
}

/// What a mode means.
pub(super) fn mode_text(mode: Mode) -> (&'static str, &'static str) {
    match mode {
        Mode::Lax => (
            "lax",
            "The default. Takes the forms real traffic carries: `null` and `\"\"` mean unset \
             in every field, and so do zero dates in date and datetime fields (see those \
             rules); flags \
             may be `true`/`false` or `\"0\"`/`\"1\"`, and number fields take numeric \
             strings. An unset field passes every rule but `required`.",
        ),
        Mode::Strict => (
            "strict",
            "Takes only the canonical form, the types of the strict column. Unset means left \
             out: `null` is a `type` error, and `\"\"` or a zero date is no longer unset, so \
             a field with a format rule or `enum_values` rejects it. Every warning becomes an \
             error with the same code. (`job-schema check --strict`)",
        ),
    }
}

/// What a direction means.
pub(super) fn direction_text(direction: Direction) -> (&'static str, &'static str) {
    match direction {
        Direction::Create => (
            "create",
            "The default. A request body for `POST /api_1.0/job.json`: read-only fields draw a \
             `read_only` warning.",
        ),
        Direction::Record => (
            "record",
            "A stored record, such as one element of the array that `GET /api_1.0/job.json` \
             returns: read-only fields draw nothing. (`job-schema check --record`)",
        ),
        Direction::Update => (
            "update",
            "A partial body for `POST /api_1.0/job/{uuid}.json`: no field is required (in lax \
             mode an empty required field is unset, like any other), every other rule applies \
             to the fields present, and read-only fields draw a `read_only` warning as in \
             create. (`job-schema check --update`)",
        ),
    }
}

/// What a field class means.
pub(super) fn class_text(class: FieldClass) -> &'static str {
    match class {
        FieldClass::Writable => "Part of the create request.",
        FieldClass::ReadOnly => {
            "Returned by the API, ignored by it on create: a `read_only` warning in the create \
             and update directions."
        }
        FieldClass::Deprecated(_) => {
            "No longer used by the API: a `deprecated` warning whenever the key is present."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::rule_text;
    use job_schema::{Job, Options, Schema};

    /// One field per rule that judges one value, with the parameters the examples name.
    #[derive(Schema)]
    struct Sample {
        #[schema(max_len = 3)]
        max_len: Option<String>,
        #[schema(enum_values("Quote", "Work Order"))]
        enum_values: Option<String>,
        #[schema(bool01)]
        bool01: Option<u8>,
        #[schema(uuid)]
        uuid: Option<String>,
        #[schema(datetime)]
        datetime: Option<String>,
        #[schema(date)]
        date: Option<String>,
        #[schema(number)]
        number: Option<f64>,
        #[schema(range(min = -90, max = 90))]
        range: Option<f64>,
        #[schema(uuid_list)]
        uuid_list: Option<String>,
    }

    fn codes(field: &str, value: &str, options: Options) -> Vec<Code> {
        let body = format!("{{\"{field}\": {value}}}");
        let report = Sample::check_json(body.as_bytes(), options);
        assert!(report.warnings.is_empty(), "{body}: {report}");
        report.errors.iter().map(|issue| issue.code).collect()
    }

    #[test]
    fn every_code_has_a_meaning() {
        for code in Code::ALL.iter().copied() {
            assert!(meaning(code).is_some(), "no meaning for `{code}`");
        }
    }

    #[test]
    fn the_examples_hold() {
        let lax = Options::default();
        let strict = Options::default().strict();
        let mut checked = 0;
        for code in Code::ALL.iter().copied() {
            let Some(example) = meaning(code).and_then(|m| m.example) else {
                continue;
            };
            let field = code.as_str();
            let spec = Sample::FIELDS.iter().find(|f| f.name == field).unwrap();
            let rules: Vec<String> = spec.rules.iter().map(rule_text).collect();
            assert_eq!(rules, [example.attribute], "the sample field `{field}`");
            for value in example.passes {
                assert_eq!(codes(field, value, lax), [], "{field}: {value} (lax)");
                assert_eq!(codes(field, value, strict), [], "{field}: {value} (strict)");
            }
            for value in example.lax_only {
                assert_eq!(codes(field, value, lax), [], "{field}: {value} (lax)");
                assert_ne!(codes(field, value, strict), [], "{field}: {value} (strict)");
            }
            for value in example.fails {
                let found = codes(field, value, lax);
                assert!(found.contains(&code), "{field}: {value}: {found:?}");
                assert_ne!(codes(field, value, strict), [], "{field}: {value} (strict)");
            }
            checked += 1;
        }
        assert_eq!(checked, 9);
    }

    #[test]
    fn the_texts_on_whole_records_hold() {
        let lax = Options::default();
        let strict = Options::default().strict();
        let first = |body: &[u8], options| {
            let report = Job::check_json(body, options);
            let issue = report.iter().next().expect("an issue").clone();
            (report.errors.len() + report.warnings.len(), issue)
        };
        // json_syntax is the record's only issue, with its position.
        let (count, issue) = first(br#"{"status": "nope", "lat": }"#, lax);
        assert_eq!((count, issue.code), (1, Code::JsonSyntax));
        assert!(issue.params.line().is_some() && issue.params.column().is_some());
        // A record that is not an object is one type error at the root.
        let (count, issue) = first(b"[1]", lax);
        assert_eq!((count, issue.code, &*issue.field), (1, Code::Type, ""));
        // null is unset in lax mode: a required field draws `required`, a `type` in strict.
        assert_eq!(first(br#"{"status": null}"#, lax).1.code, Code::Required);
        assert_eq!(first(br#"{"status": null}"#, strict).1.code, Code::Type);
        // "" draws `required` only.
        assert_eq!(first(br#"{"status": ""}"#, lax).0, 1);
        // Each copy of a duplicate key is rejected.
        let (_, issue) = first(br#"{"status": "Quote", "status": "Quote"}"#, lax);
        assert_eq!(issue.code, Code::DuplicateField);
        // An unknown key is a warning with a suggestion, an error in strict mode.
        let body = br#"{"status": "Quote", "Status": "Quote"}"#;
        let report = Job::check_json(body, lax);
        assert!(report.errors.is_empty());
        assert_eq!(report.warnings[0].code, Code::UnknownField);
        assert_eq!(report.warnings[0].params.suggestion(), Some("status"));
        assert_eq!(
            Job::check_json(body, strict).errors[0].code,
            Code::UnknownField
        );
        // Each rule reports on its own.
        let (count, _) = first(br#"{"status": "Waiting for the parts!"}"#, lax);
        assert_eq!(count, 2);
        // Read-only: a warning on create, nothing in the record direction.
        let body = br#"{"status": "Quote", "edit_date": "2026-03-01 12:00:00"}"#;
        assert_eq!(first(body, lax).1.code, Code::ReadOnly);
        assert!(Job::check_json(body, lax.record()).is_empty());
        // Deprecated: a warning whatever the value, and the value is still checked.
        let report = Job::check_json(br#"{"status": "Quote", "payment_date": "x"}"#, lax);
        assert_eq!(report.errors[0].code, Code::Datetime);
        assert_eq!(report.warnings[0].code, Code::Deprecated);
        // `1.0` in a flag is a type error.
        let body = br#"{"status": "Quote", "active": 1.0}"#;
        assert_eq!(first(body, lax).1.code, Code::Type);
        // A raw JSON array for a uuid_list is its error in every mode.
        for options in [lax, strict] {
            let body = br#"{"status": "Quote", "badges": []}"#;
            assert_eq!(first(body, options).1.code, Code::UuidList);
        }
        // Strict mode: `""` in a field with a format rule is that rule's error.
        assert_eq!(
            first(br#"{"status": "Quote", "uuid": ""}"#, strict).1.code,
            Code::Uuid
        );
    }
}

//! The values a field takes, as JSON Schema alternatives: the JSON types the reader takes
//! for the field in the mode ([`FieldSpec::element_types`]), each constrained by the field's
//! rules, and the lax spellings and unset forms the rules take, found by running the rules
//! on them.

use serde_json::{json, Map, Value};

use super::{patterns, required_here, Object};
use crate::apply;
use crate::options::{Mode, Options};
use crate::path::Path;
use crate::report::{JsonType, Report};
use crate::rules::bool01;
use crate::sink::Sink;
use crate::spec::{CheckValue, FieldSpec, Rule, Shape};
use crate::value::Scalar;

/// The lax spellings of unset text that some rules accept (besides `""`).
const ZERO_DATES: [&str; 2] = ["0000-00-00", "0000-00-00 00:00:00"];

/// The values a field takes: a list's array, or one value.
pub(super) fn values(
    field: &FieldSpec,
    options: Options,
    check: Option<CheckValue>,
) -> Map<String, Value> {
    if !field.list {
        return Union::of_value(field, options, false, check).finish();
    }
    let mut array = Map::new();
    array.insert("type".into(), "array".into());
    let items = Union::of_value(field, options, true, check).finish();
    array.insert("items".into(), Value::Object(items));
    let required = required_here(field, options);
    if required {
        // An empty list is unset.
        array.insert("minItems".into(), 1.into());
    }
    let mut union = Union::default();
    union.schemas.push(array);
    if options.mode == Mode::Lax && !required {
        union.literal(Value::Null);
        union.literal("".into());
    }
    union.finish()
}

/// The alternatives a value may take: whole JSON types, constrained schemas and literals.
#[derive(Default)]
struct Union {
    /// JSON types taken whole.
    types: Vec<&'static str>,
    /// Constrained schemas.
    schemas: Vec<Map<String, Value>>,
    /// Single values (lax spellings and unset forms).
    literals: Vec<Value>,
}

impl Union {
    /// What a value of `field` (`element`: one element of a list field) takes in `options`.
    fn of_value(
        field: &FieldSpec,
        options: Options,
        element: bool,
        check: Option<CheckValue>,
    ) -> Union {
        let mut union = Union::default();
        for ty in field.element_types(options.mode).iter() {
            match ty {
                JsonType::String => union.strings(field, options, element, check),
                JsonType::Integer => union.integers(field, options, element, check),
                JsonType::Number => union.schemas.push(number(field)),
                JsonType::Boolean => union.booleans(field, options, element, check),
                JsonType::Object => {
                    let nested = Object {
                        fields: field.nested.unwrap_or(&[]),
                        custom_prefix: field.nested_custom_prefix,
                        deny_unknown_fields: field.nested_deny_unknown_fields,
                        check_value: field.nested_check_value,
                    };
                    union.schemas.push(nested.schema(options));
                }
                JsonType::Null | JsonType::Array => {}
            }
        }
        // Lax mode reads `null` (and `""` in a field that does not hold text) as unset, which
        // passes every rule but `required`. A list's element has no unset form.
        if options.mode == Mode::Lax && !element && !required_here(field, options) {
            union.literal(Value::Null);
            if !matches!(field.shape, Shape::Text | Shape::Any) {
                union.literal("".into());
            }
        }
        union
    }

    fn literal(&mut self, value: Value) {
        if !self.literals.contains(&value) {
            self.literals.push(value);
        }
    }

    /// Strings: text judged by the rules (text and any-scalar fields), or a lax spelling.
    fn strings(
        &mut self,
        field: &FieldSpec,
        options: Options,
        element: bool,
        check: Option<CheckValue>,
    ) {
        match field.shape {
            Shape::Text | Shape::Any => {
                self.schemas.push(text(field, options, element));
                // The lax unset forms that the rules take and the canonical form does not.
                if options.mode == Mode::Lax {
                    let strict = Options {
                        mode: Mode::Strict,
                        ..options
                    };
                    for s in std::iter::once("").chain(ZERO_DATES) {
                        let value = Scalar::Str(s);
                        if passes(field, value, options, element, check)
                            && !passes(field, value, strict, element, check)
                        {
                            self.literal(s.into());
                        }
                    }
                }
            }
            // A flag's `"0"` and `"1"`, as the integers they stand for.
            Shape::Integer => {
                for s in ["0", "1"] {
                    let taken = bool01::from_lax_str(s).map(Scalar::Int);
                    if taken.is_some_and(|value| passes(field, value, options, element, check)) {
                        self.literal(s.into());
                    }
                }
            }
            // A numeric string in a number field. Its value is not compared with the range:
            // a pattern cannot.
            _ => {
                let mut schema = Map::new();
                schema.insert("type".into(), "string".into());
                schema.insert("pattern".into(), patterns::NUMBER.into());
                schema.insert("not".into(), json!({ "pattern": patterns::NEWLINE }));
                self.schemas.push(schema);
            }
        }
    }

    /// Integers, in an integer field: the allowed ones, or those within the range and 64 bits.
    fn integers(
        &mut self,
        field: &FieldSpec,
        options: Options,
        element: bool,
        check: Option<CheckValue>,
    ) {
        let mut schema = Map::new();
        schema.insert("type".into(), "integer".into());
        let mut listed: Vec<i64> = Vec::new();
        for rule in field.rules {
            match rule {
                Rule::EnumInts(values) => listed.extend(values.iter()),
                Rule::Bool01 => listed.extend([0, 1]),
                _ => {}
            }
        }
        if listed.is_empty() {
            // The reader's integers are those of `i64` and `u64`.
            let (min, max) = range_of(field).unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
            #[allow(clippy::cast_precision_loss)]
            let lowest = if min > i64::MIN as f64 {
                number_value(min)
            } else {
                i64::MIN.into()
            };
            #[allow(clippy::cast_precision_loss)]
            let highest = if max < u64::MAX as f64 {
                number_value(max)
            } else {
                u64::MAX.into()
            };
            schema.insert("minimum".into(), lowest);
            schema.insert("maximum".into(), highest);
        } else {
            listed.sort_unstable();
            listed.dedup();
            listed.retain(|&i| passes(field, Scalar::Int(i), options, element, check));
            schema.insert("enum".into(), listed.into());
        }
        self.schemas.push(schema);
    }

    /// Booleans: taken whole, or a flag's `true` and `false` (lax) as the integers they stand
    /// for.
    fn booleans(
        &mut self,
        field: &FieldSpec,
        options: Options,
        element: bool,
        check: Option<CheckValue>,
    ) {
        if field.shape == Shape::Integer {
            for b in [false, true] {
                let value = Scalar::Int(bool01::from_bool(b));
                if passes(field, value, options, element, check) {
                    self.literal(b.into());
                }
            }
        } else {
            self.types.push(JsonType::Boolean.as_str());
        }
    }

    /// The schema: one alternative as it is, several as `anyOf`.
    fn finish(mut self) -> Map<String, Value> {
        // A schema that only names a type is that type.
        let (plain, schemas): (Vec<_>, Vec<_>) = self
            .schemas
            .into_iter()
            .partition(|s| s.len() == 1 && s.get("type").is_some_and(Value::is_string));
        self.schemas = schemas;
        for schema in plain {
            if let Some(Value::String(ty)) = schema.get("type") {
                if let Some(known) = JSON_TYPES.iter().find(|t| **t == ty) {
                    if !self.types.contains(known) {
                        self.types.insert(0, known);
                    }
                }
            }
        }
        if self.literals == [Value::Null] {
            if !self.types.is_empty() {
                self.literals.clear();
                self.types.push(JsonType::Null.as_str());
            } else if let [schema] = self.schemas.as_mut_slice() {
                // The other keywords of a typed schema apply to its type only, so `null`
                // joins it as one more type (but an `enum` would exclude it).
                if let (Some(Value::String(ty)), false) =
                    (schema.get("type").cloned(), schema.contains_key("enum"))
                {
                    schema.insert("type".into(), json!([ty, "null"]));
                    self.literals.clear();
                }
            }
        }
        let mut alternatives = Vec::new();
        match self.types.as_slice() {
            [] => {}
            [one] => alternatives.push(type_only(Value::from(*one))),
            many => alternatives.push(type_only(many.into())),
        }
        alternatives.append(&mut self.schemas);
        if !self.literals.is_empty() {
            let mut literals = Map::new();
            literals.insert("enum".into(), Value::Array(self.literals));
            alternatives.push(literals);
        }
        if alternatives.len() == 1 {
            return alternatives.pop().unwrap_or_default();
        }
        let mut any = Map::new();
        any.insert(
            "anyOf".into(),
            alternatives.into_iter().map(Value::Object).collect(),
        );
        any
    }
}

/// The names of JSON Schema's types.
const JSON_TYPES: [&str; 7] = [
    "null", "boolean", "integer", "number", "string", "array", "object",
];

fn type_only(ty: Value) -> Map<String, Value> {
    let mut schema = Map::new();
    schema.insert("type".into(), ty);
    schema
}

/// Text judged by the field's rules as strict mode judges it.
fn text(field: &FieldSpec, options: Options, element: bool) -> Map<String, Value> {
    let mut schema = Map::new();
    schema.insert("type".into(), "string".into());
    if !element && required_here(field, options) {
        schema.insert("minLength".into(), 1.into());
    }
    let mut pattern = None;
    // The smallest `maxLength` of the field's `max_len` and its format's length.
    let mut max_length: Option<usize> = None;
    let mut limit_to = |limit: usize| {
        max_length = Some(max_length.map_or(limit, |known| known.min(limit)));
    };
    for rule in field.rules {
        match rule {
            Rule::MaxLen(limit) => limit_to(*limit),
            Rule::EnumStrs(values) => {
                schema.insert("enum".into(), (*values).into());
            }
            // A format's text has a fixed length (or, for `date`, one of two): `maxLength`
            // (and for `date` the lengths between) refuse the accepted text with a newline
            // after it, which engines whose `$` matches before a final newline (Python's
            // `re`, PCRE) let the pattern through. See the docs of `patterns`.
            Rule::Uuid => {
                schema.insert("format".into(), "uuid".into());
                pattern = Some(patterns::UUID.to_owned());
                limit_to(patterns::UUID_LENGTH);
            }
            Rule::Datetime => {
                pattern = Some(patterns::datetime());
                limit_to(patterns::DATETIME_LENGTH);
            }
            Rule::Date => {
                pattern = Some(patterns::date());
                limit_to(patterns::DATETIME_LENGTH);
                schema.insert(
                    "not".into(),
                    json!({
                        "minLength": patterns::DATE_LENGTH + 1,
                        "maxLength": patterns::DATETIME_LENGTH - 1,
                    }),
                );
            }
            Rule::UuidList => pattern = Some(patterns::uuid_list()),
            // `range` without `number` takes numeric text only, as `number` does.
            // Numeric text has no fixed length: a newline anywhere is refused instead (no
            // format pattern and `range` meet on one field, the derive refuses them).
            Rule::Number | Rule::Range { .. } => {
                pattern = Some(patterns::NUMBER.to_owned());
                schema.insert("not".into(), json!({ "pattern": patterns::NEWLINE }));
            }
            Rule::Required | Rule::EnumInts(_) | Rule::Bool01 => {}
        }
    }
    if let Some(limit) = max_length {
        schema.insert("maxLength".into(), limit.into());
    }
    if let Some(pattern) = pattern {
        schema.insert("pattern".into(), pattern.into());
    }
    schema
}

/// Numbers: any finite number, within the range if the field has one.
fn number(field: &FieldSpec) -> Map<String, Value> {
    let mut schema = type_only("number".into());
    if let Some((min, max)) = range_of(field) {
        schema.insert("minimum".into(), number_value(min));
        schema.insert("maximum".into(), number_value(max));
    }
    schema
}

/// The field's `range`, if any.
fn range_of(field: &FieldSpec) -> Option<(f64, f64)> {
    field.rules.iter().find_map(|rule| match *rule {
        Rule::Range { min, max } => Some((min, max)),
        _ => None,
    })
}

/// A bound as JSON: a whole number as an integer (`90`, not `90.0`).
pub(super) fn number_value(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        // Whole and well within `i64`: the conversion is exact.
        #[allow(clippy::cast_possible_truncation)]
        let i = n as i64;
        Value::from(i)
    } else {
        Value::from(n)
    }
}

/// Whether the field's rules take `value` (already of a JSON type the field takes) in
/// `options`: the calls the derive generates for the field, in the order it writes them,
/// `required` first except for a list's element.
fn passes(
    field: &FieldSpec,
    value: Scalar<'_>,
    options: Options,
    element: bool,
    check_value: Option<CheckValue>,
) -> bool {
    let mut report = Report::new();
    let mut sink = Sink::new(&mut report, options);
    check(field, value, element, &Path::ROOT, &mut sink);
    // The struct's `check_value` function, which generated code calls after the rules.
    if let Some(check_value) = check_value {
        check_value(field, value, &Path::ROOT, &mut sink);
    }
    !report.has_errors()
}

fn check(
    field: &FieldSpec,
    value: Scalar<'_>,
    element: bool,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    if field.is_required() && !element && !apply::required(value, path, sink) {
        return;
    }
    for rule in field.rules {
        match *rule {
            Rule::Required => {}
            Rule::MaxLen(max) => apply::max_len(value, max, path, sink),
            Rule::EnumStrs(allowed) => apply::enum_strs(value, allowed, path, sink),
            Rule::EnumInts(allowed) => apply::enum_ints(value, allowed, path, sink),
            Rule::Bool01 => apply::bool01(value, path, sink),
            Rule::Uuid => apply::uuid(value, path, sink),
            Rule::Datetime => apply::datetime(value, path, sink),
            Rule::Date => apply::date(value, path, sink),
            Rule::Number => apply::number(value, path, sink),
            Rule::Range { min, max } => {
                apply::range(value, min, max, field.has("number"), path, sink);
            }
            Rule::UuidList => apply::uuid_list(value, path, sink),
        }
    }
}

//! JSON Schema (draft 2020-12) from a record's field table: [`Schema::json_schema`].
//!
//! The schema is built from what the reader itself reads: the JSON types of each field come
//! from [`FieldSpec::element_types`], and whether a value a pattern cannot describe (an
//! unset form, a flag's lax spelling) is accepted is decided by running the field's rules on
//! it, with the functions the generated code calls. What JSON Schema cannot express is
//! listed in [`LIMITS`] and in `docs/decisions.md`.

mod patterns;
mod values;

use serde_json::{json, Map, Value};

use crate::options::{Direction, Mode, Options};
use crate::reader::is_custom_key;
use crate::spec::{CheckValue, FieldClass, FieldSpec};
use crate::Schema;

use values::values;

/// The dialect of every exported schema.
pub(crate) const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// What the reader checks and a JSON Schema cannot say, in the `$comment` of every exported
/// schema.
pub(crate) const LIMITS: &str = "Exported from the field table by job-schema. What JSON \
    Schema cannot express, and job-schema still checks: a key given twice is an error; an \
    integer field takes integer tokens only (1.0, 1e2 and integers beyond 64 bits are type \
    errors, while JSON Schema's integer is a value); a numeric string must lie within the \
    field's range and within a double (JSON Schema cannot compare a string's value).";

/// What the export says of a struct's `check_value` function, which is code.
pub(crate) const CHECK_VALUE_LIMIT: &str = "The record's check_value function judges each \
    value in code: this schema leaves out the listed values it rejects in this mode and \
    direction (allowed integers, a flag's spellings, unset forms), and cannot know what it \
    says of other values.";

/// The JSON Schema of `S` read with `options`.
pub(crate) fn json_schema<S: Schema>(options: Options) -> Value {
    let name = std::any::type_name::<S>();
    let title = name.rsplit("::").next().unwrap_or(name);
    let mut root = Map::new();
    root.insert("$schema".into(), DIALECT.into());
    root.insert("title".into(), title.into());
    root.insert(
        "description".into(),
        describe(title, options, S::__DENY_UNKNOWN_FIELDS).into(),
    );
    let comment = if S::CHECK_VALUE.is_some() {
        format!("{LIMITS} {CHECK_VALUE_LIMIT}")
    } else {
        LIMITS.to_owned()
    };
    root.insert("$comment".into(), comment.into());
    let object = Object {
        fields: S::FIELDS,
        custom_prefix: S::CUSTOM_PREFIX,
        deny_unknown_fields: S::__DENY_UNKNOWN_FIELDS,
        check_value: S::CHECK_VALUE,
    };
    root.extend(object.schema(options));
    Value::Object(root)
}

/// The root's description: the record, the mode and the direction.
fn describe(title: &str, options: Options, deny_unknown_fields: bool) -> String {
    let mode = match options.mode {
        Mode::Lax if deny_unknown_fields => {
            "lax mode: the forms real traffic carries are accepted too (`null` and `\"\"` for \
             unset, zero dates, flags as booleans or \"0\"/\"1\", numeric strings), but not \
             unknown keys"
        }
        Mode::Lax => {
            "lax mode: the forms real traffic carries are accepted too (`null` and `\"\"` for \
             unset, zero dates, flags as booleans or \"0\"/\"1\", numeric strings), and \
             unknown keys are allowed"
        }
        Mode::Strict => {
            "strict mode: only the canonical form is accepted, and deprecated fields and \
             unknown keys are rejected"
        }
    };
    let direction = match (options.direction, options.mode) {
        (Direction::Create, Mode::Lax) => "create direction (a request body)",
        (Direction::Create, Mode::Strict) => {
            "create direction (a request body: read-only fields are rejected)"
        }
        (Direction::Record, _) => "record direction (a stored record: read-only fields expected)",
        (Direction::Update, Mode::Lax) => "update direction (a partial body: nothing required)",
        (Direction::Update, Mode::Strict) => {
            "update direction (a partial body: nothing required, read-only fields rejected)"
        }
    };
    format!("A `{title}` record as job-schema reads it in {mode}; {direction}.")
}

/// A struct's object: its field table and what it does with the keys that are not fields.
struct Object {
    fields: &'static [FieldSpec],
    custom_prefix: Option<&'static str>,
    deny_unknown_fields: bool,
    /// The struct's `check_value` function, whose verdict on a listed value counts.
    check_value: Option<CheckValue>,
}

impl Object {
    /// The object's keywords.
    fn schema(&self, options: Options) -> Map<String, Value> {
        let mut properties = Map::new();
        let mut required = Vec::new();
        let mut all_of = Vec::new();
        for field in self.fields {
            let schema = property(field, options, self.check_value);
            let names: Vec<&str> = std::iter::once(field.name)
                .chain(field.aliases.iter().copied())
                .collect();
            for name in &names {
                properties.insert((*name).into(), schema.clone());
            }
            // A name and its alias together are the field given twice.
            for (i, a) in names.iter().enumerate() {
                for b in &names[i + 1..] {
                    all_of.push(json!({ "not": { "required": [a, b] } }));
                }
            }
            if required_here(field, options) {
                if let [name] = names.as_slice() {
                    required.push(Value::from(*name));
                } else {
                    let any: Vec<Value> =
                        names.iter().map(|n| json!({ "required": [n] })).collect();
                    all_of.push(json!({ "anyOf": any }));
                }
            }
        }
        let mut object = Map::new();
        object.insert("type".into(), "object".into());
        object.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            object.insert("required".into(), Value::Array(required));
        }
        if !all_of.is_empty() {
            object.insert("allOf".into(), Value::Array(all_of));
        }
        if let Some(prefix) = self.custom_prefix {
            let value = match options.mode {
                Mode::Lax => json!({ "type": ["string", "null"] }),
                Mode::Strict => json!({ "type": "string" }),
            };
            let mut pattern = Map::new();
            pattern.insert(self.custom_pattern(prefix), value);
            object.insert("patternProperties".into(), Value::Object(pattern));
        }
        if options.mode == Mode::Strict || self.deny_unknown_fields {
            object.insert("additionalProperties".into(), false.into());
        }
        object
    }

    /// The pattern of a custom key: the prefix and `[a-z0-9_]+`, except the names of fields,
    /// which are fields (a rare struct has a field named like a custom key).
    fn custom_pattern(&self, prefix: &str) -> String {
        let fields: Vec<String> = self
            .fields
            .iter()
            .flat_map(|f| std::iter::once(f.name).chain(f.aliases.iter().copied()))
            .filter(|name| is_custom_key(prefix, name))
            .map(patterns::escape)
            .collect();
        let key = format!("{}[a-z0-9_]+$", patterns::escape(prefix));
        if fields.is_empty() {
            format!("^{key}")
        } else {
            format!("^(?!(?:{})$){key}", fields.join("|"))
        }
    }
}

/// Whether `field` must be present and set in `options`: `required`, except in the update
/// direction.
fn required_here(field: &FieldSpec, options: Options) -> bool {
    field.is_required() && options.direction != Direction::Update
}

/// The schema of one property: its annotations, and the values it takes (none when its
/// presence is an error).
fn property(field: &FieldSpec, options: Options, check_value: Option<CheckValue>) -> Value {
    let mut schema = Map::new();
    if let Some(description) = description(field) {
        schema.insert("description".into(), description.into());
    }
    let strict = options.mode == Mode::Strict;
    let forbidden = match field.class {
        FieldClass::Deprecated(_) => {
            schema.insert("deprecated".into(), true.into());
            strict
        }
        FieldClass::ReadOnly => {
            schema.insert("readOnly".into(), true.into());
            strict && options.direction != Direction::Record
        }
        FieldClass::Writable => false,
    };
    if forbidden {
        // Strict mode makes the field's warning an error: its presence fails.
        schema.insert("not".into(), json!({}));
    } else {
        schema.extend(values(field, options, check_value));
    }
    Value::Object(schema)
}

/// The doc comment, its paragraphs unwrapped, then the deprecation note if it is not in it.
fn description(field: &FieldSpec) -> Option<String> {
    let mut paragraphs: Vec<String> = field
        .doc
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    if let FieldClass::Deprecated(Some(note)) = field.class {
        if !paragraphs.iter().any(|p| p.contains(note)) {
            paragraphs.push(format!("Deprecated: {note}"));
        }
    }
    (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"))
}

#[cfg(test)]
mod tests;

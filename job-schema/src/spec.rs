//! The field table: what `#[derive(Schema)]` records about each field.
//!
//! The JSON reader, the rules and the CLI's field listing (`job-schema fields`, which also
//! writes `docs/FIELDS.md`) all read this table, so the attributes on a struct are the single
//! source of truth for each of them.

use crate::options::Mode;
use crate::report::{JsonType, JsonTypes};
use crate::{Path, Scalar, Sink};

/// A struct's `#[schema(check_value = "path")]` function: called with each set value of a
/// field (each element of a list) after the field's rules, by the reader and by
/// `validate()` alike, to report what the rules cannot say (a value that is valid but almost
/// certainly a mistake). [`Schema::CHECK_VALUE`](crate::Schema::CHECK_VALUE) holds it.
pub type CheckValue = fn(&FieldSpec, Scalar<'_>, &Path<'_>, &mut Sink<'_>);

/// The Rust-side shape of a field's type, which decides the JSON types it can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// Text (`String`, `&str`, …).
    Text,
    /// An integer (`u8`, `i32`, `i64`, …).
    Integer,
    /// A floating-point number (`f64`, `f32`).
    Float,
    /// `bool`.
    Bool,
    /// Any JSON scalar ([`crate::AnyScalar`]), for deprecated fields of loose type.
    Any,
    /// A nested struct that derives `Schema`.
    Nested,
}

/// Whether a field may be sent on create, is only returned by the API, or is deprecated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldClass {
    /// Part of the create request.
    Writable,
    /// Returned by the API only: a `read_only` warning in the create and update directions.
    ReadOnly,
    /// Deprecated, with an optional note on what to use instead: a `deprecated` warning.
    Deprecated(Option<&'static str>),
}

impl FieldClass {
    /// `writable`, `read_only` or `deprecated`.
    pub const fn as_str(self) -> &'static str {
        match self {
            FieldClass::Writable => "writable",
            FieldClass::ReadOnly => "read_only",
            FieldClass::Deprecated(_) => "deprecated",
        }
    }
}

/// One rule with its parameters, as written in `#[schema(...)]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// `required`: present, not `null`, not `""`.
    Required,
    /// `max_len = N`: at most N characters.
    MaxLen(usize),
    /// `enum_values("A", "B")`.
    EnumStrs(&'static [&'static str]),
    /// `enum_values(0, 1)`.
    EnumInts(&'static [i64]),
    /// `bool01`: the integer 0 or 1.
    Bool01,
    /// `uuid`: a hyphenated UUID.
    Uuid,
    /// `datetime`: `YYYY-MM-DD HH:MM:SS`.
    Datetime,
    /// `date`: `YYYY-MM-DD` or a datetime.
    Date,
    /// `number`: a finite decimal number, as a JSON number or (lax) a numeric string.
    Number,
    /// `range(min = a, max = b)`: a number within [a, b].
    Range {
        /// The smallest value allowed.
        min: f64,
        /// The largest value allowed.
        max: f64,
    },
    /// `uuid_list`: a string holding a JSON array of UUIDs.
    UuidList,
}

impl Rule {
    /// The rule's name as written in the attribute (and as its issue code).
    pub const fn name(&self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::MaxLen(_) => "max_len",
            Rule::EnumStrs(_) | Rule::EnumInts(_) => "enum_values",
            Rule::Bool01 => "bool01",
            Rule::Uuid => "uuid",
            Rule::Datetime => "datetime",
            Rule::Date => "date",
            Rule::Number => "number",
            Rule::Range { .. } => "range",
            Rule::UuidList => "uuid_list",
        }
    }
}

/// What the derive records about one field.
#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    /// The wire name (after `serde(rename)` / `rename_all`, without `r#`).
    pub name: &'static str,
    /// The field's RFC 6901 JSON pointer below its parent: `/` and the wire name, with `~`
    /// and `/` escaped (`/status`). Issues of top-level fields borrow it.
    pub pointer: &'static str,
    /// The Rust field name.
    pub ident: &'static str,
    /// The shape of the field's type.
    pub shape: Shape,
    /// Whether the Rust type is an `Option`.
    pub optional: bool,
    /// Whether the field is a list (`Vec<T>`): it takes a JSON array, whose elements
    /// [`FieldSpec::shape`] and the rules judge one by one.
    pub list: bool,
    /// The rules, in the order they are applied: `required`, `max_len`, `enum_values`,
    /// `bool01`, the format rule, `range`.
    pub rules: &'static [Rule],
    /// Writable, read-only or deprecated.
    pub class: FieldClass,
    /// The message of the warning that the field's class draws when the field is present
    /// (`is deprecated: <note>`, `is read-only: …`); empty for a writable field.
    pub notice: &'static str,
    /// The field's doc comment.
    pub doc: &'static str,
    /// For a nested struct, its own field table.
    pub nested: Option<&'static [FieldSpec]>,
    /// The other names the field is read under (serde's `alias`, further
    /// `rename(deserialize = …)` names); the field's issues still name it by [`FieldSpec::name`].
    pub aliases: &'static [&'static str],
    /// For a nested struct that collects custom keys, their prefix (its `custom_prefix`, as
    /// [`Schema::CUSTOM_PREFIX`](crate::Schema::CUSTOM_PREFIX) gives a top-level record's).
    pub nested_custom_prefix: Option<&'static str>,
    /// For a nested struct, whether a key it does not know is an error rather than a warning
    /// (its `#[serde(deny_unknown_fields)]`).
    pub nested_deny_unknown_fields: bool,
    /// For a nested struct, its `check_value` function (its
    /// [`Schema::CHECK_VALUE`](crate::Schema::CHECK_VALUE)).
    pub nested_check_value: Option<CheckValue>,
}

impl FieldSpec {
    /// Whether the field carries `rule` (compared by name, ignoring parameters).
    pub fn has(&self, rule: &str) -> bool {
        self.rules.iter().any(|r| r.name() == rule)
    }

    /// Whether the field is required.
    pub fn is_required(&self) -> bool {
        self.rules.contains(&Rule::Required)
    }

    /// The JSON types the field accepts in `mode` (with `null` where it means unset): an
    /// array for a list, else [`FieldSpec::element_types`].
    ///
    /// Strict mode accepts the canonical type only; lax mode adds `null` for unset and the
    /// forms real traffic uses: booleans and `"0"`/`"1"` for `bool01` flags, strings for
    /// `number` fields and numbers for textual `number` fields.
    pub fn json_types(&self, mode: Mode) -> JsonTypes {
        let types = if self.list {
            JsonTypes::one(JsonType::Array)
        } else {
            self.element_types(mode)
        };
        match mode {
            Mode::Lax => types.with(JsonType::Null),
            Mode::Strict => types,
        }
    }

    /// The JSON types a value of the field (each element, for a list) takes in `mode`,
    /// `null` aside.
    pub fn element_types(&self, mode: Mode) -> JsonTypes {
        let canonical = match self.shape {
            Shape::Text => JsonTypes::one(JsonType::String),
            Shape::Integer => JsonTypes::one(JsonType::Integer),
            Shape::Float => JsonTypes::one(JsonType::Number),
            Shape::Bool => JsonTypes::one(JsonType::Boolean),
            Shape::Any => JsonTypes::one(JsonType::String)
                .with(JsonType::Number)
                .with(JsonType::Boolean),
            Shape::Nested => JsonTypes::one(JsonType::Object),
        };
        if mode == Mode::Strict {
            // A read-only field that lax mode lets take any scalar takes the string the
            // OpenAPI text gives it.
            if self.shape == Shape::Any && self.class == FieldClass::ReadOnly {
                return JsonTypes::one(JsonType::String);
            }
            return canonical;
        }
        let mut types = canonical;
        if self.has("bool01") {
            types = types.with(JsonType::Boolean).with(JsonType::String);
        }
        // `number` lets a text field take a number and a float field a string; an integer
        // field takes integer tokens whatever its rules say (the reader refuses `"5"`).
        if self.has("number") && self.shape != Shape::Integer {
            types = types.with(JsonType::String).with(JsonType::Number);
        }
        types
    }
}

//! The two models: the raw one that `syntax` reads (it can hold mistakes) and the checked one
//! that `emit` writes from (it cannot).

use proc_macro2::Span;

/// The attribute keys, in one place.
pub mod key {
    pub const SCHEMA: &str = "schema";
    pub const REQUIRED: &str = "required";
    pub const MAX_LEN: &str = "max_len";
    pub const ENUM_VALUES: &str = "enum_values";
    pub const BOOL01: &str = "bool01";
    pub const UUID: &str = "uuid";
    pub const DATETIME: &str = "datetime";
    pub const DATE: &str = "date";
    pub const NUMBER: &str = "number";
    pub const RANGE: &str = "range";
    pub const UUID_LIST: &str = "uuid_list";
    pub const DEPRECATED: &str = "deprecated";
    pub const READ_ONLY: &str = "read_only";
    pub const CUSTOM_PREFIX: &str = "custom_prefix";
    pub const MIN: &str = "min";
    pub const MAX: &str = "max";
    /// Container attribute: `#[schema(crate = "path")]`.
    pub const CRATE: &str = "crate";
    /// Container attribute: `#[schema(deserialize)]`, serde's `Deserialize` through the
    /// reader.
    pub const DESERIALIZE: &str = "deserialize";
    /// Container attribute: `#[schema(schemars)]`, `schemars::JsonSchema` from the table.
    pub const SCHEMARS: &str = "schemars";
    /// Container attribute: `#[schema(validator)]`, `validator::Validate` through the rules.
    pub const VALIDATOR: &str = "validator";
    /// Container attribute: `#[schema(homes = PATH)]`, the table of keys with a home.
    pub const HOMES: &str = "homes";
    /// Container attribute: `#[schema(check_value = "path")]`, a function that sees every
    /// value the field rules saw.
    pub const CHECK_VALUE: &str = "check_value";

    /// Every container attribute key.
    pub const STRUCT: &[&str] = &[CRATE, DESERIALIZE, HOMES, CHECK_VALUE, SCHEMARS, VALIDATOR];

    /// Every field attribute key, for "did you mean".
    pub const ALL: &[&str] = &[
        REQUIRED,
        MAX_LEN,
        ENUM_VALUES,
        BOOL01,
        UUID,
        DATETIME,
        DATE,
        NUMBER,
        RANGE,
        UUID_LIST,
        DEPRECATED,
        READ_ONLY,
        CUSTOM_PREFIX,
    ];
}

/// The opt-ins to other crates' traits, each at its key (the first one, when it is given
/// twice): `#[schema(schemars)]` and `#[schema(validator)]`. Whether the runtime has the
/// feature is its own business: the impl is a macro of the runtime, which stands for a
/// compile error without it.
#[derive(Clone, Copy, Default)]
pub struct Interop {
    pub schemars: Option<Span>,
    pub validator: Option<Span>,
}

/// A struct as read, mistakes and all.
pub struct RawStruct {
    pub ident: syn::Ident,
    /// `#[schema(crate = "path")]`: where generated code finds the runtime.
    pub krate: Option<syn::Path>,
    /// `#[schema(deserialize)]`, at its key (the first one, when it is given twice).
    pub deserialize: Option<Span>,
    /// `#[schema(schemars)]` and `#[schema(validator)]`.
    pub interop: Interop,
    /// `#[schema(homes = PATH)]`: the path of the table of keys with a home.
    pub homes: Option<syn::Path>,
    /// `#[schema(check_value = "path")]`: the function, spanned at the string.
    pub check_value: Option<syn::Path>,
    pub fields: Vec<RawField>,
    /// `#[serde(deny_unknown_fields)]`, at its key.
    pub deny_unknown_fields: Option<Span>,
    /// `#[serde(default)]` or `#[serde(default = "path")]` on the struct, at its key.
    pub default: Option<(SerdeDefault, Span)>,
    /// Mistakes found while reading.
    pub errors: Vec<syn::Error>,
}

pub struct RawField {
    pub ident: syn::Ident,
    pub ty: syn::Type,
    /// The name serde reads the field under (its deserialize name).
    pub wire: String,
    /// The other names serde reads it under (`alias`, further `rename(deserialize)`), each
    /// once and none equal to `wire`.
    pub aliases: Vec<String>,
    pub doc: String,
    pub rules: Vec<RawRule>,
    /// `#[serde(default)]` or `#[serde(default = "path")]`, at its key.
    pub default: Option<(SerdeDefault, Span)>,
    /// `#[serde(skip)]` or `#[serde(skip_deserializing)]`: the key as written, and its span.
    pub skip: Option<(&'static str, Span)>,
    /// `#[serde(flatten)]`, at its key.
    pub flatten: Option<Span>,
}

/// Where serde takes the value of a field that the body leaves out.
#[derive(Clone)]
pub enum SerdeDefault {
    /// `default`: `Default::default()`.
    Trait,
    /// `default = "path"`: `path()`.
    Path(syn::ExprPath),
}

/// One rule as written, with the span of its key.
pub struct RawRule {
    pub key: &'static str,
    pub span: Span,
    pub kind: RawKind,
}

pub enum RawKind {
    Flag,
    /// `max_len = N`: the value and the literal's span (`None` if it did not parse).
    Int(Option<(i128, Span)>),
    /// `enum_values(...)`: the values read (`None` if the list could not be read at all).
    EnumValues(Option<Vec<EnumLit>>),
    /// `range(min = a, max = b)`: a bound is `None` when it was missing or did not parse
    /// (`syntax` has reported it).
    Range {
        min: Option<(f64, Span)>,
        max: Option<(f64, Span)>,
    },
    /// `deprecated = "note"`, `custom_prefix = "p_"`.
    Text(Option<(String, Span)>),
}

pub enum EnumLit {
    Str(String, Span),
    Int(i64, Span),
}

impl EnumLit {
    pub fn span(&self) -> Span {
        match self {
            EnumLit::Str(_, span) | EnumLit::Int(_, span) => *span,
        }
    }
}

/// A struct whose schema holds.
pub struct Struct {
    pub ident: syn::Ident,
    /// The path generated code reaches the runtime through, when not `::job_schema`.
    pub krate: Option<syn::Path>,
    /// Whether to implement serde's `Deserialize` through the reader
    /// (`#[schema(deserialize)]`).
    pub deserialize: bool,
    /// `#[schema(schemars)]` and `#[schema(validator)]`.
    pub interop: Interop,
    /// The path of the table of keys with a home (`#[schema(homes = PATH)]`).
    pub homes: Option<syn::Path>,
    /// The function that sees every value the field rules saw (`#[schema(check_value)]`).
    pub check_value: Option<syn::Path>,
    pub fields: Vec<Field>,
    /// The map field that collects custom keys, its prefix, and its serde default.
    pub custom: Option<(syn::Ident, syn::Type, String, Option<SerdeDefault>)>,
    /// The fields serde skips: not in the table, never read; each with its serde default.
    pub skipped: Vec<(syn::Ident, Option<SerdeDefault>)>,
    /// Whether unknown keys are errors (`#[serde(deny_unknown_fields)]`).
    pub deny_unknown_fields: bool,
    /// The struct's own serde default, which a missing field takes its value from.
    pub default: Option<SerdeDefault>,
}

pub struct Field {
    pub ident: syn::Ident,
    pub ty: syn::Type,
    pub wire: String,
    /// Other names the field is read under (serde's aliases).
    pub aliases: Vec<String>,
    /// The field's own serde default.
    pub default: Option<SerdeDefault>,
    pub doc: String,
    pub class: Class,
    pub required: bool,
    pub max_len: Option<(usize, Span)>,
    pub enum_values: Option<(Enum, Span)>,
    pub bool01: Option<Span>,
    pub format: Option<(Format, Span)>,
    pub range: Option<(f64, f64, Span)>,
}

pub enum Class {
    Writable,
    ReadOnly,
    Deprecated(Option<String>),
}

pub enum Enum {
    Strs(Vec<String>),
    Ints(Vec<i64>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Uuid,
    Datetime,
    Date,
    Number,
    UuidList,
}

impl Format {
    pub fn key(self) -> &'static str {
        match self {
            Format::Uuid => key::UUID,
            Format::Datetime => key::DATETIME,
            Format::Date => key::DATE,
            Format::Number => key::NUMBER,
            Format::UuidList => key::UUID_LIST,
        }
    }
}

//! The names of a problem and of JSON types: [`Code`], [`JsonType`] and [`JsonTypes`].

use std::borrow::Cow;
use std::fmt;

use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The stable, machine-readable name of a problem.
///
/// The snake_case names (see [`Code::as_str`]) are a contract: they are never renamed once
/// released. Codes are added in later releases; a report read back from JSON
/// (`serde_json::from_str::<Report>`) holds a code this release does not know as
/// [`Code::Unrecognized`], and its issue keeps the name as sent ([`Issue::code_str`], and the
/// issue's JSON writes it back unchanged).
///
/// [`Issue::code_str`]: super::Issue::code_str
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Code {
    /// The input is not well-formed JSON.
    JsonSyntax,
    /// A JSON value of a type the field cannot take.
    Type,
    /// A required field is missing, `null` or `""`.
    Required,
    /// A key appears more than once in one object.
    DuplicateField,
    /// A key that is not a field of the record.
    UnknownField,
    /// Text longer than the field's limit.
    MaxLen,
    /// A value that is not one of the allowed values.
    EnumValues,
    /// A flag that is not the integer 0 or 1.
    Bool01,
    /// Text that is not a hyphenated UUID.
    Uuid,
    /// Text that is not a `YYYY-MM-DD HH:MM:SS` datetime.
    Datetime,
    /// Text that is not a `YYYY-MM-DD` date (or a datetime).
    Date,
    /// A value that is not a finite decimal number.
    Number,
    /// A number outside the field's range.
    Range,
    /// A badge list that is not a JSON array of UUIDs encoded in a string.
    UuidList,
    /// A deprecated field is present.
    Deprecated,
    /// A read-only field is present in a create request.
    ReadOnly,
    /// A create request would make a job that is already deleted: `active` is 0 (a
    /// warning; `Job` only).
    CreatedInactive,
    /// A code this release does not know, read back from a report written by a later
    /// release; the issue holding it keeps its name ([`Issue::code_str`]). Never produced by
    /// this crate's rules, and not in [`Code::ALL`]. On its own it is written
    /// `unrecognized`.
    ///
    /// [`Issue::code_str`]: super::Issue::code_str
    Unrecognized,
}

impl Code {
    /// Every code, in declaration order. A slice, so that a code added in a later release
    /// (the enum is `#[non_exhaustive]`) does not change its type.
    pub const ALL: &'static [Code] = &[
        Code::JsonSyntax,
        Code::Type,
        Code::Required,
        Code::DuplicateField,
        Code::UnknownField,
        Code::MaxLen,
        Code::EnumValues,
        Code::Bool01,
        Code::Uuid,
        Code::Datetime,
        Code::Date,
        Code::Number,
        Code::Range,
        Code::UuidList,
        Code::Deprecated,
        Code::ReadOnly,
        Code::CreatedInactive,
    ];

    /// The stable snake_case name, as it appears in JSON output.
    ///
    /// ```
    /// assert_eq!(job_schema::Code::MaxLen.as_str(), "max_len");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::JsonSyntax => "json_syntax",
            Code::Type => "type",
            Code::Required => "required",
            Code::DuplicateField => "duplicate_field",
            Code::UnknownField => "unknown_field",
            Code::MaxLen => "max_len",
            Code::EnumValues => "enum_values",
            Code::Bool01 => "bool01",
            Code::Uuid => "uuid",
            Code::Datetime => "datetime",
            Code::Date => "date",
            Code::Number => "number",
            Code::Range => "range",
            Code::UuidList => "uuid_list",
            Code::Deprecated => "deprecated",
            Code::ReadOnly => "read_only",
            Code::CreatedInactive => "created_inactive",
            Code::Unrecognized => "unrecognized",
        }
    }

    /// The code named `name` (its [`Code::as_str`]), if this release knows it.
    ///
    /// ```
    /// use job_schema::Code;
    /// assert_eq!(Code::from_name("max_len"), Some(Code::MaxLen));
    /// assert_eq!(Code::from_name("some_later_code"), None);
    /// assert_eq!(Code::from_name("unrecognized"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|code| code.as_str() == name)
    }
}

/// Writes the code's name ([`Code::as_str`]) as a string in every format, so that what
/// [`Code`]'s `Deserialize` reads is what was written, in binary formats too (a derived
/// `Serialize` writes a variant's index where a format does not describe itself).
impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Reads a code's name; a name this release does not know is [`Code::Unrecognized`] (the
/// name itself is kept by the [`super::Issue`] that holds the code, not by the `Code`).
impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let name = Cow::<str>::deserialize(deserializer)?;
        Ok(Code::from_name(&name).unwrap_or(Code::Unrecognized))
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The JSON types, as named in type errors and in the field table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JsonType {
    /// `null`
    Null,
    /// `true` or `false`
    Boolean,
    /// a number without fraction or exponent
    Integer,
    /// any number
    Number,
    /// a string
    String,
    /// an array
    Array,
    /// an object
    Object,
}

impl JsonType {
    /// The lower-case name used in messages and JSON output.
    pub const fn as_str(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of [`JsonType`]s, serialized as a list of names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsonTypes(pub(super) u8);

impl JsonTypes {
    /// The empty set.
    pub const NONE: JsonTypes = JsonTypes(0);

    /// A set holding one type.
    pub const fn one(ty: JsonType) -> JsonTypes {
        JsonTypes(1 << ty as u8)
    }

    /// This set with `ty` added.
    #[must_use]
    pub const fn with(self, ty: JsonType) -> JsonTypes {
        JsonTypes(self.0 | 1 << ty as u8)
    }

    /// Whether `ty` is in the set.
    pub const fn contains(self, ty: JsonType) -> bool {
        self.0 & (1 << ty as u8) != 0
    }

    /// The types in the set, in [`JsonType`] declaration order.
    pub fn iter(self) -> impl Iterator<Item = JsonType> {
        const ORDER: [JsonType; 7] = [
            JsonType::Null,
            JsonType::Boolean,
            JsonType::Integer,
            JsonType::Number,
            JsonType::String,
            JsonType::Array,
            JsonType::Object,
        ];
        ORDER.into_iter().filter(move |ty| self.contains(*ty))
    }
}

impl JsonTypes {
    /// Writes the names as a message says them: `nothing`, `string`, `integer or string`,
    /// `null, integer or string`.
    pub(super) fn write_to(self, out: &mut impl fmt::Write) -> fmt::Result {
        let count = self.0.count_ones();
        if count == 0 {
            return out.write_str("nothing");
        }
        for (i, ty) in (0..).zip(self.iter()) {
            if i > 0 {
                out.write_str(if i + 1 == count { " or " } else { ", " })?;
            }
            out.write_str(ty.as_str())?;
        }
        Ok(())
    }
}

impl fmt::Display for JsonTypes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}

impl Serialize for JsonTypes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for ty in self.iter() {
            seq.serialize_element(&ty)?;
        }
        seq.end()
    }
}

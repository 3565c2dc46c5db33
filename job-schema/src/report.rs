//! The [`Report`]: every error and every warning of a record, at once.
//!
//! A report is two flat lists of [`Issue`]s. Each issue names the field (as a wire path such
//! as `badges[2]` and as an RFC 6901 pointer such as `/badges`), a stable [`Code`], a plain
//! English message, the rule's parameters and the offending value, cut to
//! [`ECHO_LIMIT`] characters with control characters escaped so that a report is always safe
//! to log.
//!
//! Every part of a message that comes from the input is bounded: an echoed value takes at
//! most [`ECHO_LIMIT`] characters once escaped (see [`echo`]), and a number at most
//! [`NUMBER_LIMIT`] (large and small floats are written in exponent form, see
//! [`NUMBER_LIMIT`]).

use std::borrow::Cow;
use std::fmt;

use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::path::Path;

mod message;

use message::Message;
pub(crate) use message::{Form, Lead, Phrase};

/// The most characters of an input value that an [`Issue`] echoes back, counted in the
/// echo as written: escapes and the `…` that marks a cut included (see [`echo`]).
pub const ECHO_LIMIT: usize = 64;

/// The most characters a number takes in a message.
///
/// An integer is written in decimal (at most 20 characters, `-9223372036854775808`). A float
/// is written as `f64`'s `Display` writes it (`-90`, `0.5`, `153.6121731`) when it is zero or
/// its magnitude is at least `1e-5` and below `1e16`, where that takes at most 24 characters
/// (`-0.000012345678901234567`); any other finite float in exponent form, as `LowerExp`
/// writes it (`1e308`, `-2.5e-7`, `-2.2250738585072014e-308`: at most 24 characters); `NaN`,
/// `inf` and `-inf` as they are.
///
/// ```
/// use job_schema::{Job, Options};
/// let report = Job::check_json(br#"{"status": "Quote", "lat": 1e308}"#, Options::default());
/// assert_eq!(report.errors[0].message(), "1e308 is outside the range -90 to 90");
/// ```
pub const NUMBER_LIMIT: usize = 24;

/// The stable, machine-readable name of a problem.
///
/// The snake_case names (see [`Code::as_str`]) are a contract: they are never renamed once
/// released.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
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
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The JSON types, as named in type errors and in the field table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
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
pub struct JsonTypes(u8);

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
    fn write_to(self, out: &mut impl fmt::Write) -> fmt::Result {
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

/// The allowed values of an `enum_values` rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowed {
    /// String values.
    Strs(&'static [&'static str]),
    /// Integer values.
    Ints(&'static [i64]),
}

impl Serialize for Allowed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Allowed::Strs(values) => values.serialize(serializer),
            Allowed::Ints(values) => values.serialize(serializer),
        }
    }
}

impl Allowed {
    /// Whether no value is allowed.
    pub const fn is_empty(self) -> bool {
        match self {
            Allowed::Strs(values) => values.is_empty(),
            Allowed::Ints(values) => values.is_empty(),
        }
    }

    /// Writes the values as a message lists them: strings quoted as `Debug` quotes them,
    /// separated by `, `.
    fn write_to(self, out: &mut impl fmt::Write) -> fmt::Result {
        match self {
            Allowed::Strs(values) => {
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        out.write_str(", ")?;
                    }
                    write_debug_str(out, v)?;
                }
            }
            Allowed::Ints(values) => {
                for (i, &v) in values.iter().enumerate() {
                    if i > 0 {
                        out.write_str(", ")?;
                    }
                    write!(out, "{v}")?;
                }
            }
        }
        Ok(())
    }
}

/// Writes `v` quoted as `Debug` quotes a string.
fn write_debug_str(out: &mut impl fmt::Write, v: &str) -> fmt::Result {
    // Printable ASCII without quotes or backslashes reads the same quoted as `Debug` quotes
    // it, and is written without the formatting machinery; anything else is left to `Debug`.
    if v.bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
    {
        out.write_char('"')?;
        out.write_str(v)?;
        out.write_char('"')
    } else {
        write!(out, "{v:?}")
    }
}

impl fmt::Display for Allowed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}

/// The parameters of an issue: the rule's limits and what helps to fix the value.
///
/// One variant per kind of rule, holding only what applies to it. JSON output writes the
/// variant's fields as an object (`{"limit": 30, "length": 31}`, `{}` for [`Params::Empty`]);
/// the accessors ([`Params::limit`], [`Params::suggestion`], …) read one parameter whatever
/// the variant.
///
/// ```
/// use job_schema::{Job, Options};
/// let report = Job::check_json(br#"{"status": "quote"}"#, Options::default());
/// let params = &report.errors[0].params;
/// assert_eq!(params.suggestion(), Some("Quote"));
/// assert_eq!(params.limit(), None);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub enum Params {
    /// No parameters.
    #[default]
    Empty,
    /// `max_len`.
    Length {
        /// The most characters allowed.
        limit: usize,
        /// How many characters the value has.
        length: usize,
    },
    /// `enum_values` on text.
    OneOf {
        /// The allowed values.
        allowed: &'static [&'static str],
        /// The allowed value close to the one given, if one is (one of `allowed`).
        suggestion: Option<&'static &'static str>,
    },
    /// `enum_values` on an integer, and `bool01`.
    OneOfInts {
        /// The allowed values.
        allowed: &'static [i64],
    },
    /// `range`.
    Range {
        /// The smallest value allowed.
        min: f64,
        /// The largest value allowed.
        max: f64,
    },
    /// `type` (and `uuid_list` given a raw array).
    Type {
        /// The JSON types the field takes.
        expected: JsonTypes,
        /// The JSON type it was given.
        given: JsonType,
    },
    /// A format the value must follow (`uuid`, `date`, `datetime`).
    Format {
        /// The format, such as `YYYY-MM-DD HH:MM:SS`.
        format: &'static str,
    },
    /// `uuid_list`: a bad element.
    Element {
        /// The element's index.
        index: usize,
    },
    /// `unknown_field`: a field name close to the key.
    Suggestion {
        /// The field's name.
        suggestion: Cow<'static, str>,
    },
    /// `deprecated`: what to use instead.
    Note {
        /// The advice.
        note: &'static str,
    },
    /// `json_syntax`: where the input breaks.
    Position {
        /// The 1-based line.
        line: usize,
        /// The 1-based column.
        column: usize,
    },
}

impl Params {
    /// `max_len`: the most characters allowed.
    pub fn limit(&self) -> Option<usize> {
        match *self {
            Params::Length { limit, .. } => Some(limit),
            _ => None,
        }
    }

    /// `max_len`: how many characters the value has.
    pub fn length(&self) -> Option<usize> {
        match *self {
            Params::Length { length, .. } => Some(length),
            _ => None,
        }
    }

    /// `enum_values`, `bool01`: the allowed values.
    pub fn allowed(&self) -> Option<Allowed> {
        match *self {
            Params::OneOf { allowed, .. } => Some(Allowed::Strs(allowed)),
            Params::OneOfInts { allowed } => Some(Allowed::Ints(allowed)),
            _ => None,
        }
    }

    /// `range`: the smallest value allowed.
    pub fn min(&self) -> Option<f64> {
        match *self {
            Params::Range { min, .. } => Some(min),
            _ => None,
        }
    }

    /// `range`: the largest value allowed.
    pub fn max(&self) -> Option<f64> {
        match *self {
            Params::Range { max, .. } => Some(max),
            _ => None,
        }
    }

    /// `type`: the JSON types the field takes.
    pub fn expected(&self) -> Option<JsonTypes> {
        match *self {
            Params::Type { expected, .. } => Some(expected),
            _ => None,
        }
    }

    /// `type`: the JSON type it was given.
    pub fn given(&self) -> Option<JsonType> {
        match *self {
            Params::Type { given, .. } => Some(given),
            _ => None,
        }
    }

    /// A format the value must follow.
    pub fn format(&self) -> Option<&'static str> {
        match *self {
            Params::Format { format } => Some(format),
            _ => None,
        }
    }

    /// `uuid_list`: the index of the bad element.
    pub fn index(&self) -> Option<usize> {
        match *self {
            Params::Element { index } => Some(index),
            _ => None,
        }
    }

    /// A close, valid alternative (`unknown_field`, `enum_values`).
    pub fn suggestion(&self) -> Option<&str> {
        match self {
            Params::OneOf { suggestion, .. } => suggestion.copied(),
            Params::Suggestion { suggestion } => Some(suggestion),
            _ => None,
        }
    }

    /// `deprecated`: what to use instead.
    pub fn note(&self) -> Option<&'static str> {
        match *self {
            Params::Note { note } => Some(note),
            _ => None,
        }
    }

    /// `json_syntax`: the 1-based line of the error.
    pub fn line(&self) -> Option<usize> {
        match *self {
            Params::Position { line, .. } => Some(line),
            _ => None,
        }
    }

    /// `json_syntax`: the 1-based column of the error.
    pub fn column(&self) -> Option<usize> {
        match *self {
            Params::Position { column, .. } => Some(column),
            _ => None,
        }
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match self {
            Params::Empty => {}
            Params::Length { limit, length } => {
                map.serialize_entry("limit", limit)?;
                map.serialize_entry("length", length)?;
            }
            Params::OneOf {
                allowed,
                suggestion,
            } => {
                map.serialize_entry("allowed", allowed)?;
                if let Some(suggestion) = suggestion {
                    map.serialize_entry("suggestion", suggestion)?;
                }
            }
            Params::OneOfInts { allowed } => map.serialize_entry("allowed", allowed)?,
            Params::Range { min, max } => {
                map.serialize_entry("min", min)?;
                map.serialize_entry("max", max)?;
            }
            Params::Type { expected, given } => {
                map.serialize_entry("expected", expected)?;
                map.serialize_entry("given", given)?;
            }
            Params::Format { format } => map.serialize_entry("format", format)?,
            Params::Element { index } => map.serialize_entry("index", index)?,
            Params::Suggestion { suggestion } => map.serialize_entry("suggestion", suggestion)?,
            Params::Note { note } => map.serialize_entry("note", note)?,
            Params::Position { line, column } => {
                map.serialize_entry("line", line)?;
                map.serialize_entry("column", column)?;
            }
        }
        map.end()
    }
}

/// What a rule found wrong with one value, before it is placed at a field.
///
/// The rule functions in [`crate::rules`] return this; a [`Report`] turns it into an [`Issue`]
/// by adding the field's path and the echoed value.
///
/// Two violations are equal when their code, parameters and message are, the message as it
/// is held: written-out text is never equal to a message still to be written, even one that
/// would read the same (issues compare their messages as they read).
#[derive(Clone, PartialEq)]
pub struct Violation {
    /// The stable code.
    pub code: Code,
    /// The rule's parameters. The messages of this crate's rules are written from them (and
    /// from the value): change them and the message says something else.
    pub params: Params,
    /// The message, written out or to be written from the value and the parameters.
    message: Message,
}

impl Violation {
    /// A violation with no parameters and the message `message`.
    pub fn new(code: Code, message: impl Into<Cow<'static, str>>) -> Violation {
        Violation {
            code,
            params: Params::Empty,
            message: Message::Text(message.into()),
        }
    }

    /// A violation whose message is written from the value and `params` when it is read.
    pub(crate) const fn deferred(code: Code, form: Form, params: Params) -> Violation {
        Violation {
            code,
            params,
            message: Message::Form(form),
        }
    }

    /// The `json_syntax` violation: malformed JSON at 1-based `line` and `column`, with
    /// `what` saying what is wrong there.
    ///
    /// ```
    /// let v = job_schema::Violation::json_syntax(2, 7, "expected `:`");
    /// assert_eq!(v.message(None), "malformed JSON at line 2, column 7: expected `:`");
    /// assert_eq!((v.params.line(), v.params.column()), (Some(2), Some(7)));
    /// ```
    pub fn json_syntax(line: usize, column: usize, what: &str) -> Violation {
        Violation::new(
            Code::JsonSyntax,
            format!("{SYNTAX_LEAD}{line}, column {column}: {what}"),
        )
        .with_params(Params::Position { line, column })
    }

    /// A `type` violation: the value is a `given`, the field takes `expected`.
    pub(crate) const fn wrong_type(form: Form, expected: JsonTypes, given: JsonType) -> Violation {
        Violation::deferred(Code::Type, form, Params::Type { expected, given })
    }

    /// What a `json_syntax` message says is wrong, without its position.
    pub fn syntax_detail(message: &str) -> Option<&str> {
        message
            .strip_prefix(SYNTAX_LEAD)
            .and_then(|rest| rest.split_once(": "))
            .map(|(_, what)| what)
    }

    /// This violation with `params` as its parameters (for a violation made with
    /// [`Violation::new`]; the message of one of this crate's rules is written from its
    /// parameters, which this replaces).
    #[must_use]
    pub fn with_params(mut self, params: Params) -> Violation {
        self.params = params;
        self
    }

    /// The message as it reads for the offending `value` (the one given to the rule): a
    /// message that quotes the value quotes it echoed (see [`echo`]).
    ///
    /// ```
    /// use job_schema::rules::max_len;
    /// let v = max_len::check("abcd", 3).unwrap_err();
    /// assert_eq!(v.message(Some("abcd")), "is 4 characters long; the limit is 3");
    /// ```
    pub fn message(&self, value: Option<&str>) -> Cow<'_, str> {
        let echoed = value.map(echo);
        self.message.render(&self.params, echoed.as_deref())
    }
}

impl fmt::Debug for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Violation")
            .field("code", &self.code)
            .field("params", &self.params)
            .field("message", &self.message)
            .finish()
    }
}

/// How a `json_syntax` message starts, before the line number.
const SYNTAX_LEAD: &str = "malformed JSON at line ";

/// One problem with one field.
///
/// The message is written when it is read ([`Issue::message`], `Display`, JSON output), from
/// the issue's parameters and echoed value: checking a record builds no text for it. Editing
/// `params` or `value` edits the message too (a redacted value reads as `""` in a message
/// that quotes it).
#[derive(Clone)]
pub struct Issue {
    /// The wire path of the field: `status`, `address.city`, `badges[2]`, `""` for the root.
    pub field: Cow<'static, str>,
    /// The RFC 6901 JSON pointer of the value: `/status`, `/address/city`, `/badges`.
    pub pointer: Cow<'static, str>,
    /// The stable code.
    pub code: Code,
    /// The rule's parameters.
    pub params: Params,
    /// The offending value as text, cut to [`ECHO_LIMIT`] characters, control characters
    /// escaped (see [`echo`]); `None` when there is no value to show (a missing field).
    pub value: Option<Box<str>>,
    /// The message, written out or to be written from `params` and `value`.
    message: Message,
}

// A report's first eight issues fit in 1,024 bytes, which the allocator serves from its
// per-thread cache (see `sink::FIRST_ROOM`).
#[cfg(target_pointer_width = "64")]
const _: () = assert!(size_of::<Issue>() <= 128);

impl Issue {
    /// An issue at `path` from a rule's violation, echoing `value`.
    #[inline]
    pub fn at(path: &Path<'_>, violation: Violation, value: Option<&str>) -> Issue {
        Issue {
            field: path.field(),
            pointer: path.pointer(),
            code: violation.code,
            params: violation.params,
            value: value.map(echo_boxed),
            message: violation.message,
        }
    }

    /// A warning that a field is present, with a message that does not depend on its value.
    pub(crate) fn presence(
        path: &Path<'_>,
        code: Code,
        message: &'static str,
        params: Params,
    ) -> Issue {
        Issue {
            field: path.field(),
            pointer: path.pointer(),
            code,
            params,
            value: None,
            message: Message::Text(Cow::Borrowed(message)),
        }
    }

    /// A plain English message: borrowed when it does not depend on the value, else written
    /// now from the parameters and the echoed value.
    ///
    /// ```
    /// use job_schema::{Job, Options};
    /// let report = Job::check_json(br#"{"status": "quote"}"#, Options::default());
    /// assert_eq!(
    ///     report.errors[0].message(),
    ///     r#""quote" is not one of "Quote", "Work Order", "Unsuccessful", "Completed"; did you mean "Quote"?"#
    /// );
    /// ```
    pub fn message(&self) -> Cow<'_, str> {
        self.message.render(&self.params, self.value.as_deref())
    }
}

impl PartialEq for Issue {
    /// Equal when every field and the message read the same.
    fn eq(&self, other: &Issue) -> bool {
        self.field == other.field
            && self.pointer == other.pointer
            && self.code == other.code
            && self.params == other.params
            && self.value == other.value
            && (self.message == other.message || self.message() == other.message())
    }
}

impl fmt::Debug for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Issue")
            .field("field", &self.field)
            .field("pointer", &self.pointer)
            .field("code", &self.code)
            .field("message", &self.message())
            .field("params", &self.params)
            .field("value", &self.value)
            .finish()
    }
}

impl Serialize for Issue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut issue = serializer.serialize_struct("Issue", 6)?;
        issue.serialize_field("field", &self.field)?;
        issue.serialize_field("pointer", &self.pointer)?;
        issue.serialize_field("code", &self.code)?;
        issue.serialize_field("message", &self.message())?;
        issue.serialize_field("params", &self.params)?;
        issue.serialize_field("value", &self.value)?;
        issue.end()
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field: &str = if self.field.is_empty() {
            "(root)"
        } else {
            &self.field
        };
        write!(f, "{field}: {}", self.message())
    }
}

/// The most issues a [`Report`] keeps: the first `ISSUE_LIMIT` in report order (every
/// error, then every warning). Issues found beyond them are only counted, in
/// [`Report::omitted`], so that no body, however hostile, makes a report larger than this.
///
/// The reader keeps to it while it reads, not only once it is done: a record's memory for
/// issues stays within a small multiple of the limit whatever the body holds.
///
/// ```
/// use job_schema::{report::ISSUE_LIMIT, Job, Options};
/// let body = format!("{{{}}}", vec![r#""status":"Quote""#; 1_500].join(","));
/// let report = Job::check_json(body.as_bytes(), Options::default());
/// assert_eq!(report.errors.len(), ISSUE_LIMIT);
/// assert_eq!(report.omitted, 1_499 - ISSUE_LIMIT);
/// ```
pub const ISSUE_LIMIT: usize = 1_000;

/// Every error and every warning found in one record (or one batch), up to
/// [`ISSUE_LIMIT`] issues.
///
/// Errors make a record invalid; warnings do not (unless strict mode turned them into
/// errors). Both lists are in field-declaration order, then unknown keys in input order, and
/// the same input always gives the same report. Report order is every error, then every
/// warning; a report keeps the first [`ISSUE_LIMIT`] issues in that order and counts the
/// others in [`Report::omitted`]. A report with omitted issues is invalid, whatever they
/// were.
///
/// Serializes as `{"errors": [Issue…], "warnings": [Issue…]}`, with `"omitted": N` after
/// them when issues were omitted.
///
/// ```
/// use job_schema::{Code, Job};
///
/// let report = Job::check_json(br#"{"status": "Quote", "uuid": "x", "Status": 1}"#, Default::default());
/// assert!(report.has_errors());
/// assert_eq!(report.errors[0].code, Code::Uuid);
/// assert_eq!(report.errors[0].pointer, "/uuid");
/// assert_eq!(report.warnings[0].code, Code::UnknownField);
///
/// // One `field: message` line per issue, warnings marked.
/// assert_eq!(
///     report.to_string(),
///     "uuid: \"x\" is not a UUID (8-4-4-4-12 hex digits, no braces)\n\
///      warning: Status: is not a field of this record; did you mean `status`?"
/// );
/// assert!(report.to_json().starts_with(r#"{"errors":[{"field":"uuid","pointer":"/uuid","code":"uuid""#));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// The problems that make the input invalid.
    pub errors: Vec<Issue>,
    /// The problems worth knowing about that do not make it invalid.
    pub warnings: Vec<Issue>,
    /// How many issues (errors or warnings) were found beyond the first [`ISSUE_LIMIT`]:
    /// counted, not kept. Not zero means the report is invalid (see [`Report::has_errors`]).
    #[serde(skip_serializing_if = "is_zero")]
    pub omitted: usize,
}

/// Whether `count` is zero: `omitted` is serialized only when it is not.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference.
fn is_zero(count: &usize) -> bool {
    *count == 0
}

/// Where a report's lists ended at some point, and how many issues it had omitted, so that
/// what was recorded since can be taken back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    errors: usize,
    warnings: usize,
    omitted: usize,
}

impl Report {
    /// An empty report. Allocates nothing.
    pub const fn new() -> Report {
        Report {
            errors: Vec::new(),
            warnings: Vec::new(),
            omitted: 0,
        }
    }

    /// Where the two lists end now, and the omitted count.
    pub(crate) fn mark(&self) -> Mark {
        Mark {
            errors: self.errors.len(),
            warnings: self.warnings.len(),
            omitted: self.omitted,
        }
    }

    /// Drops the issues recorded since `mark` (from [`Report::mark`]), and the count of those
    /// omitted since.
    pub(crate) fn rewind(&mut self, mark: Mark) {
        self.errors.truncate(mark.errors);
        self.warnings.truncate(mark.warnings);
        self.omitted = mark.omitted;
    }

    /// Keeps the first [`ISSUE_LIMIT`] issues in report order (every error, then every
    /// warning), adding the others to [`Report::omitted`]. Returns how many errors it
    /// dropped.
    pub(crate) fn keep_limit(&mut self) -> usize {
        let errors = self.errors.len().min(ISSUE_LIMIT);
        let warnings = self.warnings.len().min(ISSUE_LIMIT - errors);
        let dropped_errors = self.errors.len() - errors;
        self.omitted += dropped_errors + (self.warnings.len() - warnings);
        self.errors.truncate(errors);
        self.warnings.truncate(warnings);
        dropped_errors
    }

    /// Whether the report holds at least one error, or omitted issues: a report that could
    /// not keep everything it found is never a clean bill, whatever the omitted issues were.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.omitted > 0
    }

    /// Whether the report holds neither errors nor warnings, and omitted none.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.warnings.is_empty() && self.omitted == 0
    }

    /// Moves every issue of `other` to the end of this report's lists, then keeps the first
    /// [`ISSUE_LIMIT`] of the whole in report order, counting the rest (and both reports'
    /// omitted issues) in [`Report::omitted`]. Since each report kept the first issues of its
    /// own order, the result is the first [`ISSUE_LIMIT`] of all their issues.
    pub fn append(&mut self, other: &mut Report) {
        append(&mut self.errors, &mut other.errors);
        append(&mut self.warnings, &mut other.warnings);
        self.omitted += std::mem::take(&mut other.omitted);
        self.keep_limit();
    }

    /// Every issue kept: the errors, then the warnings.
    pub fn iter(&self) -> impl Iterator<Item = &Issue> {
        self.errors.iter().chain(self.warnings.iter())
    }

    /// `Ok(())` when there is no error (and no omitted issue), else `Err(self)`.
    pub fn into_result(self) -> Result<(), Report> {
        if self.has_errors() {
            Err(self)
        } else {
            Ok(())
        }
    }

    /// Serializes the report as JSON (the contract shape: the errors and warnings lists, and
    /// `omitted` when it is not zero).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl fmt::Display for Report {
    /// One `field: message` line per issue: the errors, then the warnings (marked); then,
    /// when issues were omitted, `… and N more issues`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (issues, prefix) in [(&self.errors, ""), (&self.warnings, "warning: ")] {
            for issue in issues {
                if !first {
                    f.write_str("\n")?;
                }
                first = false;
                write!(f, "{prefix}{issue}")?;
            }
        }
        if self.omitted > 0 {
            if !first {
                f.write_str("\n")?;
            }
            f.write_str(&omitted_line(self.omitted))?;
        }
        Ok(())
    }
}

/// The line that ends a report with `omitted` issues beyond the limit: `… and N more issues`.
///
/// ```
/// use job_schema::report::omitted_line;
/// assert_eq!(omitted_line(1), "… and 1 more issue");
/// assert_eq!(omitted_line(4_999_000), "… and 4999000 more issues");
/// ```
pub fn omitted_line(omitted: usize) -> String {
    let noun = if omitted == 1 { "issue" } else { "issues" };
    format!("… and {omitted} more {noun}")
}

impl std::error::Error for Report {}

/// Moves the issues of `from` to the end of `to`. A list that receives its first issues gets
/// room for a few more, since a record's issues are gathered field by field.
fn append(to: &mut Vec<Issue>, from: &mut Vec<Issue>) {
    if from.is_empty() {
        return;
    }
    if to.capacity() == 0 {
        to.reserve(from.len().max(APPEND_START));
    }
    to.append(from);
}

/// The room a list gets when it receives its first issues.
const APPEND_START: usize = 8;

/// Escapes `value` and cuts it to at most [`ECHO_LIMIT`] characters, so that it is safe to
/// log.
///
/// The characters [`escape`] escapes (control characters and invisible format characters)
/// are written as their Rust escapes (`\n`, `\u{202e}`); the others as they are. When the
/// value so written takes at most [`ECHO_LIMIT`] characters, that is the echo. Otherwise the
/// echo is the longest run of its first characters and escapes (an escape is never split)
/// that takes at most `ECHO_LIMIT - 1` characters, followed by `…`. Either way the echo takes
/// at most [`ECHO_LIMIT`] characters (Unicode scalar values).
///
/// ```
/// use job_schema::report::echo;
/// assert_eq!(echo("a\tb"), "a\\tb");
/// assert_eq!(echo(&"x".repeat(1000)).chars().count(), 64);
/// // An escape that does not fit before the cut is left out whole.
/// let cut = echo(&format!("{}\u{202e}", "x".repeat(63)));
/// assert_eq!(cut, format!("{}…", "x".repeat(63)));
/// ```
pub fn echo(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(ECHO_LIMIT * 2));
    echo_into(&mut out, value);
    out
}

/// Whether `c` is escaped when echoed: control characters, and the invisible format
/// characters that can reorder or hide text in a log (bidirectional overrides and isolates,
/// zero-width characters, line and paragraph separators, the byte order mark).
fn must_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// How `c` is written in an echo or an escaped name: `None` when it is written as it is,
/// else its Rust escape (`\n`, `\u{202e}`).
fn escape_of(c: char) -> Option<std::char::EscapeDefault> {
    must_escape(c).then(|| c.escape_default())
}

/// `text` with the characters that [`echo`] escapes escaped the same way, and nothing cut:
/// for text shown whole on a terminal, such as a key in a field's path or a file name.
///
/// Control characters and the invisible format characters that can reorder or hide text
/// (bidirectional overrides and isolates, zero-width characters, line and paragraph
/// separators, the byte order mark) are written as their Rust escapes; borrowed when there
/// is none.
///
/// ```
/// use job_schema::report::escape;
/// assert_eq!(escape("a\u{202e}b\u{200b}\x1b[31m"), "a\\u{202e}b\\u{200b}\\u{1b}[31m");
/// assert_eq!(escape("status"), "status");
/// ```
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(must_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match escape_of(c) {
            Some(escaped) => out.extend(escaped),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// How much of a value with nothing to escape among its first characters is echoed.
enum Prefix {
    /// All of it: at most [`ECHO_LIMIT`] characters.
    Whole,
    /// The bytes before this offset (`ECHO_LIMIT - 1` characters), then `…`.
    Cut(usize),
}

/// Reads the UTF-8 `bytes` of a `str` up to its first [`ECHO_LIMIT`] characters, byte by
/// byte (eight at a time over printable ASCII): `None` when one of them must be escaped (see
/// [`must_escape`], here matched on its encoding), else how much of the value is echoed.
fn printable_prefix(bytes: &[u8]) -> Option<Prefix> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Printable ASCII throughout the first `ECHO_LIMIT` bytes, the common case, is settled by
    // one test over them (without early exit, so that it compiles to vector instructions):
    // the bytes are the characters.
    let head = &bytes[..bytes.len().min(ECHO_LIMIT)];
    if head
        .iter()
        .fold(true, |plain, b| plain & (0x20..0x7f).contains(b))
    {
        return Some(if bytes.len() > ECHO_LIMIT {
            Prefix::Cut(ECHO_LIMIT - 1)
        } else {
            Prefix::Whole
        });
    }
    let mut at = 0;
    let mut count = 0;
    let mut cut = 0;
    while at < bytes.len() {
        if count == ECHO_LIMIT {
            return Some(Prefix::Cut(cut));
        }
        // Eight bytes at once while they stay below the cut: the printable ASCII ones before
        // the first other byte are taken together (a borrow can only mark bytes above a
        // marked one, so the lowest mark is exact).
        if count + 8 < ECHO_LIMIT {
            if let Some(chunk) = bytes.get(at..at + 8) {
                let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
                let wide = word & HIGHS;
                let low = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
                let del = word ^ (ONES * 0x7f);
                let del = del.wrapping_sub(ONES) & !del & HIGHS;
                let plain = (wide | low | del).trailing_zeros() as usize / 8;
                at += plain;
                count += plain;
                if plain == 8 {
                    continue;
                }
            }
        }
        if count == ECHO_LIMIT - 1 {
            cut = at;
        }
        let b = bytes[at];
        let next = |k: usize| bytes.get(at + k).copied().unwrap_or(0);
        let (width, escape) = match b {
            0x00..=0x1f | 0x7f => (1, true),
            0x20..=0x7e => (1, false),
            // U+0080 to U+009F, the C1 controls.
            0xc2 => (2, next(1) <= 0x9f),
            0xc3..=0xdf => (2, false),
            // U+200B–U+200F, U+2028–U+202E, U+2060–U+2069.
            0xe2 => (
                3,
                match (next(1), next(2)) {
                    (0x80, c) => matches!(c, 0x8b..=0x8f | 0xa8..=0xae),
                    (0x81, c) => matches!(c, 0xa0..=0xa9),
                    _ => false,
                },
            ),
            // U+FEFF.
            0xef => (3, next(1) == 0xbb && next(2) == 0xbf),
            0xe0..=0xef => (3, false),
            _ => (4, false),
        };
        if escape {
            return None;
        }
        at += width;
        count += 1;
    }
    Some(Prefix::Whole)
}

/// [`echo`], as an [`Issue`] keeps it: allocated at its size.
fn echo_boxed(value: &str) -> Box<str> {
    match printable_prefix(value.as_bytes()) {
        Some(Prefix::Whole) => Box::from(value),
        Some(Prefix::Cut(at)) => {
            let mut out = String::with_capacity(at + '…'.len_utf8());
            out.push_str(&value[..at]);
            out.push('…');
            out.into_boxed_str()
        }
        None => echo(value).into_boxed_str(),
    }
}

/// [`echo`], appended to `out`.
fn echo_into(out: &mut String, value: &str) {
    // No character to escape among the first characters, the common case: the value as it
    // is, or its first `ECHO_LIMIT - 1` characters and `…`.
    match printable_prefix(value.as_bytes()) {
        Some(Prefix::Whole) => {
            out.push_str(value);
            return;
        }
        Some(Prefix::Cut(at)) => {
            out.push_str(&value[..at]);
            out.push('…');
            return;
        }
        None => {}
    }
    // Each character or escape is written whole if what is written so far then still leaves
    // room for the `…` of a cut, or, for the last one, fits the limit; otherwise the echo is
    // cut before it. What was written before a cut takes at most `ECHO_LIMIT - 1` characters.
    let mut count = 0;
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        let escaped = escape_of(c);
        // An escape counts as the characters it takes.
        let width = escaped.as_ref().map_or(1, ExactSizeIterator::len);
        let room = if chars.as_str().is_empty() {
            ECHO_LIMIT
        } else {
            ECHO_LIMIT - 1
        };
        if count + width > room {
            out.push('…');
            break;
        }
        count += width;
        match escaped {
            Some(escaped) => out.extend(escaped),
            None => out.push(c),
        }
    }
}

/// A message built piece by piece into one allocation, without the formatting machinery
/// (a `format!` costs several hundred instructions, and a record with issues builds a
/// message for each). Numbers are written the way their `Display` writes them.
pub(crate) struct Text(String);

impl Text {
    /// An empty message with room for about `capacity` bytes.
    #[inline]
    pub(crate) fn new(capacity: usize) -> Text {
        Text(String::with_capacity(capacity))
    }

    /// Appends `part`.
    #[inline]
    #[must_use]
    pub(crate) fn str(mut self, part: &str) -> Text {
        self.0.push_str(part);
        self
    }

    /// Appends `value` quoted and echoed (see [`echo`]).
    #[must_use]
    pub(crate) fn quoted(mut self, value: &str) -> Text {
        self.0.push('"');
        echo_into(&mut self.0, value);
        self.0.push('"');
        self
    }

    /// Appends the names of `types` (`integer or string`).
    #[must_use]
    pub(crate) fn types(mut self, types: JsonTypes) -> Text {
        // Writing to a `String` cannot fail.
        let _ = types.write_to(&mut self.0);
        self
    }

    /// Appends the allowed values, as [`Allowed`]'s `Display` writes them.
    #[must_use]
    pub(crate) fn allowed(mut self, allowed: Allowed) -> Text {
        // Writing to a `String` cannot fail.
        let _ = allowed.write_to(&mut self.0);
        self
    }

    /// Appends `value` quoted as `Debug` quotes a string.
    #[must_use]
    pub(crate) fn debug_str(mut self, value: &str) -> Text {
        // Writing to a `String` cannot fail.
        let _ = write_debug_str(&mut self.0, value);
        self
    }

    /// Appends `value` in decimal.
    #[must_use]
    pub(crate) fn uint(mut self, value: u64) -> Text {
        push_u64(&mut self.0, value);
        self
    }

    /// Appends `value` in decimal.
    #[must_use]
    pub(crate) fn int(mut self, value: i64) -> Text {
        if value < 0 {
            self.0.push('-');
        }
        push_u64(&mut self.0, value.unsigned_abs());
        self
    }

    /// Appends `value` as a message writes a float (`-90`, `0.5`, `NaN`, `1e308`; see
    /// [`NUMBER_LIMIT`]).
    #[must_use]
    pub(crate) fn float(mut self, value: f64) -> Text {
        push_f64(&mut self.0, value);
        self
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.0
    }
}

impl From<Text> for Cow<'static, str> {
    fn from(text: Text) -> Cow<'static, str> {
        Cow::Owned(text.0)
    }
}

/// Appends `value` in decimal.
fn push_u64(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        // `value % 10` is below 10.
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// Appends `value` as a message writes a number (see [`NUMBER_LIMIT`]): as `f64`'s `Display`
/// writes it when it is zero, not finite, or of a magnitude from `1e-5` up to `1e16`, else as
/// `LowerExp` writes it. Whole numbers that an `i64` holds exactly (the bounds of a range,
/// most coordinates' integer parts) are written as integers, which is what `Display` writes
/// for them; anything else goes through the formatting machinery.
pub(crate) fn push_f64(out: &mut String, value: f64) {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if value.is_finite() && value != 0.0 && !(PLAIN_FROM..PLAIN_BELOW).contains(&value.abs()) {
        use std::fmt::Write as _;
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{value:e}");
    } else if value.fract() == 0.0 && value.abs() < EXACT {
        if value.is_sign_negative() {
            out.push('-');
        }
        // A whole number below 2^53 in magnitude converts exactly.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        push_u64(out, value.abs() as u64);
    } else if let Some((digits, places)) = shortest_decimal(value.abs()) {
        if value.is_sign_negative() {
            out.push('-');
        }
        push_decimal(out, digits, places);
    } else {
        use std::fmt::Write as _;
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{value}");
    }
}

/// The smallest magnitude of a float written without an exponent, besides zero.
const PLAIN_FROM: f64 = 1e-5;
/// The magnitude from which floats are written with an exponent.
const PLAIN_BELOW: f64 = 1e16;

/// The fewest decimal digits that read back as the non-whole `magnitude`, as the integer
/// `digits` over `10^places`, when there are at most 15 of them and at most 22 places (a
/// coordinate, an amount); `None` otherwise (`Display` writes those).
///
/// Two different decimals of at most 15 significant digits never read as the same double,
/// so at a given number of places at most one integer reads back as `magnitude`, and the
/// shortest decimal is that one without its trailing zeros: the digits `f64`'s `Display`
/// writes. Reading back is exact (the integer is below 2^53 and `10^places` an exact double,
/// so one division rounds correctly): the answer is checked, never estimated.
fn shortest_decimal(magnitude: f64) -> Option<(u64, usize)> {
    use crate::float::POWERS_OF_TEN as POWERS;
    // Places for 15 significant digits: 15 less the digits before the point, or 15 more the
    // zeros after it. A wrong guess near a power of ten only makes the answer `None`.
    let whole = POWERS[..16].iter().take_while(|&&p| p <= magnitude).count();
    let places = if whole > 0 {
        15usize.checked_sub(whole)?
    } else {
        15 + (1..=8).take_while(|&k| magnitude * POWERS[k] < 1.0).count()
    };
    let power = *POWERS.get(places)?;
    let scaled = magnitude * power;
    if !(1.0..1e15).contains(&scaled) {
        return None;
    }
    // The product is off by at most 0.11 (below 10^15, one rounding), and the decimal that
    // reads back, if there is one, lies within 0.1 of the exact product: rounding half up
    // finds it. Below 2^53, the casts are exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut digits = (scaled + 0.5) as u64;
    #[allow(clippy::cast_precision_loss)]
    let back = digits as f64 / power;
    if back.to_bits() != magnitude.to_bits() {
        return None;
    }
    let mut places = places;
    while digits.is_multiple_of(10) && places > 0 {
        digits /= 10;
        places -= 1;
    }
    Some((digits, places))
}

/// Appends `digits / 10^places` as a plain decimal (`0.05`, `153.6121731`), for at most 15
/// digits and 22 places.
fn push_decimal(out: &mut String, digits: u64, places: usize) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869\
        707172737475767778798081828384858687888990919293949596979899";
    // The digits, right-aligned, two at a time; then as many leading zeros as the places
    // need (`0.05` has three digits).
    let mut all = [b'0'; 24];
    let mut at = all.len();
    let mut rest = digits;
    while rest >= 10 {
        // Below 100.
        let pair = (rest % 100) as usize * 2;
        rest /= 100;
        at -= 2;
        all[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if rest > 0 {
        at -= 1;
        // Below 10.
        all[at] = b'0' + (rest % 10) as u8;
    }
    at = at.min(all.len().saturating_sub(places + 1));
    let written = &all[at..];
    // The whole part, the point, the places: one piece of text.
    let point = written.len() - places;
    let mut text = [b'.'; 25];
    text[..point].copy_from_slice(&written[..point]);
    text[point + 1..=written.len()].copy_from_slice(&written[point..]);
    let len = if places > 0 { written.len() + 1 } else { point };
    out.push_str(std::str::from_utf8(&text[..len]).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_writes_numbers_as_display_does_up_to_an_exponent_form() {
        let mut rng = crate::test_rng::Rng::new(0x7E47_u64);
        let mut floats = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -90.0,
            180.0,
            259.932_326_9,
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            -9_007_199_254_740_993.0,
            1e16,
            1e300,
            -1e-300,
            5e-324,
            f64::MAX,
            f64::MIN,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut ints = vec![0, 1, -1, 9, 10, -10, i64::MAX, i64::MIN];
        for k in -330..=310 {
            let power: f64 = format!("1e{k}").parse().unwrap();
            floats.extend([power, -power, power * 1.5, 0.1 * power, 7.0 * power / 3.0]);
        }
        for round in 0..100_000 {
            let seed = rng.bits();
            floats.push(f64::from_bits(seed));
            floats.push(f64::from(u32::try_from(seed % 1_000_000).unwrap()) - 500_000.0);
            // Decimals as coordinates and amounts are written, up to 12 places, and the
            // doubles next to them (which need 16 or 17 digits).
            let places = round % 13;
            #[allow(clippy::cast_precision_loss)]
            let decimal = (seed >> 20) as f64 / 10f64.powi(places) - 1e3;
            floats.extend([decimal, f64::from_bits(decimal.to_bits() + 1)]);
            // Around the powers of ten where the number of places changes.
            let k = i32::try_from(seed % 24).unwrap() - 9;
            floats.push(f64::from_bits(10f64.powi(k).to_bits() + (seed >> 58) - 32));
            #[allow(clippy::cast_possible_wrap)]
            ints.push((seed as i64) >> (seed % 64));
        }
        for f in floats {
            // `Display` from 1e-5 up to 1e16, `LowerExp` beyond, never over the limit.
            let plain = !f.is_finite() || f == 0.0 || (1e-5..1e16).contains(&f.abs());
            let expected = if plain {
                f.to_string()
            } else {
                format!("{f:e}")
            };
            let written = String::from(Text::new(0).float(f));
            assert_eq!(written, expected);
            assert!(written.len() <= NUMBER_LIMIT, "{written}");
            // The same choice of form as serde_json makes in JSON output.
            if f.is_finite() {
                let json = serde_json::to_string(&f).unwrap();
                assert_eq!(json.contains('e'), written.contains('e'), "{json}");
            }
        }
        for i in ints {
            assert_eq!(String::from(Text::new(0).int(i)), i.to_string());
            assert!(i.to_string().len() <= NUMBER_LIMIT);
            assert_eq!(
                String::from(Text::new(0).uint(i.unsigned_abs())),
                i.unsigned_abs().to_string()
            );
        }
    }

    #[test]
    fn large_and_small_floats_take_the_exponent_form() {
        let written = |f: f64| String::from(Text::new(0).float(f));
        assert_eq!(written(1e308), "1e308");
        assert_eq!(written(f64::MIN), "-1.7976931348623157e308");
        assert_eq!(
            written(-2.225_073_858_507_201_4e-308),
            "-2.2250738585072014e-308"
        );
        assert_eq!(written(5e-324), "5e-324");
        assert_eq!(written(1e16), "1e16");
        assert_eq!(written(9_999_999_999_999_998.0), "9999999999999998");
        assert_eq!(written(1e-5), "0.00001");
        assert_eq!(
            written(-1.234_567_890_123_456_8e-5),
            "-0.000012345678901234568"
        );
        assert_eq!(written(9.999_999_999_999_999e-6), "9.999999999999999e-6");
        // Ordinary values as before.
        assert_eq!(written(-27.698_444_4), "-27.6984444");
        assert_eq!(written(-90.0), "-90");
        assert_eq!(written(-0.0), "-0");
        assert_eq!(written(f64::NEG_INFINITY), "-inf");
        // In a message.
        let range = Violation::deferred(
            Code::Range,
            Form::Range(-1e308),
            Params::Range {
                min: -90.0,
                max: 90.0,
            },
        );
        assert_eq!(range.message(None), "-1e308 is outside the range -90 to 90");
    }

    #[test]
    fn lists_read_as_debug_and_join_write_them() {
        let strs: &[&str] = &[
            "Quote",
            "Work Order",
            "a\"b",
            "back\\slash",
            "é",
            "tab\t",
            "",
        ];
        let debug: Vec<String> = strs.iter().map(|s| format!("{s:?}")).collect();
        assert_eq!(Allowed::Strs(strs).to_string(), debug.join(", "));
        assert_eq!(Allowed::Ints(&[-1, 0, 7]).to_string(), "-1, 0, 7");
        assert_eq!(String::from(Text::new(0).debug_str("a\"b")), r#""a\"b""#);
        // Every set of types, against a join of the names.
        for bits in 0..128u8 {
            let types = JsonTypes(bits);
            let names: Vec<&str> = types.iter().map(JsonType::as_str).collect();
            let expected = match names.as_slice() {
                [] => "nothing".to_owned(),
                [one] => (*one).to_owned(),
                [init @ .., last] => format!("{} or {last}", init.join(", ")),
            };
            assert_eq!(types.to_string(), expected);
            assert_eq!(String::from(Text::new(0).types(types)), expected);
        }
    }

    #[test]
    fn echo_escapes_invisible_format_characters() {
        assert_eq!(echo("a\u{202E}b"), "a\\u{202e}b");
        assert_eq!(echo("\u{200B}x\u{2028}"), "\\u{200b}x\\u{2028}");
        assert_eq!(echo("\u{FEFF}"), "\\u{feff}");
        assert_eq!(echo("Zürich"), "Zürich");
    }

    #[test]
    fn echo_cuts_long_values_to_the_limit() {
        let long = "é".repeat(10_000);
        let e = echo(&long);
        assert_eq!(e.chars().count(), ECHO_LIMIT);
        assert!(e.ends_with('…'));
        assert_eq!(echo("short"), "short");
        assert_eq!(echo(&"y".repeat(64)), "y".repeat(64));
    }

    #[test]
    fn echo_takes_short_printable_ascii_as_it_is() {
        for value in [
            "",
            "x",
            "work order",
            &"y".repeat(64),
            "~!@#$%^&*()_+{}|:<>?",
        ] {
            assert_eq!(echo(value), value);
        }
        // One more character, or one control character, takes the general path.
        assert_eq!(echo(&"y".repeat(65)).chars().count(), ECHO_LIMIT);
        assert_eq!(echo("a\u{7f}b"), "a\\u{7f}b");
        let quoted = Violation::deferred(
            Code::Number,
            Form::Quoted(Phrase::NotNumber, false),
            Params::Empty,
        );
        assert_eq!(
            quoted.message(Some("a\tb")),
            "\"a\\tb\" is not a finite decimal number"
        );
    }

    /// The echo as [`echo`]'s contract states it, written plainly: the pieces (a character,
    /// or the escape of one that must be escaped), all of them when they take at most
    /// `ECHO_LIMIT` characters, else the longest run of first pieces that takes at most
    /// `ECHO_LIMIT - 1` characters, then `…`.
    fn echo_by_contract(value: &str) -> String {
        let pieces: Vec<String> = value
            .chars()
            .map(|c| {
                if must_escape(c) {
                    c.escape_default().collect()
                } else {
                    c.to_string()
                }
            })
            .collect();
        let total: usize = pieces.iter().map(|p| p.chars().count()).sum();
        if total <= ECHO_LIMIT {
            return pieces.concat();
        }
        let mut out = String::new();
        let mut width = 0;
        for piece in pieces {
            width += piece.chars().count();
            if width > ECHO_LIMIT - 1 {
                break;
            }
            out.push_str(&piece);
        }
        out.push('…');
        out
    }

    #[test]
    fn an_escape_at_the_cut_never_takes_the_echo_past_the_limit() {
        // The report of a value of 63 characters then U+202E once reached 71 characters.
        let x = |n: usize| "x".repeat(n);
        assert_eq!(echo(&format!("{}\u{202e}", x(63))), format!("{}…", x(63)));
        assert_eq!(echo(&format!("{}\n", x(63))), format!("{}…", x(63)));
        // Eight characters for the escape: 56 more fit exactly, 57 do not.
        assert_eq!(
            echo(&format!("{}\u{202e}", x(56))),
            format!("{}\\u{{202e}}", x(56))
        );
        assert_eq!(echo(&format!("{}\u{202e}", x(57))), format!("{}…", x(57)));
        assert_eq!(
            echo(&format!("{}\u{202e}yz", x(54))),
            format!("{}\\u{{202e}}yz", x(54))
        );
        assert_eq!(
            echo(&format!("{}\u{202e}yz", x(55))),
            format!("{}\\u{{202e}}…", x(55))
        );
        for escape in ["\n", "\u{0}", "\u{85}", "\u{200b}", "\u{202e}", "\u{feff}"] {
            for n in 40..80 {
                for tail in ["", "y", "\t"] {
                    let value = format!("{}{escape}{tail}", x(n));
                    let echoed = echo(&value);
                    assert!(echoed.chars().count() <= ECHO_LIMIT, "{value:?}: {echoed}");
                    let mut boxed = String::from(echo_boxed(&value));
                    assert_eq!(boxed, echoed);
                    boxed.clear();
                    echo_into(&mut boxed, &value);
                    assert_eq!(boxed, echoed);
                }
            }
        }
    }

    #[test]
    fn every_path_of_echo_agrees_with_the_contract() {
        let pieces = ["a", "é", "\n", "\u{0}", "ab", "Ōtaki ", "\u{85}"];
        let mut values = vec![String::new()];
        for n in [1, 2, 62, 63, 64, 65, 66, 130] {
            for piece in pieces {
                values.push(piece.repeat(n));
                values.push(format!("{}{piece}", "x".repeat(n)));
                values.push(format!("{piece}{}", "y".repeat(n)));
            }
        }
        for value in values {
            assert_eq!(echo(&value), echo_by_contract(&value), "{value:?}");
        }
    }

    #[test]
    fn echo_agrees_with_the_contract_on_random_text() {
        // Every character `echo` escapes beyond ASCII, its neighbours, and plain text.
        let pool: Vec<char> =
            "a Z~\u{7f}\u{80}\u{9f}\u{a0}é\u{7ff}\u{800}\u{200a}\u{200b}\u{200f}\u{2010}\
                               \u{2027}\u{2028}\u{202e}\u{202f}\u{205f}\u{2060}\u{2069}\u{206a}\
                               \u{fefe}\u{feff}\u{ff00}\u{ffff}\u{10000}😀\t\n\u{0}"
                .chars()
                .collect();
        let mut rng = crate::test_rng::Rng::new(0xEC40_u64);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..20_000 {
            // Mostly ASCII, so that the eight-byte steps are taken, with a few others.
            let len = next(150);
            let plain = next(4) != 0;
            let value: String = (0..len)
                .map(|_| {
                    if plain && next(20) != 0 {
                        char::from(b' ' + u8::try_from(next(95)).unwrap())
                    } else {
                        pool[next(pool.len())]
                    }
                })
                .collect();
            assert_eq!(echo(&value), echo_by_contract(&value), "{value:?}");
        }
    }

    #[test]
    fn echo_escapes_control_characters_within_the_limit() {
        assert_eq!(echo("a\nb\u{0}"), "a\\nb\\u{0}");
        let e = echo(&"\n".repeat(100));
        assert!(e.chars().count() <= ECHO_LIMIT);
        assert!(!e.contains('\n'));
    }
}

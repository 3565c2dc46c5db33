//! An issue's [`Params`]: the rule's limits and what helps to fix the value, and the
//! [`Allowed`] values of an `enum_values` rule.

use std::borrow::Cow;
use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::text::write_debug_str;
use super::{JsonType, JsonTypes};

/// Texts a parameter holds: a rule's own table, compiled in (free to hold), or texts read
/// back from a report's JSON.
///
/// ```
/// use job_schema::Texts;
/// let statuses = Texts::from_static(&["Quote", "Work Order"]);
/// assert_eq!(statuses.len(), 2);
/// assert_eq!(statuses.get(1), Some("Work Order"));
/// assert_eq!(statuses, Texts::from(vec!["Quote".to_string(), "Work Order".to_string()]));
/// assert_eq!(statuses.iter().collect::<Vec<_>>(), ["Quote", "Work Order"]);
/// ```
#[derive(Clone)]
pub struct Texts(TextsRepr);

#[derive(Clone)]
enum TextsRepr {
    Table(&'static [&'static str]),
    Owned(Box<[Box<str>]>),
}

impl Texts {
    /// A rule's table of texts.
    pub const fn from_static(texts: &'static [&'static str]) -> Texts {
        Texts(TextsRepr::Table(texts))
    }

    /// How many texts there are.
    pub fn len(&self) -> usize {
        match &self.0 {
            TextsRepr::Table(texts) => texts.len(),
            TextsRepr::Owned(texts) => texts.len(),
        }
    }

    /// Whether there is no text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text at `index`.
    pub fn get(&self, index: usize) -> Option<&str> {
        match &self.0 {
            TextsRepr::Table(texts) => texts.get(index).copied(),
            TextsRepr::Owned(texts) => texts.get(index).map(|text| &**text),
        }
    }

    /// The texts, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// The index of `text`, if it is one of the texts.
    pub fn position(&self, text: &str) -> Option<usize> {
        self.iter().position(|t| t == text)
    }
}

impl From<&'static [&'static str]> for Texts {
    fn from(texts: &'static [&'static str]) -> Texts {
        Texts::from_static(texts)
    }
}

impl From<Vec<String>> for Texts {
    fn from(texts: Vec<String>) -> Texts {
        Texts(TextsRepr::Owned(
            texts.into_iter().map(String::into_boxed_str).collect(),
        ))
    }
}

impl PartialEq for Texts {
    /// Equal when they hold the same texts in the same order, however they hold them.
    fn eq(&self, other: &Texts) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Texts {}

impl PartialEq<[&str]> for Texts {
    fn eq(&self, other: &[&str]) -> bool {
        self.iter().eq(other.iter().copied())
    }
}

impl<const N: usize> PartialEq<[&str; N]> for Texts {
    fn eq(&self, other: &[&str; N]) -> bool {
        self == &other[..]
    }
}

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Texts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// The allowed values of an `enum_values` or `bool01` rule, as [`Params::allowed`] reads them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowed<'a> {
    /// String values.
    Strs(&'a Texts),
    /// Integer values.
    Ints(&'a [i64]),
}

impl Serialize for Allowed<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Allowed::Strs(values) => values.serialize(serializer),
            Allowed::Ints(values) => values.serialize(serializer),
        }
    }
}

impl Allowed<'_> {
    /// Whether no value is allowed.
    pub fn is_empty(self) -> bool {
        match self {
            Allowed::Strs(values) => values.is_empty(),
            Allowed::Ints(values) => values.is_empty(),
        }
    }

    /// Writes the values as a message lists them: strings quoted as `Debug` quotes them,
    /// separated by `, `.
    pub(super) fn write_to(self, out: &mut impl fmt::Write) -> fmt::Result {
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

impl fmt::Display for Allowed<'_> {
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
        allowed: Texts,
        /// Where in `allowed` the value close to the one given is, if one is: the suggestion
        /// is always one of the allowed values ([`Params::suggestion`] reads it).
        suggestion_index: Option<u32>,
    },
    /// `enum_values` on an integer, and `bool01`.
    OneOfInts {
        /// The allowed values.
        allowed: Cow<'static, [i64]>,
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
        format: Cow<'static, str>,
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
        note: Cow<'static, str>,
    },
    /// `json_syntax`: where the input breaks.
    Position {
        /// The 1-based line.
        line: usize,
        /// The 1-based column.
        column: usize,
    },
    /// `unknown_field` for a key with a known home (see [`crate::homes`]): where its value
    /// belongs, in order of preference (JSON key `home`).
    Home {
        /// Each place: the wire name of a field of the record, or the path of another
        /// endpoint (it starts with `/`).
        home: Texts,
    },
    /// A rule's parameters and a fix for the value: a rewrite of the same value that the
    /// rule takes (a datetime in ISO-8601 form, a flag written `"yes"`).
    Fix {
        /// The parameters and the fix.
        fix: Box<Fix>,
    },
}

/// The fix of a [`Params::Fix`]: the rule's own parameters, the value to send instead, and
/// what to know before sending it.
///
/// JSON output writes the rule's parameters, then `suggestion`, then `note` when there is
/// one; [`Params`]' accessors read through it (`params.format()` is the rule's format).
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    /// The rule's own parameters ([`Params::Format`], [`Params::Type`]).
    pub params: Params,
    /// The value to send instead, as text (a flag's `1` is `"1"`).
    pub suggestion: Cow<'static, str>,
    /// What to know before sending it, if anything.
    pub note: Option<Cow<'static, str>>,
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
    pub fn allowed(&self) -> Option<Allowed<'_>> {
        match self {
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
        match self {
            Params::Type { expected, .. } => Some(*expected),
            Params::Fix { fix } => fix.params.expected(),
            _ => None,
        }
    }

    /// `type`: the JSON type it was given.
    pub fn given(&self) -> Option<JsonType> {
        match self {
            Params::Type { given, .. } => Some(*given),
            Params::Fix { fix } => fix.params.given(),
            _ => None,
        }
    }

    /// A format the value must follow.
    pub fn format(&self) -> Option<&str> {
        match self {
            Params::Format { format } => Some(format),
            Params::Fix { fix } => fix.params.format(),
            _ => None,
        }
    }

    /// `unknown_field`: where the value of a key that is not a field belongs (see
    /// [`crate::homes`]).
    pub fn home(&self) -> Option<&Texts> {
        match self {
            Params::Home { home } => Some(home),
            _ => None,
        }
    }

    /// This with `suggestion` (and `note`) as the fix of the value: a [`Params::Fix`]
    /// around these parameters.
    #[must_use]
    pub fn with_fix(
        self,
        suggestion: impl Into<Cow<'static, str>>,
        note: Option<&'static str>,
    ) -> Params {
        Params::Fix {
            fix: Box::new(Fix {
                params: self,
                suggestion: suggestion.into(),
                note: note.map(Cow::Borrowed),
            }),
        }
    }

    /// `uuid_list`: the index of the bad element.
    pub fn index(&self) -> Option<usize> {
        match *self {
            Params::Element { index } => Some(index),
            _ => None,
        }
    }

    /// A close, valid alternative (`unknown_field`, `enum_values`), or the value to send
    /// instead ([`Params::Fix`]: `datetime`, `date`, a flag's `type`).
    pub fn suggestion(&self) -> Option<&str> {
        match self {
            Params::OneOf {
                allowed,
                suggestion_index,
            } => suggestion_index.and_then(|i| allowed.get(usize::try_from(i).ok()?)),
            Params::Suggestion { suggestion } => Some(suggestion),
            Params::Fix { fix } => Some(&fix.suggestion),
            _ => None,
        }
    }

    /// `deprecated`: what to use instead; [`Params::Fix`]: what to know before sending the
    /// suggestion.
    pub fn note(&self) -> Option<&str> {
        match self {
            Params::Note { note } => Some(note),
            Params::Fix { fix } => fix.note.as_deref(),
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
        self.serialize_entries(&mut map)?;
        map.end()
    }
}

impl Params {
    /// Writes the parameters' keys and values into `map`.
    fn serialize_entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        match self {
            Params::Empty => {}
            Params::Length { limit, length } => {
                map.serialize_entry("limit", limit)?;
                map.serialize_entry("length", length)?;
            }
            Params::OneOf { allowed, .. } => {
                map.serialize_entry("allowed", allowed)?;
                if let Some(suggestion) = self.suggestion() {
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
            Params::Home { home } => map.serialize_entry("home", home)?,
            Params::Fix { fix } => {
                fix.params.serialize_entries(map)?;
                map.serialize_entry("suggestion", &fix.suggestion)?;
                if let Some(note) = &fix.note {
                    map.serialize_entry("note", note)?;
                }
            }
        }
        Ok(())
    }
}

//! An issue's message: written out when the issue is made, or kept as what it is made of and
//! written from the parameters and echoed value when it is read.
//!
//! A record with errors is often only judged (valid or not) and its messages never read, so
//! the common violations keep a [`Form`] instead of building text.

use std::borrow::Cow;

use super::formats::{DATETIME_FORMAT, DATE_FORMAT, UUID_FORMAT};
use super::{JsonType, Params, Text};

/// Added to the message when strict mode rejects `""` or a zero date that lax mode reads as
/// "unset".
pub(crate) const STRICT_UNSET_HINT: &str = "; in strict mode, leave the field out to unset it";

/// How a `json_syntax` message starts, before the line number.
pub(super) const SYNTAX_LEAD: &str = "malformed JSON at line ";

/// An issue's message.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Message {
    /// Written out.
    Text(Cow<'static, str>),
    /// Written from the parameters and the echoed value when read.
    Form(Form),
    /// Read back from a report with a code this release does not know
    /// ([`super::Code::Unrecognized`]): the code's name as sent, and the message.
    Unrecognized(Box<Unrecognized>),
}

/// What an issue with an unrecognized code keeps: its code's name and its message, as sent.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Unrecognized {
    /// The code's name.
    pub(super) code: Box<str>,
    /// The message.
    pub(super) text: Box<str>,
}

impl Message {
    /// The message of an issue with `params` whose echoed value is `value`.
    pub(super) fn render(&self, params: &Params, value: Option<&str>) -> Cow<'_, str> {
        match self {
            Message::Text(text) => Cow::Borrowed(text),
            Message::Form(form) => Cow::Owned(form.write(params, value)),
            Message::Unrecognized(sent) => Cow::Borrowed(&sent.text),
        }
    }
}

/// The message of a common violation, as what it is made of. `value` below is the issue's
/// echoed value; the other parts come from its [`Params`]. Sixteen bytes, so that an
/// [`super::Issue`] stays small.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Form {
    /// `"value"` followed by the phrase, then, when `true`, the hint that strict mode unsets
    /// a field by leaving it out.
    Quoted(Phrase, bool),
    /// `value does not fit this field's type`.
    Misfit,
    /// `value is not a finite decimal number`, for a number (an infinity: a JSON number too
    /// large for a double, shown as it was written).
    NotFinite,
    /// `type`: the lead, the given type, then (for a field's own type error) the value,
    /// quoted when it is a string.
    Type(Lead),
    /// `enum_values` on text: `"value" is not one of <allowed>`, then the suggestion.
    Enum,
    /// `enum_values` on the integer: `<integer> is not one of <allowed>`.
    EnumInt(i64),
    /// `bool01` on the integer: `<integer> is not 0 or 1`.
    Bool01(i64),
    /// `max_len`: `is <length> characters long; the limit is <limit>`.
    Length,
    /// `range` on the number: `<number> is outside the range <min> to <max>`.
    Range(f64),
    /// `range` on text that is not a number.
    RangeText,
    /// `unknown_field` with a suggestion.
    Unknown,
    /// `json_syntax`: `malformed JSON at line <line>, column <column>: <what>`.
    Syntax(Syntax),
}

/// What is wrong where malformed JSON breaks, in a few words (serde_json's words where it has
/// them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Syntax {
    EofValue,
    EofObject,
    EofList,
    EofString,
    ExpectedColon,
    ExpectedObjectComma,
    ExpectedListComma,
    ExpectedValue,
    ExpectedIdent,
    KeyMustBeAString,
    TrailingComma,
    TrailingCharacters,
    InvalidNumber,
    InvalidEscape,
    LoneSurrogate,
    ControlCharacter,
    InvalidUtf8,
    TooDeep,
}

impl Syntax {
    /// The words.
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            Syntax::EofValue => "EOF while parsing a value",
            Syntax::EofObject => "EOF while parsing an object",
            Syntax::EofList => "EOF while parsing a list",
            Syntax::EofString => "EOF while parsing a string",
            Syntax::ExpectedColon => "expected `:`",
            Syntax::ExpectedObjectComma => "expected `,` or `}`",
            Syntax::ExpectedListComma => "expected `,` or `]`",
            Syntax::ExpectedValue => "expected value",
            Syntax::ExpectedIdent => "expected ident",
            Syntax::KeyMustBeAString => "key must be a string",
            Syntax::TrailingComma => "trailing comma",
            Syntax::TrailingCharacters => "trailing characters",
            Syntax::InvalidNumber => "invalid number",
            Syntax::InvalidEscape => "invalid escape",
            Syntax::LoneSurrogate => "lone surrogate in \\u escape",
            Syntax::ControlCharacter => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            Syntax::InvalidUtf8 => "invalid UTF-8",
            Syntax::TooDeep => "recursion limit exceeded",
        }
    }
}

/// What a quoted value is said not to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Phrase {
    /// A `date` value shaped as a date whose day does not exist.
    UnrealDate,
    /// A `date` or `datetime` value shaped as a datetime that does not exist.
    UnrealDatetime,
    /// A `date` value of another shape.
    NotDate,
    /// A `datetime` value of another shape.
    NotDatetime,
    /// A `uuid` value that is not one.
    NotUuid,
    /// A `number` value that is not one.
    NotNumber,
}

/// How a `type` message starts, before the given type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lead {
    /// `expected <the field's types>, got `.
    Types,
    /// A flag's lax spellings, named in lax mode.
    FlagLax,
    /// A flag in strict mode.
    FlagStrict,
    /// A record that is not an object (the value is not shown).
    Object,
    /// A custom field given something other than a string (the value is not shown).
    Custom,
}

impl Form {
    /// Writes the message.
    fn write(self, params: &Params, echoed: Option<&str>) -> String {
        let value = echoed.unwrap_or_default();
        let text = Text::new(64 + value.len());
        let quoted = |text: Text| text.str("\"").str(value).str("\"");
        let text = match self {
            Form::Quoted(phrase, hint) => {
                let text = phrase.write(quoted(text));
                let text = if hint {
                    text.str(STRICT_UNSET_HINT)
                } else {
                    text
                };
                // A fix of the value: the text to send, quoted, and what to know.
                match params.suggestion() {
                    Some(s) => fix_note(text.str("; did you mean ").debug_str(s).str("?"), params),
                    None => text,
                }
            }
            Form::Misfit => text.str(value).str(" does not fit this field's type"),
            Form::NotFinite => Phrase::NotNumber.write(text.str(value)),
            Form::Type(lead) => {
                let given = params.given();
                let text = match lead {
                    Lead::Types => text
                        .str("expected ")
                        .types(params.expected().unwrap_or_default())
                        .str(", got "),
                    Lead::FlagLax => {
                        text.str("expected 0 or 1 (or true, false, \"0\", \"1\"), got ")
                    }
                    Lead::FlagStrict => text.str("expected the integer 0 or 1, got "),
                    Lead::Object => text.str("expected a JSON object, got "),
                    Lead::Custom => text.str("a custom field holds a string; got "),
                };
                let text = text.str(given.map_or("", |g| g.as_str()));
                // A record or a custom field is named by its type alone.
                let shown = echoed.filter(|_| !matches!(lead, Lead::Object | Lead::Custom));
                let text = match shown {
                    None => text,
                    Some(_) if given == Some(JsonType::String) => quoted(text.str(" ")),
                    Some(value) => text.str(" ").str(value),
                };
                // A fix of a flag: the integer to send, unquoted.
                match params.suggestion() {
                    Some(s) => fix_note(text.str("; did you mean ").str(s).str("?"), params),
                    None => text,
                }
            }
            Form::Enum => {
                let text = one_of(quoted(text), params);
                match params.suggestion() {
                    Some(s) => text.str("; did you mean ").debug_str(s).str("?"),
                    None => text,
                }
            }
            Form::EnumInt(value) => one_of(text.int(value), params),
            Form::Bool01(value) => text.int(value).str(" is not 0 or 1"),
            Form::Length => {
                let length = params.length().unwrap_or_default();
                text.str("is ")
                    .uint(length as u64)
                    .str(if length == 1 {
                        " character"
                    } else {
                        " characters"
                    })
                    .str(" long; the limit is ")
                    .uint(params.limit().unwrap_or_default() as u64)
            }
            // A number beyond a double is shown as it was written (its echo).
            Form::Range(number) if number.is_infinite() && !value.is_empty() => {
                within(text.str(value).str(" is outside the range "), params)
            }
            Form::Range(number) => within(text.float(number).str(" is outside the range "), params),
            Form::RangeText => within(
                quoted(text).str(" is not a number, so it is not within "),
                params,
            ),
            Form::Unknown => text
                .str("is not a field of this record; did you mean `")
                .str(params.suggestion().unwrap_or_default())
                .str("`?"),
            Form::Syntax(what) => text
                .str(SYNTAX_LEAD)
                .uint(params.line().unwrap_or_default() as u64)
                .str(", column ")
                .uint(params.column().unwrap_or_default() as u64)
                .str(": ")
                .str(what.as_str()),
        };
        text.into()
    }
}

impl Phrase {
    /// Appends the phrase.
    fn write(self, text: Text) -> Text {
        match self {
            Phrase::UnrealDate => text.str(" is not a real date"),
            Phrase::UnrealDatetime => text.str(" is not a real date and time"),
            Phrase::NotDate => text
                .str(" is not a date in the form ")
                .str(DATE_FORMAT)
                .str(" or ")
                .str(DATETIME_FORMAT),
            Phrase::NotDatetime => text
                .str(" is not a datetime in the form ")
                .str(DATETIME_FORMAT),
            Phrase::NotUuid => text
                .str(" is not a UUID (")
                .str(UUID_FORMAT)
                .str(", no braces)"),
            Phrase::NotNumber => text.str(" is not a finite decimal number"),
        }
    }
}

/// ` is not one of <allowed>`, or that no value is allowed.
fn one_of(text: Text, params: &Params) -> Text {
    match params.allowed() {
        Some(allowed) if !allowed.is_empty() => text.str(" is not one of ").allowed(allowed),
        _ => text.str(" is not allowed: the field takes no value"),
    }
}

/// ` (<note>)` when a fix has a note.
fn fix_note(text: Text, params: &Params) -> Text {
    match params.note() {
        Some(note) => text.str(" (").str(note).str(")"),
        None => text,
    }
}

/// `<min> to <max>`.
fn within(text: Text, params: &Params) -> Text {
    text.float(params.min().unwrap_or(f64::NAN))
        .str(" to ")
        .float(params.max().unwrap_or(f64::NAN))
}

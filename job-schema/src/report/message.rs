//! An issue's message: written out when the issue is made, or kept as what it is made of and
//! written from the parameters and echoed value when it is read.
//!
//! A record with errors is often only judged (valid or not) and its messages never read, so
//! the common violations keep a [`Form`] instead of building text.

use std::borrow::Cow;

use super::{JsonType, Params, Text};
use crate::rules::STRICT_UNSET_HINT;

/// An issue's message.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Message {
    /// Written out.
    Text(Cow<'static, str>),
    /// Written from the parameters and the echoed value when read.
    Form(Form),
}

impl Message {
    /// The message of an issue with `params` whose echoed value is `value`.
    pub(super) fn render(&self, params: &Params, value: Option<&str>) -> Cow<'_, str> {
        match self {
            Message::Text(text) => Cow::Borrowed(text),
            Message::Form(form) => Cow::Owned(form.write(params, value)),
        }
    }
}

/// The message of a common violation, as what it is made of. `value` below is the issue's
/// echoed value; the other parts come from its [`Params`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Form {
    /// `"value"` followed by the pieces, then, when `true`, the hint that strict mode unsets a
    /// field by leaving it out.
    Quoted(&'static [&'static str], bool),
    /// `value` followed by the text.
    Echoed(&'static str),
    /// `type`: the lead (by default `expected <types>, got `), the given type, then the value
    /// (quoted when it is a string) when there is one.
    Type(Option<&'static str>),
    /// `type`: the lead and the given type, without the value.
    Given(&'static str),
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
}

impl Form {
    /// Writes the message.
    fn write(self, params: &Params, echoed: Option<&str>) -> String {
        let value = echoed.unwrap_or_default();
        let text = Text::new(64 + value.len());
        let quoted = |text: Text| text.str("\"").str(value).str("\"");
        let text = match self {
            Form::Quoted(pieces, hint) => {
                let text = pieces
                    .iter()
                    .fold(quoted(text), |text, piece| text.str(piece));
                if hint {
                    text.str(STRICT_UNSET_HINT)
                } else {
                    text
                }
            }
            Form::Echoed(rest) => text.str(value).str(rest),
            Form::Type(lead) => {
                let given = params.given();
                let text = match lead {
                    Some(lead) => text.str(lead),
                    None => text
                        .str("expected ")
                        .types(params.expected().unwrap_or_default())
                        .str(", got "),
                };
                let text = text.str(given.map_or("", |g| g.as_str()));
                match echoed {
                    None => text,
                    Some(_) if given == Some(JsonType::String) => quoted(text.str(" ")),
                    Some(value) => text.str(" ").str(value),
                }
            }
            Form::Given(lead) => text
                .str(lead)
                .str(params.given().map_or("", |g| g.as_str())),
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
            Form::Range(number) => within(text.float(number).str(" is outside the range "), params),
            Form::RangeText => within(
                quoted(text).str(" is not a number, so it is not within "),
                params,
            ),
            Form::Unknown => text
                .str("is not a field of this record; did you mean `")
                .str(params.suggestion().unwrap_or_default())
                .str("`?"),
        };
        text.into()
    }
}

/// ` is not one of <allowed>`, or that no value is allowed.
fn one_of(text: Text, params: &Params) -> Text {
    match params.allowed() {
        Some(allowed) if !allowed.is_empty() => text.str(" is not one of ").allowed(allowed),
        _ => text.str(" is not allowed: the field takes no value"),
    }
}

/// `<min> to <max>`.
fn within(text: Text, params: &Params) -> Text {
    text.float(params.min().unwrap_or(f64::NAN))
        .str(" to ")
        .float(params.max().unwrap_or(f64::NAN))
}

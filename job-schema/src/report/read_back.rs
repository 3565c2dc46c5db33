//! Reading a report back from its JSON: `Deserialize` for [`Issue`], [`Params`] and
//! [`JsonTypes`] (the derived ones are beside their types), so that a client can turn a
//! server's 400 body into the [`super::Report`] the server wrote.
//!
//! An issue read back keeps its message as the text it was sent with. Its parameters are
//! known by their keys (`{"limit", "length"}` is `max_len`'s, `{"allowed": [..]}` an
//! `enum_values` list, …), whatever the code; keys this release does not know are ignored, so
//! that a report from a later release still reads.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer};

use super::message::{Message, Unrecognized};
use super::{Code, Fix, Issue, JsonType, JsonTypes, Params, Texts};

impl<'de> Deserialize<'de> for JsonTypes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<JsonTypes, D::Error> {
        let types = Vec::<JsonType>::deserialize(deserializer)?;
        Ok(types.into_iter().fold(JsonTypes::NONE, JsonTypes::with))
    }
}

/// An `allowed` list: strings or integers.
#[derive(Deserialize)]
#[serde(untagged)]
enum AllowedList {
    Ints(Vec<i64>),
    Strs(Vec<String>),
}

/// Every key a parameter object may hold.
#[derive(Default, Deserialize)]
#[serde(default)]
struct ParamKeys {
    limit: Option<usize>,
    length: Option<usize>,
    allowed: Option<AllowedList>,
    suggestion: Option<String>,
    min: Option<f64>,
    max: Option<f64>,
    expected: Option<JsonTypes>,
    given: Option<JsonType>,
    format: Option<String>,
    index: Option<usize>,
    note: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    home: Option<Vec<String>>,
}

impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Params, D::Error> {
        let mut keys = ParamKeys::deserialize(deserializer)?;
        // A fix: a format or a type error's types, with the value to send instead.
        let fixes = keys.format.is_some() || (keys.expected.is_some() && keys.given.is_some());
        if fixes && keys.allowed.is_none() {
            if let Some(suggestion) = keys.suggestion.take() {
                let note = keys.note.take().map(Cow::Owned);
                return Ok(Params::Fix {
                    fix: Box::new(Fix {
                        params: params_of::<D::Error>(keys)?,
                        suggestion: Cow::Owned(suggestion),
                        note,
                    }),
                });
            }
        }
        params_of(keys)
    }
}

/// The parameters that `keys` hold, known by which keys are there.
fn params_of<E: serde::de::Error>(keys: ParamKeys) -> Result<Params, E> {
    let params = match keys {
        ParamKeys {
            limit: Some(limit),
            length: Some(length),
            ..
        } => Params::Length { limit, length },
        ParamKeys {
            allowed: Some(AllowedList::Strs(allowed)),
            suggestion,
            ..
        } => {
            let allowed = Texts::from(allowed);
            let suggestion_index = match suggestion {
                Some(suggestion) => Some(
                    allowed
                        .position(&suggestion)
                        .and_then(|i| u32::try_from(i).ok())
                        .ok_or_else(|| {
                            E::custom(format!(
                                "the suggestion {suggestion:?} is not one of the allowed values"
                            ))
                        })?,
                ),
                None => None,
            };
            Params::OneOf {
                allowed,
                suggestion_index,
            }
        }
        ParamKeys {
            allowed: Some(AllowedList::Ints(allowed)),
            ..
        } => Params::OneOfInts {
            allowed: Cow::Owned(allowed),
        },
        ParamKeys {
            min: Some(min),
            max: Some(max),
            ..
        } => Params::Range { min, max },
        ParamKeys {
            expected: Some(expected),
            given: Some(given),
            ..
        } => Params::Type { expected, given },
        ParamKeys {
            format: Some(format),
            ..
        } => Params::Format {
            format: Cow::Owned(format),
        },
        ParamKeys {
            index: Some(index), ..
        } => Params::Element { index },
        ParamKeys {
            suggestion: Some(suggestion),
            ..
        } => Params::Suggestion {
            suggestion: Cow::Owned(suggestion),
        },
        ParamKeys {
            note: Some(note), ..
        } => Params::Note {
            note: Cow::Owned(note),
        },
        ParamKeys {
            line: Some(line),
            column: Some(column),
            ..
        } => Params::Position { line, column },
        ParamKeys {
            home: Some(home), ..
        } => Params::Home {
            home: Texts::from(home),
        },
        _ => Params::Empty,
    };
    Ok(params)
}

/// An issue as its JSON holds it.
#[derive(Deserialize)]
struct IssueKeys {
    field: String,
    pointer: String,
    code: String,
    message: String,
    #[serde(default)]
    params: Params,
    #[serde(default)]
    value: Option<String>,
}

impl<'de> Deserialize<'de> for Issue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Issue, D::Error> {
        let keys = IssueKeys::deserialize(deserializer)?;
        // A code this release does not know (codes are added, never renamed) keeps its name
        // beside the message, so that the issue writes it back as it was read.
        let (code, message) = match Code::from_name(&keys.code) {
            Some(code) => (code, Message::Text(Cow::Owned(keys.message))),
            None => (
                Code::Unrecognized,
                Message::Unrecognized(Box::new(Unrecognized {
                    code: keys.code.into_boxed_str(),
                    text: keys.message.into_boxed_str(),
                })),
            ),
        };
        Ok(Issue {
            field: Cow::Owned(keys.field),
            pointer: Cow::Owned(keys.pointer),
            code,
            params: keys.params,
            value: keys.value.map(String::into_boxed_str),
            message,
        })
    }
}

//! `uuid_list`: a string holding a JSON array of UUIDs, such as `"[\"…\",\"…\"]"`.
//!
//! Accepted: text that is one JSON array (whitespace around and between tokens allowed, as
//! JSON allows it) whose elements are all strings that pass [`uuid::is_uuid`]; `"[]"` is the
//! empty list, and in lax mode so is `""`. Rejected as a whole, with one violation and no
//! index: text that is not JSON, JSON that is not an array (an object, a string, a number),
//! and an array followed by anything but whitespace; `""` in strict mode. Rejected element
//! by element, one violation per element naming its index: a string that is not a UUID
//! (`""` included) and any element that is not a string (a number, `null`, a boolean, an
//! array, an object). A raw JSON array given where the string belongs is rejected too (see
//! [`raw_array`]): the live API answers it with a 400.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer as _, IgnoredAny, SeqAccess, Visitor};

use crate::options::Mode;
use crate::report::{Code, JsonType, JsonTypes, Params, Text, Violation};
use crate::rules::uuid;

/// The message of a value that is not a list at all.
const NOT_A_LIST: &str =
    r#"must be a JSON array of UUIDs encoded in a string, such as "[\"<uuid>\", \"<uuid>\"]""#;

/// The message of a value that does not even start as an array (names, a comma-separated
/// list): what the value must look like.
const NOT_AN_ARRAY: &str = r#"is not a JSON array: the list must be a JSON array of UUIDs encoded in a string, such as "[\"<uuid>\", \"<uuid>\"]", not names or a comma-separated list"#;

/// The `format` parameter of a value that is not a list: what the text of the string holds.
pub const LIST_FORMAT: &str = r#"["<uuid>", "<uuid>"]"#;

/// The violation of a value that is not a list, with `message`.
fn not_a_list(message: &'static str) -> Violation {
    Violation::new(Code::UuidList, message).with_params(Params::Format {
        format: Cow::Borrowed(LIST_FORMAT),
    })
}

/// The violation for a raw JSON array sent where the string that encodes it belongs, in
/// every mode.
///
/// ```
/// use job_schema::rules::uuid_list;
/// assert_eq!(uuid_list::raw_array().code, job_schema::Code::UuidList);
/// ```
pub fn raw_array() -> Violation {
    Violation::new(
        Code::UuidList,
        format!("got a raw JSON array; the list {NOT_A_LIST}"),
    )
    .with_params(Params::Type {
        expected: JsonTypes::one(JsonType::String),
        given: JsonType::Array,
    })
}

/// Checks that `value` holds a JSON array of UUIDs, calling `on_error` once per problem:
/// with `None` when `value` is not such an array at all (then only once), with
/// `Some(index)` for each bad element (in order).
///
/// Nothing is called and nothing allocated for a good list. However many bad elements a
/// list holds, no more than about a thousand violations are held at once: beyond them the
/// list is read a second time and the rest are passed as they are found.
///
/// ```
/// use job_schema::rules::uuid_list;
/// use job_schema::{Code, Mode};
/// let mut errors = Vec::new();
/// uuid_list::check(r#"["5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17"]"#, Mode::Strict, |i, v| {
///     errors.push((i, v.code));
/// });
/// assert!(errors.is_empty());
/// uuid_list::check(r#"["5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17", "x"]"#, Mode::Lax, |i, v| {
///     errors.push((i, v.code));
/// });
/// assert_eq!(errors, [(Some(1), Code::UuidList)]);
/// ```
pub fn check(value: &str, mode: Mode, mut on_error: impl FnMut(Option<usize>, Violation)) {
    let beyond = check_within(value, mode, GATHER, &mut on_error);
    if beyond > 0 {
        // The text is an array (its bad elements were counted): the others are read again
        // and passed on as they come.
        let mut de = serde_json::Deserializer::from_str(value);
        let _ = de.deserialize_seq(RestVisitor {
            skip: GATHER,
            on_error: &mut on_error,
        });
    }
}

/// [`check`] for a caller with room for at most `room` problems: passes the first `room`
/// of them to `on_error`, in the same order, and returns how many more it found (the
/// violations of those are never built).
///
/// The list is read once, holding at most `room` violations; a bad element is counted
/// exactly, even when `room` is zero, since whether the text is an array at all (one
/// problem) or an array with bad elements (one per element) is known only at its end.
///
/// ```
/// use job_schema::rules::uuid_list;
/// use job_schema::Mode;
/// let list = format!("[{}]", vec!["1"; 5_000].join(","));
/// let mut indices = Vec::new();
/// let beyond = uuid_list::check_within(&list, Mode::Lax, 3, |i, _| indices.push(i));
/// assert_eq!(indices, [Some(0), Some(1), Some(2)]);
/// assert_eq!(beyond, 4_997);
/// assert_eq!(uuid_list::check_within("[1", Mode::Lax, 0, |_, _| unreachable!()), 1);
/// ```
pub fn check_within(
    value: &str,
    mode: Mode,
    room: usize,
    mut on_error: impl FnMut(Option<usize>, Violation),
) -> usize {
    let mut report = |violation: fn() -> Violation| {
        if room == 0 {
            1
        } else {
            on_error(None, violation());
            0
        }
    };
    if value.is_empty() {
        if mode == Mode::Strict {
            return report(|| {
                Violation::new(
                    Code::UuidList,
                    format!(r#"{NOT_A_LIST}; in strict mode the empty list is "[]""#),
                )
            });
        }
        return 0;
    }
    if plainly_good(value) {
        return 0;
    }
    // The bad elements are reported once the whole text has turned out to be an array: a
    // list that is malformed near its end draws one error, not element errors followed by it.
    match scan(value, room) {
        // Text that does not even open an array is told what a list looks like.
        Err(_) if !value.trim_start_matches(JSON_WHITESPACE).starts_with('[') => {
            report(|| not_a_list(NOT_AN_ARRAY))
        }
        Err(_) => report(|| not_a_list(NOT_A_LIST)),
        Ok((bad, beyond)) => {
            for (index, violation) in bad {
                on_error(Some(index), violation);
            }
            beyond
        }
    }
}

/// JSON's whitespace.
const JSON_WHITESPACE: [char; 4] = [' ', '\t', '\n', '\r'];

/// How many violations [`check`] gathers before it reads a list a second time.
const GATHER: usize = 1_024;

/// Whether `value` is a good list written plainly: `[`, then UUID strings without escapes
/// separated by commas, then `]`, with JSON whitespace around any token. Most lists are
/// written so and are settled here without serde; `false` means only that the full reading
/// must decide.
fn plainly_good(value: &str) -> bool {
    let bytes = value.as_bytes();
    let skip = |mut at: usize| {
        while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            at += 1;
        }
        at
    };
    let mut at = skip(0);
    if bytes.get(at) != Some(&b'[') {
        return false;
    }
    at = skip(at + 1);
    if bytes.get(at) == Some(&b']') {
        return skip(at + 1) == bytes.len();
    }
    loop {
        // `"`, 36 bytes that pass as a UUID, `"`.
        let quoted = bytes.get(at) == Some(&b'"') && bytes.get(at + 37) == Some(&b'"');
        if !quoted || !value.get(at + 1..at + 37).is_some_and(uuid::is_uuid) {
            return false;
        }
        at = skip(at + 38);
        match bytes.get(at) {
            Some(b',') => at = skip(at + 1),
            Some(b']') => return skip(at + 1) == bytes.len(),
            _ => return false,
        }
    }
}

/// The first bad elements of a list (each one's index and violation), and how many more
/// there are.
type Bad = (Vec<(usize, Violation)>, usize);

/// Reads `value` as one JSON array, returning its first `keep` bad elements and the count of
/// the others (nothing allocated when there is none).
fn scan(value: &str, keep: usize) -> Result<Bad, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(value);
    let bad = de.deserialize_seq(ListVisitor { keep })?;
    de.end()?;
    Ok(bad)
}

/// Visits the array, gathering its first `keep` bad elements and counting the others.
struct ListVisitor {
    keep: usize,
}

impl<'de> Visitor<'de> for ListVisitor {
    type Value = Bad;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array of UUID strings")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bad, A::Error> {
        let mut bad = Vec::new();
        let mut beyond = 0;
        let mut index = 0;
        while let Some(element) = seq.next_element_seed(ElementSeed)? {
            if !matches!(element, Element::Uuid) {
                if bad.len() < self.keep {
                    bad.push((index, element_violation(index, &element)));
                } else {
                    beyond += 1;
                }
            }
            index += 1;
        }
        Ok((bad, beyond))
    }
}

/// Visits an array known to be a list, passing on its bad elements after the first `skip`.
struct RestVisitor<'f, F> {
    skip: usize,
    on_error: &'f mut F,
}

impl<'de, F: FnMut(Option<usize>, Violation)> Visitor<'de> for RestVisitor<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array of UUID strings")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut bad = 0;
        let mut index = 0;
        while let Some(element) = seq.next_element_seed(ElementSeed)? {
            if !matches!(element, Element::Uuid) {
                if bad >= self.skip {
                    (self.on_error)(Some(index), element_violation(index, &element));
                }
                bad += 1;
            }
            index += 1;
        }
        Ok(())
    }
}

/// The violation of the bad element at `index`.
fn element_violation(index: usize, element: &Element<'_>) -> Violation {
    let message = Text::new(48).str("element ").uint(index as u64);
    let message = match element {
        Element::Text(text) => message.str(", ").quoted(text).str(", is not a UUID"),
        Element::Other(kind) => message.str(" is ").str(kind).str(", not a UUID string"),
        Element::Uuid => message.str(" is a UUID"),
    };
    Violation::new(Code::UuidList, message).with_params(Params::Element { index })
}

/// What one element of the array is.
enum Element<'de> {
    /// A string holding a UUID.
    Uuid,
    /// A string that is not a UUID (owned only when it held escapes).
    Text(Cow<'de, str>),
    /// Not a string: "a number", "null", …
    Other(&'static str),
}

/// Reads one element of any JSON type.
struct ElementSeed;

impl<'de> DeserializeSeed<'de> for ElementSeed {
    type Value = Element<'de>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(ElementVisitor)
    }
}

/// Classifies one element of any JSON type.
struct ElementVisitor;

impl<'de> Visitor<'de> for ElementVisitor {
    type Value = Element<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(if uuid::is_uuid(v) {
            Element::Uuid
        } else {
            Element::Text(Cow::Borrowed(v))
        })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(if uuid::is_uuid(v) {
            Element::Uuid
        } else {
            Element::Text(Cow::Owned(v.to_owned()))
        })
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(if uuid::is_uuid(&v) {
            Element::Uuid
        } else {
            Element::Text(Cow::Owned(v))
        })
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Element::Other("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Element::Other("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Element::Other("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Element::Other("a number"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Element::Other("null"))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Element::Other("null"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Element::Other("an array"))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Element::Other("an object"))
    }
}

#[cfg(test)]
mod tests;

//! serde's `Deserialize` for a record that opts in with `#[schema(deserialize)]`: the
//! convenient door into the collecting reader, for code that reads records through serde
//! (`serde_json::from_str`, `serde_json::from_value`, a `Vec` of records, a field of another
//! serde type, any other serde format).
//!
//! [`deserialize`] captures the value the deserializer holds as a small JSON tree, writes the
//! tree as JSON and reads those bytes with [`Schema::from_json`] (lax mode, create
//! direction). A body with errors fails with `D::Error::custom(report)`, whose message is the
//! report's text, one `field: message` line per issue; the record's warnings are dropped.
//! [`Schema::from_json`] stays the fast and complete door: one pass over the bytes with no
//! tree in between, the warnings kept, a report to serialize, and [`crate::Options`].
//!
//! What the tree keeps and what it cannot:
//!
//! - An object is a list of entries, not a map: key order and repeated keys reach the
//!   reader, which reports a repeated key as `duplicate_field` and orders unknown keys as
//!   they came.
//! - Arrays and objects nest at most [`MAX_DEPTH`] deep, as the reader takes them; a
//!   deeper value is an error that says so, found while capturing, so that no input (however
//!   deep, from whatever format) costs more stack than that. An `Option` or newtype wrapper
//!   that a format hands over (RON's `Some(…)`, say) counts as a level too.
//! - Numbers are what the format gives serde: integers (up to 128 bits) are written
//!   exactly, finite floats in the shortest form that reads back as the same double. An
//!   infinite float, which only a format other than JSON can hold, is written `1e999` (or
//!   `-1e999`), which the reader reads as an infinity and judges as it judges `1e400`; NaN,
//!   which no JSON number is, is an error. Where serde_json reads a number otherwise than
//!   [`Schema::from_json`], this door follows serde_json, since the number reaches it only as
//!   serde_json gives it:
//!   - serde_json refuses a number beyond a double (`1e400`) with its own error ("number out
//!     of range"), before any field sees it; [`Schema::from_json`] reads it as an infinity
//!     and judges it in its field (a `number` error in `lat`), with the rest of the report.
//!   - serde_json hands `-0` over as the float `-0.0`, which it cannot tell from `-0.0`
//!     written out; [`Schema::from_json`] reads `-0` as the integer 0. So `"active": -0`
//!     is 0 to [`Schema::from_json`] and a `type` error here, as `"active": -0.0` is in
//!     both; in a field that takes any number the two read the same value.
//! - A map key must be a string, as a JSON object's keys are; bytes and enums have no JSON
//!   form and are errors too.

use std::fmt;
use std::io::Write as _;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::reader::MAX_DEPTH;
use crate::Schema;

/// Reads a record of type `S` through serde: the body `deserializer` holds, read by the
/// collecting reader in lax mode, create direction. The generated `Deserialize` of a struct
/// with `#[schema(deserialize)]` calls it.
pub fn deserialize<'de, S: Schema, D: Deserializer<'de>>(deserializer: D) -> Result<S, D::Error> {
    let tree = Capture { depth: 0 }.deserialize(deserializer)?;
    let mut json = Vec::new();
    tree.write(&mut json).map_err(de::Error::custom)?;
    match S::from_json(&json) {
        Ok(parsed) => Ok(parsed.record),
        Err(report) => Err(de::Error::custom(report)),
    }
}

/// A JSON value as serde handed it over.
#[derive(Debug)]
enum Tree {
    Null,
    Bool(bool),
    /// An integer a format gave as signed (`visit_i64`, `visit_i128`).
    Int(i128),
    /// An integer a format gave as unsigned (`visit_u64`, `visit_u128`).
    Uint(u128),
    /// Never NaN; an infinity only from a format other than JSON.
    Float(f64),
    String(String),
    Array(Vec<Tree>),
    /// The entries in input order, repeated keys included.
    Object(Vec<(String, Tree)>),
}

impl Tree {
    /// Writes the value as JSON. Recursion is bounded by the capture's depth.
    fn write(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        match self {
            Tree::Null => out.extend_from_slice(b"null"),
            Tree::Bool(true) => out.extend_from_slice(b"true"),
            Tree::Bool(false) => out.extend_from_slice(b"false"),
            Tree::Int(n) => write!(out, "{n}").map_err(serde_json::Error::io)?,
            Tree::Uint(n) => write!(out, "{n}").map_err(serde_json::Error::io)?,
            Tree::Float(f) if f.is_infinite() => {
                out.extend_from_slice(if *f > 0.0 { b"1e999" } else { b"-1e999" });
            }
            // serde_json writes a finite double in its shortest form that reads back as it.
            Tree::Float(f) => serde_json::to_writer(&mut *out, f)?,
            Tree::String(s) => serde_json::to_writer(&mut *out, s)?,
            Tree::Array(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    item.write(out)?;
                }
                out.push(b']');
            }
            Tree::Object(entries) => {
                out.push(b'{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    serde_json::to_writer(&mut *out, key)?;
                    out.push(b':');
                    value.write(out)?;
                }
                out.push(b'}');
            }
        }
        Ok(())
    }
}

/// Captures one value into a [`Tree`]; `depth` is the number of arrays, objects and
/// wrappers around it.
#[derive(Clone, Copy)]
struct Capture {
    depth: usize,
}

impl Capture {
    /// The capture of a value one level down, or an error past [`MAX_DEPTH`].
    fn enter<E: de::Error>(self) -> Result<Capture, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(format_args!(
                "arrays and objects nest more than {MAX_DEPTH} deep, deeper than job-schema reads"
            )));
        }
        Ok(Capture {
            depth: self.depth + 1,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Capture {
    type Value = Tree;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tree, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Capture {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value (null, a boolean, a number, a string, an array or an object)")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree::Int(v.into()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Tree, E> {
        Ok(Tree::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Tree, E> {
        Ok(Tree::Uint(v.into()))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Tree, E> {
        Ok(Tree::Uint(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Tree, E> {
        if v.is_nan() {
            return Err(E::custom("NaN is not a number JSON can hold"));
        }
        Ok(Tree::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Tree, E> {
        Ok(Tree::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tree, D::Error> {
        self.enter()?.deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tree, D::Error> {
        self.enter()?.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let inner = self.enter()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Tree::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let inner = self.enter()?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key_seed(Key)? {
            let value = map.next_value_seed(inner)?;
            entries.push((key, value));
        }
        Ok(Tree::Object(entries))
    }
}

/// Captures a map key, which must be a string.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Visitor<'_> for Key {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string map key, as the keys of a JSON object are")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use serde::de::value::{
        BytesDeserializer, Error, F64Deserializer, I128Deserializer, MapDeserializer,
        StrDeserializer, U128Deserializer,
    };

    use super::*;

    fn capture<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Tree, D::Error> {
        Capture { depth: 0 }.deserialize(deserializer)
    }

    fn json(tree: &Tree) -> String {
        let mut out = Vec::new();
        tree.write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// A value nested `levels` deep, in arrays or in `Some`, handed over one level at a
    /// time without recursion of its own: a stack overflow here would be the capture's.
    struct Deep {
        levels: usize,
        some: bool,
    }

    impl<'de> Deserializer<'de> for Deep {
        type Error = Error;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let inner = self.levels.checked_sub(1).map(|levels| Deep {
                levels,
                some: self.some,
            });
            match inner {
                None => visitor.visit_unit(),
                Some(inner) if self.some => visitor.visit_some(inner),
                Some(inner) => visitor.visit_seq(DeepSeq(Some(inner))),
            }
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
            identifier ignored_any
        }
    }

    /// The one element of an array of [`Deep`].
    struct DeepSeq(Option<Deep>);

    impl<'de> SeqAccess<'de> for DeepSeq {
        type Error = Error;

        fn next_element_seed<T: DeserializeSeed<'de>>(
            &mut self,
            seed: T,
        ) -> Result<Option<T::Value>, Error> {
            self.0.take().map(|deep| seed.deserialize(deep)).transpose()
        }
    }

    const TOO_DEEP: &str =
        "arrays and objects nest more than 128 deep, deeper than job-schema reads";

    #[test]
    fn depth_is_bounded_as_the_reader_bounds_it() {
        // MAX_DEPTH arrays are taken, as the reader takes them; one more is an error, found
        // at that level however deep the input goes.
        let tree = capture(Deep {
            levels: MAX_DEPTH,
            some: false,
        })
        .unwrap();
        let written = json(&tree);
        assert_eq!(
            written,
            format!("{}null{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH))
        );
        for levels in [MAX_DEPTH + 1, 1_000_000] {
            let error = capture(Deep {
                levels,
                some: false,
            })
            .unwrap_err();
            assert_eq!(error.to_string(), TOO_DEEP);
        }
    }

    #[test]
    fn wrappers_count_as_levels() {
        // `Some(Some(…))` writes as its value, but recursion through it is bounded too.
        assert_eq!(
            json(
                &capture(Deep {
                    levels: 3,
                    some: true
                })
                .unwrap()
            ),
            "null"
        );
        assert!(capture(Deep {
            levels: MAX_DEPTH,
            some: true
        })
        .is_ok());
        let error = capture(Deep {
            levels: 1_000_000,
            some: true,
        })
        .unwrap_err();
        assert_eq!(error.to_string(), TOO_DEEP);
    }

    #[test]
    fn objects_keep_key_order_and_repeated_keys() {
        let entries = vec![("b", 1_u64), ("a", 2), ("b", 3)];
        let tree = capture(MapDeserializer::<_, Error>::new(entries.into_iter())).unwrap();
        assert_eq!(json(&tree), r#"{"b":1,"a":2,"b":3}"#);
    }

    #[test]
    fn strings_are_escaped() {
        let text = "a\"b\\c\n\u{1}é";
        let written = json(&capture(StrDeserializer::<Error>::new(text)).unwrap());
        assert_eq!(written, r#""a\"b\\c\n\u0001é""#);
        assert_eq!(serde_json::from_str::<String>(&written).unwrap(), text);
    }

    #[test]
    fn numbers_are_written_exactly() {
        let int = |v: i128| json(&capture(I128Deserializer::<Error>::new(v)).unwrap());
        assert_eq!(int(-7), "-7");
        assert_eq!(int(i128::MIN), i128::MIN.to_string());
        let uint = json(&capture(U128Deserializer::<Error>::new(u128::MAX)).unwrap());
        assert_eq!(uint, u128::MAX.to_string());
        for f in [0.1, -0.0, 1.0, 1e300, 5e-324, f64::MAX, -27.4698, 1.0 / 3.0] {
            let written = json(&capture(F64Deserializer::<Error>::new(f)).unwrap());
            assert_eq!(
                written.parse::<f64>().unwrap().to_bits(),
                f.to_bits(),
                "{written}"
            );
        }
    }

    #[test]
    fn infinities_are_written_beyond_a_double_and_nan_is_an_error() {
        let float = |f: f64| capture(F64Deserializer::<Error>::new(f));
        assert_eq!(json(&float(f64::INFINITY).unwrap()), "1e999");
        assert_eq!(json(&float(f64::NEG_INFINITY).unwrap()), "-1e999");
        assert_eq!(
            float(f64::NAN).unwrap_err().to_string(),
            "NaN is not a number JSON can hold"
        );
    }

    #[test]
    fn map_keys_must_be_strings() {
        let entries = vec![(7_u64, "x")];
        let error = capture(MapDeserializer::<_, Error>::new(entries.into_iter())).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: integer `7`, expected a string map key, as the keys of a JSON object are"
        );
    }

    #[test]
    fn bytes_have_no_json_form() {
        let error = capture(BytesDeserializer::<Error>::new(b"ab")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: byte array, expected a JSON value (null, a boolean, a number, a string, an array or an object)"
        );
    }
}

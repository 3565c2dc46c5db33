//! The check-only reader: one pass over a body with the scanner, no record, no serde.
//!
//! `check_json` needs a verdict and a report, not a record, so the per-field slots, the
//! visitor calls and the seeds of the building reader are all overhead for it. This loop
//! reads keys and values straight from the [`Scanner`] and hands each value to the same
//! functions the building reader's visitors call ([`take_scalar`], [`take_null`],
//! [`take_array`], [`type_error`], [`custom_wrong`]), which run the derive-generated rule
//! calls; so the rules, the type judgement and the messages exist once, and the two readers
//! differ only in how they walk the JSON.
//!
//! It gives up ([`Bail`]) where the building reader is the one to ask: a schema with a nested
//! struct or more than 128 fields, a root that is not an object, and whatever the scanner
//! gives up on (malformed JSON included). The caller then reads the body the other way.

use std::borrow::Cow;
use std::marker::PhantomData;

use super::scan::{Bail, Scanner};
use super::{
    custom_null, custom_wrong, duplicate, given_type, is_custom_key, take_array, take_null,
    take_scalar, type_error, unknown, ExtraKeys,
};
use crate::path::Path;
use crate::report::JsonType;
use crate::sink::{FieldOrder, Sink};
use crate::spec::{FieldClass, FieldSpec, Rule, Shape};
use crate::value::Scalar;
use crate::Schema;

/// What the loop needs to know of a struct's table, computed once at compile time.
struct Layout<S>(PhantomData<S>);

impl<S: Schema> Layout<S> {
    /// Whether this loop can read the struct: at most 128 fields, none of them nested.
    const FITS: bool = S::FIELDS.len() <= 128 && !any_nested(S::FIELDS);
    /// The fields whose class draws a warning when present.
    const NOTICED: u128 = noticed(S::FIELDS);
    /// The required fields.
    const REQUIRED: u128 = required(S::FIELDS);
}

const fn any_nested(fields: &[FieldSpec]) -> bool {
    let mut i = 0;
    while i < fields.len() {
        if matches!(fields[i].shape, Shape::Nested) {
            return true;
        }
        i += 1;
    }
    false
}

const fn noticed(fields: &[FieldSpec]) -> u128 {
    let mut mask = 0;
    let mut i = 0;
    while i < fields.len() && i < 128 {
        if !matches!(fields[i].class, FieldClass::Writable) {
            mask |= 1 << i;
        }
        i += 1;
    }
    mask
}

const fn required(fields: &[FieldSpec]) -> u128 {
    let mut mask = 0;
    let mut i = 0;
    while i < fields.len() && i < 128 {
        let rules = fields[i].rules;
        let mut r = 0;
        while r < rules.len() {
            if matches!(rules[r], Rule::Required) {
                mask |= 1 << i;
            }
            r += 1;
        }
        i += 1;
    }
    mask
}

/// Checks the body of `scanner` as one record of `S` at `path`.
pub(crate) fn check_root<S: Schema>(
    scanner: &mut Scanner<'_>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) -> Result<(), Bail> {
    if !Layout::<S>::FITS || scanner.peek() != Some(b'{') {
        return Err(Bail);
    }
    check_object::<S>(scanner, path, sink)?;
    scanner.end()
}

/// Checks the object at the scanner's position (at its `{`) as a record of `S`, with the
/// same issues, in the same order, as the building reader's generated `__read_map`.
fn check_object<'de, S: Schema>(
    scanner: &mut Scanner<'de>,
    parent: &Path<'_>,
    sink: &mut Sink<'_>,
) -> Result<(), Bail> {
    let fields = S::FIELDS;
    let extra_place = u32::try_from(fields.len()).unwrap_or(u32::MAX);
    scanner.enter()?;
    let mut order = FieldOrder::new(sink);
    let mut seen: u128 = 0;
    let mut extra_keys: ExtraKeys<'de> = ExtraKeys::default();
    let mut first = true;
    while scanner.next_key(&mut first)? {
        let mark = sink.mark();
        // A plain key that names a field is matched in the input, without scanning it.
        let known = match S::__field_at(scanner.rest()) {
            Some((index, len)) => {
                scanner.advance(len + 1);
                Some(index)
            }
            None => None,
        };
        let place = if let Some(index) = known {
            check_field::<S>(scanner, index, &mut seen, parent, sink)?
        } else {
            let key = scanner.string()?;
            if let Some(index) = S::__field_index(key.as_str()) {
                check_field::<S>(scanner, index, &mut seen, parent, sink)?
            } else {
                let name: Cow<'de, str> = key.into_cow();
                scanner.expect(b':')?;
                let path = parent.key(&name);
                if !extra_keys.first_time(&name) {
                    duplicate(&path, sink);
                    scanner.skip_value()?;
                } else if S::CUSTOM_PREFIX.is_some_and(|prefix| is_custom_key(prefix, &name)) {
                    check_custom(scanner, &path, sink)?;
                } else {
                    unknown(&name, fields, parent, sink);
                    scanner.skip_value()?;
                }
                extra_place
            }
        };
        order.close(place, mark, sink);
    }
    let mut noticed = seen & Layout::<S>::NOTICED;
    while noticed != 0 {
        let index = noticed.trailing_zeros() as usize;
        noticed &= noticed - 1;
        let mark = sink.mark();
        let path = parent.field_of(&fields[index]);
        sink.presence(&fields[index], &path);
        order.close_leading(u32::try_from(index).unwrap_or(u32::MAX), mark, sink);
    }
    let mut missing = Layout::<S>::REQUIRED & !seen;
    while missing != 0 {
        let index = missing.trailing_zeros() as usize;
        missing &= missing - 1;
        let mark = sink.mark();
        let path = parent.field_of(&fields[index]);
        S::__check_field(index, None, &path, sink);
        order.close(u32::try_from(index).unwrap_or(u32::MAX), mark, sink);
    }
    Ok(())
}

/// Checks the entry of field `index` of `S` once its key is read: the `:`, then the value (or,
/// for a repeated key, the `duplicate_field` error). Returns the field's place in the order.
#[inline]
fn check_field<S: Schema>(
    scanner: &mut Scanner<'_>,
    index: usize,
    seen: &mut u128,
    parent: &Path<'_>,
    sink: &mut Sink<'_>,
) -> Result<u32, Bail> {
    scanner.expect(b':')?;
    let spec = &S::FIELDS[index];
    let path = parent.field_of(spec);
    let bit = 1u128 << index;
    if *seen & bit == 0 {
        *seen |= bit;
        check_value::<S>(scanner, index, &path, sink)?;
    } else {
        duplicate(&path, sink);
        scanner.skip_value()?;
    }
    Ok(u32::try_from(index).unwrap_or(u32::MAX))
}

/// Checks the value at the scanner's position as field `index` of `S`.
#[inline]
fn check_value<S: Schema>(
    scanner: &mut Scanner<'_>,
    index: usize,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) -> Result<(), Bail> {
    match scanner.peek().ok_or(Bail)? {
        b'"' => {
            let text = scanner.quoted()?;
            take_scalar::<S>(index, Scalar::Str(text.as_str()), path, sink);
        }
        b'-' | b'0'..=b'9' => {
            let number = scanner.number_scalar()?;
            take_scalar::<S>(index, number, path, sink);
        }
        b't' => {
            scanner.literal(b"true")?;
            take_scalar::<S>(index, Scalar::Bool(true), path, sink);
        }
        b'f' => {
            scanner.literal(b"false")?;
            take_scalar::<S>(index, Scalar::Bool(false), path, sink);
        }
        b'n' => {
            scanner.literal(b"null")?;
            take_null::<S>(index, path, sink);
        }
        b'[' => {
            scanner.skip_value()?;
            take_array::<S>(index, path, sink);
        }
        b'{' => {
            // No field is nested here (see `Layout::FITS`): an object is the wrong type.
            scanner.skip_value()?;
            type_error(&S::FIELDS[index], JsonType::Object, None, path, sink);
        }
        _ => return Err(Bail),
    }
    Ok(())
}

/// Checks the value of a custom field: a string, or (lax) `null`.
fn check_custom(
    scanner: &mut Scanner<'_>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) -> Result<(), Bail> {
    let scalar = match scanner.peek().ok_or(Bail)? {
        b'"' => return scanner.skip_value(),
        b'-' | b'0'..=b'9' => scanner.number_scalar()?,
        b't' => {
            scanner.literal(b"true")?;
            Scalar::Bool(true)
        }
        b'f' => {
            scanner.literal(b"false")?;
            Scalar::Bool(false)
        }
        b'n' => {
            scanner.literal(b"null")?;
            custom_null(path, sink);
            return Ok(());
        }
        b'[' => {
            scanner.skip_value()?;
            custom_wrong(JsonType::Array, None, path, sink);
            return Ok(());
        }
        b'{' => {
            scanner.skip_value()?;
            custom_wrong(JsonType::Object, None, path, sink);
            return Ok(());
        }
        _ => return Err(Bail),
    };
    custom_wrong(given_type(scalar), Some(&scalar.to_text()), path, sink);
    Ok(())
}

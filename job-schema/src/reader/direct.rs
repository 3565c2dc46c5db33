//! The direct reader: one pass over a body with the scanner, no serde in between.
//!
//! It reads keys and values straight from the [`Scanner`] and hands each value to the same
//! functions the serde visitors call ([`take_scalar`], [`take_null`], [`take_array`],
//! [`type_error`], [`custom_wrong`]), which run the derive-generated rule calls; a record
//! being built takes each checked value through the generated `__set`, which builds it with
//! the visitors' own `build_value`. So the rules, the type judgement, the messages and the
//! building exist once, and the two readers differ only in how they walk the JSON.
//! `check_json` builds nothing at all: no record, no field slots, no copies of strings that
//! hold no escapes.
//!
//! It gives up ([`Bail`]) where the building reader is the one to ask: a schema with a nested
//! struct or more than 128 fields, a root that is not an object, and whatever the scanner
//! gives up on (malformed JSON included). The caller then reads the body the other way.

use std::marker::PhantomData;

use super::scan::{Bail, Scanner};
use super::{
    custom_null, custom_wrong, duplicate, given_type, is_custom_key, take_array, take_null,
    take_scalar, type_error, unknown, ExtraKeys, Taken,
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
    const FITS: bool = S::FIELDS.len() <= 128 && mask(S::FIELDS, Select::Nested) == 0;
    /// The fields whose class draws a warning when present.
    const NOTICED: u128 = mask(S::FIELDS, Select::Noticed);
    /// The required fields.
    const REQUIRED: u128 = mask(S::FIELDS, Select::Required);
}

/// Which fields [`mask`] selects.
#[derive(Clone, Copy)]
enum Select {
    Nested,
    Noticed,
    Required,
}

/// The bit set of the first 128 `fields` that `select` picks.
const fn mask(fields: &[FieldSpec], select: Select) -> u128 {
    let mut mask = 0;
    let mut i = 0;
    while i < fields.len() && i < 128 {
        let field = &fields[i];
        let picked = match select {
            Select::Nested => matches!(field.shape, Shape::Nested),
            Select::Noticed => !matches!(field.class, FieldClass::Writable),
            Select::Required => {
                let mut found = false;
                let mut r = 0;
                while r < field.rules.len() {
                    found |= matches!(field.rules[r], Rule::Required);
                    r += 1;
                }
                found
            }
        };
        if picked {
            mask |= 1 << i;
        }
        i += 1;
    }
    mask
}

/// Reads the body of `scanner` as one record of `S` at `path`: checks it, and when `BUILD`
/// builds the record into `record` too.
pub(crate) fn read_root<S: Schema, const BUILD: bool>(
    scanner: &mut Scanner<'_>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
    record: &mut Option<S>,
) -> Result<(), Bail> {
    if !Layout::<S>::FITS || scanner.peek() != Some(b'{') {
        return Err(Bail);
    }
    if BUILD {
        *record = Some(S::unset());
    }
    read_object::<S, BUILD>(scanner, path, sink, record.as_mut())?;
    scanner.end()
}

/// Reads the object at the scanner's position (at its `{`) as a record of `S`, with the same
/// issues, in the same order, as the building reader's generated `__read_map`; the values go
/// into `record` when there is one.
fn read_object<'de, S: Schema, const BUILD: bool>(
    scanner: &mut Scanner<'de>,
    parent: &Path<'_>,
    sink: &mut Sink<'_>,
    mut record: Option<&mut S>,
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
        // A plain key that names a field is matched in the input, without scanning it;
        // any other key is scanned and looked up.
        let field = if let Some((index, len)) = S::__field_at(scanner.rest()) {
            scanner.advance(len + 1);
            Ok(index)
        } else {
            let key = scanner.string()?;
            S::__field_index(key.as_str()).ok_or_else(|| key.into_cow())
        };
        let place = match field {
            Ok(index) => read_field::<S, BUILD>(
                scanner,
                index,
                &mut seen,
                parent,
                sink,
                record.as_deref_mut(),
            )?,
            Err(name) => {
                scanner.expect(b':')?;
                let path = parent.key(&name);
                if !extra_keys.first_time(&name) {
                    duplicate(&path, sink);
                    scanner.skip_value()?;
                } else if S::CUSTOM_PREFIX.is_some_and(|prefix| is_custom_key(prefix, &name)) {
                    if let (Some(value), Some(record)) = (
                        read_custom(scanner, &path, sink, BUILD)?,
                        record.as_deref_mut(),
                    ) {
                        record.__set_custom(name.into_owned(), value);
                    }
                } else {
                    unknown(&name, fields, S::__NAME_KEYS, parent, sink);
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
    order.finish(sink);
    Ok(())
}

/// Reads the entry of field `index` of `S` once its key is read: the `:`, then the value (or,
/// for a repeated key, the `duplicate_field` error). Returns the field's place in the order.
#[inline]
fn read_field<S: Schema, const BUILD: bool>(
    scanner: &mut Scanner<'_>,
    index: usize,
    seen: &mut u128,
    parent: &Path<'_>,
    sink: &mut Sink<'_>,
    record: Option<&mut S>,
) -> Result<u32, Bail> {
    scanner.expect(b':')?;
    let spec = &S::FIELDS[index];
    let path = parent.field_of(spec);
    let bit = 1u128 << index;
    if *seen & bit == 0 {
        *seen |= bit;
        read_value::<S, BUILD>(scanner, index, &path, sink, record)?;
    } else {
        duplicate(&path, sink);
        scanner.skip_value()?;
    }
    Ok(u32::try_from(index).unwrap_or(u32::MAX))
}

/// Reads the value at the scanner's position as field `index` of `S`, into `record` if any.
#[inline]
fn read_value<S: Schema, const BUILD: bool>(
    scanner: &mut Scanner<'_>,
    index: usize,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
    record: Option<&mut S>,
) -> Result<(), Bail> {
    let before = if BUILD { sink.error_count() } else { 0 };
    let scalar = match scanner.peek().ok_or(Bail)? {
        b'"' => {
            let text = scanner.quoted()?;
            let taken = take_scalar::<S>(index, Scalar::Str(text.as_str()), path, sink);
            // Built here, while the text (perhaps in the scanner's buffer) is at hand.
            if let (true, Taken::Value(value), Some(record)) = (BUILD, taken, record) {
                record.__set(index, value, before, path, sink);
            }
            return Ok(());
        }
        first @ (b'-' | b'0'..=b'9' | b't' | b'f') => scanner.bare_scalar(first)?,
        b'n' => {
            scanner.literal(b"null")?;
            take_null::<S>(index, path, sink);
            return Ok(());
        }
        b'[' => {
            scanner.skip_value()?;
            take_array::<S>(index, path, sink);
            return Ok(());
        }
        b'{' => {
            // No field is nested here (see `Layout::FITS`): an object is the wrong type.
            scanner.skip_value()?;
            type_error(&S::FIELDS[index], JsonType::Object, None, path, sink);
            return Ok(());
        }
        _ => return Err(Bail),
    };
    let taken = take_scalar::<S>(index, scalar, path, sink);
    if let (true, Taken::Value(value), Some(record)) = (BUILD, taken, record) {
        record.__set(index, value, before, path, sink);
    }
    Ok(())
}

/// Reads the value of a custom field: a string (returned when `keep`), or (lax) `null`.
fn read_custom(
    scanner: &mut Scanner<'_>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
    keep: bool,
) -> Result<Option<String>, Bail> {
    let scalar = match scanner.peek().ok_or(Bail)? {
        b'"' if keep => return Ok(Some(scanner.quoted()?.as_str().to_owned())),
        b'"' => return scanner.skip_value().map(|()| None),
        first @ (b'-' | b'0'..=b'9' | b't' | b'f') => scanner.bare_scalar(first)?,
        b'n' => {
            scanner.literal(b"null")?;
            custom_null(path, sink);
            return Ok(None);
        }
        b'[' => {
            scanner.skip_value()?;
            custom_wrong(JsonType::Array, None, path, sink);
            return Ok(None);
        }
        b'{' => {
            scanner.skip_value()?;
            custom_wrong(JsonType::Object, None, path, sink);
            return Ok(None);
        }
        _ => return Err(Bail),
    };
    custom_wrong(given_type(scalar), Some(&scalar.to_text()), path, sink);
    Ok(None)
}

//! The walker: the one object loop, over the [`Tokenizer`], for every record type.
//!
//! It reads keys and values straight from the tokenizer and hands each value to the
//! functions of `accept` ([`take_scalar`], [`take_null`], [`take_array`], [`type_error`]),
//! which judge its JSON type and run the derive-generated rule calls; a record being built
//! takes each checked value through the generated `__set`. A nested struct's object is read by
//! the same loop, one level down, through the generated `__read_nested`. `check_json` builds
//! nothing at all: no record, no copies of strings that hold no escapes.
//!
//! Keys are classified by `keys` (field, custom, unknown; repeats found in constant time per
//! key), and the issues of each key are put in field order by [`FieldOrder`].

use std::borrow::Cow;

use super::accept::{
    array_type_error, custom_null, custom_wrong, element_type_error, given_type, root_type_error,
    store_after_error, take_array, take_not_a_list, take_null, take_scalar, type_error, Taken,
};
use super::keys::{duplicate, is_custom_key, unknown, ExtraKeys};
use super::tokenizer::{SyntaxError, Tokenizer};
use crate::path::Path;
use crate::report::JsonType;
use crate::sink::{FieldOrder, Sink};
use crate::spec::Shape;
use crate::value::Scalar;
use crate::Schema;

mod layout;

use layout::{picks, place, Layout, Seen, Select};

/// Checks the body of `tokens` as one record of `S` at `path`, building nothing. A body
/// that is not an object is one `type` error.
pub(crate) fn read_root<S: Schema>(
    tokens: &mut Tokenizer<'_>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) -> Result<(), SyntaxError> {
    read_record::<S, false>(tokens, path, sink, &mut None)?;
    tokens.end()
}

/// Reads the body of `tokens` as one record of `S` at `path`, built into `record` (already
/// unset): [`read_root`] for a record that is built where its caller returns it. A body that
/// is not an object is checked by [`read_root`] (one `type` error), and `record` is left as
/// it is.
pub(crate) fn read_root_in_place<S: Schema>(
    tokens: &mut Tokenizer<'_>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
    record: &mut S,
) -> Result<(), SyntaxError> {
    if tokens.peek() != Some(b'{') {
        return read_root::<S>(tokens, path, sink);
    }
    read_object::<S, true>(tokens, path, sink, Some(record))?;
    tokens.end()
}

/// Reads the body of `tokens` as a JSON array of records of `S` (the body of a GET
/// response): each element is checked at its index (`[3].status`, pointer `/3/status`), and
/// when `BUILD` each object element is built into `records` too. An element that is not an
/// object is that element's `type` error; a body that is not an array is one `type` error.
pub(crate) fn read_array_root<S: Schema, const BUILD: bool>(
    tokens: &mut Tokenizer<'_>,
    sink: &mut Sink<'_>,
    records: &mut Vec<S>,
) -> Result<(), SyntaxError> {
    if tokens.peek() == Some(b'[') {
        tokens.enter()?;
        let mut first = true;
        let mut index = 0;
        while tokens.next_element(&mut first)? {
            let mut record = None;
            read_record::<S, BUILD>(tokens, &Path::ROOT.index(index), sink, &mut record)?;
            records.extend(record);
            index += 1;
        }
    } else {
        let given = match tokens.peek() {
            Some(b'{') => JsonType::Object,
            Some(b'"') => JsonType::String,
            Some(b'n') => JsonType::Null,
            Some(first @ (b'-' | b'0'..=b'9' | b't' | b'f')) => {
                given_type(tokens.bare_scalar(first)?)
            }
            _ => return Err(tokens.expected_value()),
        };
        if matches!(given, JsonType::Object | JsonType::String | JsonType::Null) {
            tokens.skip_value()?;
        }
        array_type_error(sink, given);
    }
    tokens.end()
}

/// Reads the value at the position as one record of `S` at `path`: an object is checked, and
/// built into `record` when `BUILD`; any other value is one `type` error.
fn read_record<S: Schema, const BUILD: bool>(
    tokens: &mut Tokenizer<'_>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
    record: &mut Option<S>,
) -> Result<(), SyntaxError> {
    match tokens.peek() {
        Some(b'{') => {
            if BUILD {
                *record = Some(S::unset());
            }
            read_object::<S, BUILD>(tokens, path, sink, record.as_mut())?;
        }
        Some(b'"') => {
            let text = tokens.quoted()?;
            root_type_error(path, sink, JsonType::String, Some(text.as_str()));
        }
        Some(b'n') => {
            tokens.literal(b"null")?;
            root_type_error(path, sink, JsonType::Null, None);
        }
        Some(b'[') => {
            tokens.skip_value()?;
            root_type_error(path, sink, JsonType::Array, None);
        }
        Some(first @ (b'-' | b'0'..=b'9' | b't' | b'f')) => {
            let start = tokens.position();
            let scalar = tokens.bare_scalar(first)?;
            let text = echoed(scalar, tokens.slice(start, tokens.position()));
            root_type_error(path, sink, given_type(scalar), Some(&text));
        }
        _ => return Err(tokens.expected_value()),
    }
    Ok(())
}

/// Reads the object at the position (at its `{`) as a nested record of `S`, into `slot`
/// when there is one. Generated code calls it for each struct that derives `Schema`.
pub fn read_nested<S: Schema, const BUILD: bool>(
    slot: Option<&mut S>,
    tokens: &mut Tokenizer<'_>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) -> Result<(), SyntaxError> {
    read_object::<S, BUILD>(tokens, path, sink, slot)
}

/// Reads the object at the position (at its `{`) as a record of `S`; the values go into
/// `record` when there is one. Issues come out in field order, then custom and unknown keys
/// in input order, each field's presence warning before its other issues.
fn read_object<'de, S: Schema, const BUILD: bool>(
    tokens: &mut Tokenizer<'de>,
    parent: &Path<'_>,
    sink: &mut Sink<'_>,
    mut record: Option<&mut S>,
) -> Result<(), SyntaxError> {
    let fields = S::FIELDS;
    let extra_place = place(fields.len());
    tokens.enter()?;
    let mut order = FieldOrder::new(sink);
    let mut seen = Seen::<S>::default();
    let mut extra_keys: ExtraKeys<'de> = ExtraKeys::default();
    let mut first = true;
    while tokens.next_key(&mut first)? {
        // A plain key that names a field is matched in the input, without scanning it;
        // any other key is scanned and looked up.
        let field = if let Some((index, len)) = S::__field_at(tokens.rest()) {
            tokens.advance(len + 1);
            Ok(index)
        } else {
            let key = tokens.string()?;
            S::__field_index(key.as_str()).ok_or_else(|| key.into_cow())
        };
        tokens.colon()?;
        let at = match field {
            Ok(index) => {
                let path = parent.field_of(&fields[index]);
                if seen.first_time(index) {
                    read_value::<S, BUILD>(tokens, index, &path, sink, record.as_deref_mut())?;
                } else {
                    duplicate(&path, sink);
                    tokens.skip_value()?;
                }
                place(index)
            }
            Err(name) => {
                let path = parent.key(&name);
                if !extra_keys.first_time(&name) {
                    duplicate(&path, sink);
                    tokens.skip_value()?;
                } else if S::CUSTOM_PREFIX.is_some_and(|prefix| is_custom_key(prefix, &name)) {
                    // Kept only while the body has no error (the record is dropped then).
                    if let (Some(value), Some(record)) = (
                        read_custom(tokens, &path, sink, BUILD && sink.error_count() == 0)?,
                        record.as_deref_mut(),
                    ) {
                        record.__set_custom(name.into_owned(), value);
                    }
                } else {
                    unknown(
                        &name,
                        fields,
                        S::__NAME_KEYS,
                        S::HOMES,
                        S::__DENY_UNKNOWN_FIELDS,
                        parent,
                        sink,
                    );
                    tokens.skip_value()?;
                }
                extra_place
            }
        };
        order.close(at, sink);
    }
    let presence = |index: usize, sink: &mut Sink<'_>, order: &mut FieldOrder| {
        let path = parent.field_of(&fields[index]);
        sink.presence(&fields[index], &path);
        order.close_leading(place(index), sink);
    };
    let missing = |index: usize, sink: &mut Sink<'_>, order: &mut FieldOrder| {
        let path = parent.field_of(&fields[index]);
        S::__check_field(index, None, &path, sink);
        order.close(place(index), sink);
    };
    // The presence warnings and the missing fields of the first 128 fields come in
    // ascending place order, so a run of them is closed as one span under its first place
    // unless an issue of another kind (a key's, or one of the other loop's, in either list)
    // lies at a place inside the run, where it would have to go between them.
    let noticed = seen.first() & Layout::<S>::NOTICED;
    let required = Layout::<S>::REQUIRED & !seen.first();
    let [held_errors, held_warnings] = order.held_places();
    let held = if one_span_each() {
        u128::MAX
    } else {
        held_errors | held_warnings
    };
    let mut run = Run::new(true);
    let mut bits = noticed;
    while bits != 0 {
        let index = bits.trailing_zeros();
        bits &= bits - 1;
        // A presence warning leads its place: an issue at the place of the run's last
        // one, or between it and this one, goes between them.
        run.extend(
            index,
            (held | required) & places(run.last, index),
            sink,
            &mut order,
        );
        let path = parent.field_of(&fields[index as usize]);
        sink.presence(&fields[index as usize], &path);
    }
    run.close(sink, &mut order);
    let mut run = Run::new(false);
    let mut bits = required;
    while bits != 0 {
        let index = bits.trailing_zeros();
        bits &= bits - 1;
        // A missing field's issues follow its place: an issue after the run's last place,
        // up to this one's, goes between them.
        run.extend(
            index,
            (held | noticed) & places(run.last + 1, index + 1),
            sink,
            &mut order,
        );
        let path = parent.field_of(&fields[index as usize]);
        S::__check_field(index as usize, None, &path, sink);
    }
    run.close(sink, &mut order);
    // Fields past the first 128, one by one (none in a struct of 128 fields or fewer).
    for (index, field) in fields.iter().enumerate().skip(128) {
        if seen.has(index) && picks(field, Select::Noticed) {
            presence(index, sink, &mut order);
        }
    }
    for (index, field) in fields.iter().enumerate().skip(128) {
        if !seen.has(index) && picks(field, Select::Required) {
            missing(index, sink, &mut order);
        }
    }
    order.finish(sink);
    Ok(())
}

/// A run of issues emitted in ascending place order (presence warnings, or missing
/// fields), to be closed as one span under the place of its first issue.
struct Run {
    /// The place of the run's first issue, when a run is open.
    first: Option<u32>,
    /// The place of the run's last issue (or of the last run's).
    last: u32,
    /// Whether the issues lead their places (presence warnings) rather than follow them
    /// (missing fields).
    leading: bool,
}

impl Run {
    /// No run open yet, of issues that lead their places or not.
    fn new(leading: bool) -> Run {
        Run {
            first: None,
            last: 0,
            leading,
        }
    }

    /// Adds place `index` to the run, first closing the open run when `between` (the
    /// places held by other issues between the run's last place and `index`) is not empty.
    #[inline]
    fn extend(&mut self, index: u32, between: u128, sink: &mut Sink<'_>, order: &mut FieldOrder) {
        if self.first.is_some() && between != 0 {
            self.close(sink, order);
        }
        self.first.get_or_insert(index);
        self.last = index;
    }

    /// Closes the open run, if any, under the place of its first issue.
    #[inline]
    fn close(&mut self, sink: &mut Sink<'_>, order: &mut FieldOrder) {
        if let Some(first) = self.first.take() {
            if self.leading {
                order.close_leading(first, sink);
            } else {
                order.close(first, sink);
            }
        }
    }
}

#[cfg(test)]
thread_local! {
    /// Whether `read_object` closes a span for each presence warning and missing field, as
    /// it did before runs: the tests' oracle for the runs.
    pub(crate) static ONE_SPAN_EACH: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether every presence warning and missing field gets a span of its own (in tests only).
#[inline]
fn one_span_each() -> bool {
    #[cfg(test)]
    return ONE_SPAN_EACH.with(std::cell::Cell::get);
    #[cfg(not(test))]
    false
}

/// The places from `start` up to, not including, `end` (both at most 128), as a bit set.
#[inline]
fn places(start: u32, end: u32) -> u128 {
    let below = |n: u32| {
        if n >= 128 {
            u128::MAX
        } else {
            (1u128 << n) - 1
        }
    };
    below(end) & !below(start)
}

/// Reads the value at the position as field `index` of `S`, into `record` if any.
#[inline]
fn read_value<S: Schema, const BUILD: bool>(
    tokens: &mut Tokenizer<'_>,
    index: usize,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
    record: Option<&mut S>,
) -> Result<(), SyntaxError> {
    if Layout::<S>::HAS_LISTS && S::FIELDS[index].list {
        return read_list_field::<S, BUILD>(tokens, index, path, sink, record);
    }
    let before = if BUILD { sink.error_count() } else { 0 };
    match tokens.peek() {
        Some(b'"') => {
            // Taken (and built) here, while the text (perhaps in the tokenizer's buffer) is
            // at hand.
            let text = tokens.quoted()?;
            let value = Scalar::Str(text.as_str());
            take::<S, BUILD>(false, value, index, before, path, sink, record);
        }
        Some(first @ (b'-' | b'0'..=b'9' | b't' | b'f')) => {
            take_bare::<S, BUILD>(false, tokens, first, index, before, path, sink, record)?;
        }
        Some(b'n') => {
            tokens.literal(b"null")?;
            take_null::<S>(index, path, sink);
        }
        Some(b'[') => {
            tokens.skip_value()?;
            take_array::<S>(index, path, sink);
        }
        Some(b'{') => {
            let spec = &S::FIELDS[index];
            if spec.shape == Shape::Nested {
                S::__read_nested::<BUILD>(record, index, tokens, path, sink)?;
            } else {
                tokens.skip_value()?;
                type_error(spec, JsonType::Object, None, path, sink);
            }
        }
        _ => return Err(tokens.expected_value()),
    }
    Ok(())
}

/// Takes `scalar` for field `index` of `S` (`element`: as one element of a list field) and,
/// when building, stores what was taken in `record` (`before`: the error count before).
///
/// Always inlined: with the test of the error count in it, LLVM stopped inlining it at
/// `#[inline]`, and a call per value cost about 1.5k instructions a full body (BENCHMARKS,
/// step 17d).
#[inline(always)]
#[allow(clippy::inline_always)]
fn take<S: Schema, const BUILD: bool>(
    element: bool,
    scalar: Scalar<'_>,
    index: usize,
    before: usize,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
    record: Option<&mut S>,
) {
    let taken = take_scalar::<S>(index, scalar, element, path, sink);
    if let (true, Taken::Value(value), Some(record)) = (BUILD, taken, record) {
        if sink.error_count() == 0 {
            record.__set(index, value, true, path, sink);
        } else {
            store_after_error::<S>(record, index, value, before, path, sink);
        }
    }
}

/// Reads the number, `true` or `false` whose first byte is `first` and [`take`]s it; the
/// issues of a number beyond a double echo it as it was written.
#[inline]
#[allow(clippy::too_many_arguments)]
fn take_bare<S: Schema, const BUILD: bool>(
    element: bool,
    tokens: &mut Tokenizer<'_>,
    first: u8,
    index: usize,
    before: usize,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
    record: Option<&mut S>,
) -> Result<(), SyntaxError> {
    let start = tokens.position();
    let scalar = tokens.bare_scalar(first)?;
    let mark = sink.mark();
    take::<S, BUILD>(element, scalar, index, before, path, sink, record);
    if is_huge(scalar) {
        sink.echo_as_written(mark, tokens.slice(start, tokens.position()));
    }
    Ok(())
}

/// Reads the value at the position as list field `index` of `S`: an array, each element
/// judged by [`read_element`] at its index; `null` (and, lax, `""`) is unset, an empty array
/// too (so `required` reports it); anything else is a `type` error.
fn read_list_field<S: Schema, const BUILD: bool>(
    tokens: &mut Tokenizer<'_>,
    index: usize,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
    mut record: Option<&mut S>,
) -> Result<(), SyntaxError> {
    match tokens.peek() {
        Some(b'[') => {
            tokens.enter()?;
            let mut first = true;
            let mut count = 0;
            while tokens.next_element(&mut first)? {
                let at = path.index(count);
                read_element::<S, BUILD>(tokens, index, &at, sink, record.as_deref_mut())?;
                count += 1;
            }
            if count == 0 {
                S::__check_field(index, None, path, sink);
            }
        }
        Some(b'n') => {
            tokens.literal(b"null")?;
            take_null::<S>(index, path, sink);
        }
        Some(b'"') => {
            let text = tokens.quoted()?;
            take_not_a_list::<S>(index, Scalar::Str(text.as_str()), path, sink);
        }
        Some(first @ (b'-' | b'0'..=b'9' | b't' | b'f')) => {
            let start = tokens.position();
            let scalar = tokens.bare_scalar(first)?;
            let mark = sink.mark();
            take_not_a_list::<S>(index, scalar, path, sink);
            if is_huge(scalar) {
                sink.echo_as_written(mark, tokens.slice(start, tokens.position()));
            }
        }
        Some(b'{') => {
            tokens.skip_value()?;
            type_error(&S::FIELDS[index], JsonType::Object, None, path, sink);
        }
        _ => return Err(tokens.expected_value()),
    }
    Ok(())
}

/// Reads one element of list field `index` of `S` at `path` (`items[2]`): the field's rules
/// apply to it, and a record being built appends it. A wrong JSON type is the element's own
/// `type` error; the other elements are read on.
fn read_element<S: Schema, const BUILD: bool>(
    tokens: &mut Tokenizer<'_>,
    index: usize,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
    record: Option<&mut S>,
) -> Result<(), SyntaxError> {
    let spec = &S::FIELDS[index];
    let before = if BUILD { sink.error_count() } else { 0 };
    match tokens.peek() {
        Some(b'"') => {
            let text = tokens.quoted()?;
            let value = Scalar::Str(text.as_str());
            take::<S, BUILD>(true, value, index, before, path, sink, record);
        }
        Some(first @ (b'-' | b'0'..=b'9' | b't' | b'f')) => {
            take_bare::<S, BUILD>(true, tokens, first, index, before, path, sink, record)?;
        }
        Some(b'{') if spec.shape == Shape::Nested => {
            S::__read_nested::<BUILD>(record, index, tokens, path, sink)?;
        }
        Some(first @ (b'n' | b'[' | b'{')) => {
            tokens.skip_value()?;
            let given = match first {
                b'n' => JsonType::Null,
                b'[' => JsonType::Array,
                _ => JsonType::Object,
            };
            element_type_error(spec, given, None, path, sink);
        }
        _ => return Err(tokens.expected_value()),
    }
    Ok(())
}

/// Reads the value of a custom field: a string (returned when `keep`), or (lax) `null`.
fn read_custom(
    tokens: &mut Tokenizer<'_>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
    keep: bool,
) -> Result<Option<String>, SyntaxError> {
    match tokens.peek() {
        Some(b'"') if keep => return Ok(Some(tokens.quoted()?.as_str().to_owned())),
        Some(b'"') => tokens.skip_value()?,
        Some(first @ (b'-' | b'0'..=b'9' | b't' | b'f')) => {
            let start = tokens.position();
            let scalar = tokens.bare_scalar(first)?;
            let text = echoed(scalar, tokens.slice(start, tokens.position()));
            custom_wrong(given_type(scalar), Some(&text), path, sink);
        }
        Some(b'n') => {
            tokens.literal(b"null")?;
            custom_null(path, sink);
        }
        Some(b'[') => {
            tokens.skip_value()?;
            custom_wrong(JsonType::Array, None, path, sink);
        }
        Some(b'{') => {
            tokens.skip_value()?;
            custom_wrong(JsonType::Object, None, path, sink);
        }
        _ => return Err(tokens.expected_value()),
    }
    Ok(None)
}

/// The text that echoes `scalar`, read from `token`: the value as it is echoed everywhere,
/// but a number too large for a double as it was written.
fn echoed<'t>(scalar: Scalar<'t>, token: &'t str) -> Cow<'t, str> {
    if is_huge(scalar) {
        Cow::Borrowed(token)
    } else {
        Cow::Owned(scalar.to_text().into_owned())
    }
}

/// Whether `scalar` is a number too large for a double (read as an infinity).
#[inline]
fn is_huge(scalar: Scalar<'_>) -> bool {
    matches!(scalar, Scalar::Float(f) if f.is_infinite())
}

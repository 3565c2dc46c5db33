//! Value acceptance: whether a field takes a JSON value in the run's mode (lax forms,
//! unset values, wrong types), and the `type` errors when it does not.
//!
//! Every value the walker reads for a field goes through [`take_scalar`] (or [`take_null`],
//! [`take_array`]); what is taken runs the field's generated rule calls, and a record being
//! built keeps it through [`store_value`].

use crate::options::Mode;
use crate::path::Path;
use crate::report::{Form, JsonType, JsonTypes, Lead, Violation};
use crate::rules;
use crate::sink::Sink;
use crate::spec::{FieldClass, FieldSpec, Rule, Shape};
use crate::value::{Field, Scalar};
use crate::Schema;

/// The `type` error of a body that is not an object.
pub(crate) fn root_type_error(
    path: &Path<'_>,
    sink: &mut Sink<'_>,
    given: JsonType,
    value: Option<&str>,
) {
    let form = Form::Type(Lead::Object);
    let violation = Violation::wrong_type(form, JsonTypes::one(JsonType::Object), given);
    sink.error(path, violation, value);
}

/// The `type` error of a body that should be an array of records and is a `given`.
pub(crate) fn array_type_error(sink: &mut Sink<'_>, given: JsonType) {
    let form = Form::Type(Lead::Types);
    let violation = Violation::wrong_type(form, JsonTypes::one(JsonType::Array), given);
    sink.error(&Path::ROOT, violation, None);
}

/// How the reader takes a scalar for a field.
enum Accept<'v> {
    /// Check and keep this value.
    Value(Scalar<'v>),
    /// The value means "unset".
    Unset,
    /// The JSON type is wrong for the field.
    Wrong,
    /// A number too large for a double, in a float field without a `number` or `range`
    /// rule (no `f64` holds it), or in a field of any scalar that cannot be left unset
    /// ([`absent_when_unset`]): it is JSON, but the field has no value for it.
    Misfit,
}

/// Whether a field of `shape` takes `scalar` as it is, in every mode: a value of the field's
/// own JSON type (a finite number for [`Shape::Float`]; a string for [`Shape::Any`], whose
/// other scalars [`accept`] judges by the field's class and the mode).
#[inline]
fn takes_as_is(shape: Shape, scalar: Scalar<'_>) -> bool {
    match (shape, scalar) {
        (Shape::Any | Shape::Text, Scalar::Str(_))
        | (Shape::Integer | Shape::Float, Scalar::Int(_) | Scalar::UInt(_))
        | (Shape::Bool, Scalar::Bool(_)) => true,
        (Shape::Float, Scalar::Float(f)) => f.is_finite(),
        _ => false,
    }
}

/// Decides whether `field` takes `scalar` in `mode`, turning the lax forms into canonical
/// ones (`true` → 1 for `bool01`, `""` → unset for non-text fields).
fn accept<'v>(field: &FieldSpec, scalar: Scalar<'v>, mode: Mode) -> Accept<'v> {
    let lax = mode == Mode::Lax;
    if takes_as_is(field.shape, scalar) {
        return Accept::Value(scalar);
    }
    match (field.shape, scalar) {
        // Strict: a read-only field takes the string the OpenAPI text gives it.
        (Shape::Any, Scalar::Bool(_) | Scalar::Int(_) | Scalar::UInt(_) | Scalar::Float(_))
            if !lax && field.class == FieldClass::ReadOnly =>
        {
            Accept::Wrong
        }
        // A number beyond a double (`1e400`) where leaving the field unset would change what
        // the record says (a required field, a non-`Option` one): no value of it holds the
        // number (see `beyond_any`).
        (Shape::Any, Scalar::Float(f)) if !f.is_finite() && !absent_when_unset(field) => {
            Accept::Misfit
        }
        // Any scalar, a number beyond a double included where the field may be left unset:
        // it is JSON, and the field takes any JSON scalar (a type that cannot hold it leaves
        // the field unset, see `store_value`).
        (Shape::Any, Scalar::Bool(_) | Scalar::Int(_) | Scalar::UInt(_) | Scalar::Float(_)) => {
            Accept::Value(scalar)
        }
        // A number beyond a double: a `number` or `range` field's rule rejects it; a field
        // without one cannot hold it.
        (Shape::Float, Scalar::Float(_)) if field.has("number") || field.has("range") => {
            Accept::Value(scalar)
        }
        (Shape::Float, Scalar::Float(_)) => Accept::Misfit,
        (Shape::Text, s @ (Scalar::Int(_) | Scalar::UInt(_) | Scalar::Float(_)))
            if lax && field.has("number") =>
        {
            Accept::Value(s)
        }
        (Shape::Integer, Scalar::Bool(b)) if lax && field.has("bool01") => {
            Accept::Value(Scalar::Int(rules::bool01::from_bool(b)))
        }
        (Shape::Integer | Shape::Float | Shape::Bool | Shape::Nested, Scalar::Str("")) if lax => {
            Accept::Unset
        }
        (Shape::Integer, Scalar::Str(s)) if lax && field.has("bool01") => {
            match rules::bool01::from_lax_str(s) {
                Some(i) => Accept::Value(Scalar::Int(i)),
                None => Accept::Wrong,
            }
        }
        // Strict: `""` in a number field is the number rule's error, not a type error.
        (Shape::Float, s @ Scalar::Str(text))
            if field.has("number") && (lax || text.is_empty()) =>
        {
            Accept::Value(s)
        }
        _ => Accept::Wrong,
    }
}

/// Whether lax mode reads `value` as "unset" for `field`: `""` in a field with a format or
/// `enum_values` rule, and a zero date in a `datetime` or `date` field.
///
/// Every unset form (`""`, `0000-00-00`, `0000-00-00 00:00:00`) is empty or starts with `0`:
/// nearly every value is told apart by this inlined test, without a call or the rules.
#[inline]
pub(crate) fn lax_unset(field: &FieldSpec, value: Scalar<'_>, mode: Mode) -> bool {
    match value {
        Scalar::Str(s)
            if mode == Mode::Lax && matches!(s.as_bytes().first(), None | Some(b'0')) =>
        {
            lax_unset_by_rules(field, s)
        }
        _ => false,
    }
}

/// [`lax_unset`] for a string that may be an unset form: whether a rule of `field` reads it so.
fn lax_unset_by_rules(field: &FieldSpec, s: &str) -> bool {
    field.rules.iter().any(|rule| match rule {
        Rule::Uuid | Rule::Number | Rule::UuidList | Rule::EnumStrs(_) => s.is_empty(),
        Rule::Datetime => rules::datetime::is_unset(s),
        Rule::Date => rules::date::is_unset(s),
        _ => false,
    })
}

pub(crate) fn given_type(scalar: Scalar<'_>) -> JsonType {
    match scalar {
        Scalar::Bool(_) => JsonType::Boolean,
        Scalar::Int(_) | Scalar::UInt(_) => JsonType::Integer,
        Scalar::Float(_) => JsonType::Number,
        Scalar::Str(_) => JsonType::String,
    }
}

/// The `type` error: the expected types of `field` in this mode, and the given one.
pub(crate) fn type_error(
    field: &FieldSpec,
    given: JsonType,
    value: Option<&str>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    wrong_type(field, false, given, value, path, sink);
}

/// The `type` error of a list's element: the types each element takes, and the given one.
pub(crate) fn element_type_error(
    field: &FieldSpec,
    given: JsonType,
    value: Option<&str>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    wrong_type(field, true, given, value, path, sink);
}

/// The `type` error of a value of `field`, or of one of its elements (`element`).
fn wrong_type(
    field: &FieldSpec,
    element: bool,
    given: JsonType,
    value: Option<&str>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    let mode = sink.options().mode;
    let expected = if element {
        field.element_types(mode)
    } else {
        field.json_types(mode)
    };
    // A flag's lax spellings are specific values, not whole types: name them (but a list of
    // flags takes an array).
    let lead = match mode {
        _ if !field.has("bool01") || (field.list && !element) => Lead::Types,
        Mode::Lax => Lead::FlagLax,
        Mode::Strict => Lead::FlagStrict,
    };
    let mut violation = Violation::wrong_type(Form::Type(lead), expected, given);
    // A flag written as a word (`"yes"`, or `true` in strict mode) gets the integer as its fix.
    if lead != Lead::Types && matches!(given, JsonType::String | JsonType::Boolean) {
        if let Some(flag) = value.and_then(rules::bool01::from_word) {
            let params = std::mem::take(&mut violation.params);
            violation.params = params.with_fix(if flag == 1 { "1" } else { "0" }, None);
        }
    }
    sink.error(path, violation, value);
}

/// What a field made of a scalar once its type was judged and its rules ran.
pub(crate) enum Taken<'v> {
    /// A value of an accepted type (in canonical form), checked by the field's rules.
    Value(Scalar<'v>),
    /// A value that means "unset" (checked as an absent value).
    Unset,
    /// A value of the wrong JSON type (a `type` error was recorded).
    Wrong,
}

/// Takes `scalar` for field `index` of `S` (`element`: as one element of a list field, which
/// has no unset form, and whose `required` is the list's): judges its type in the run's mode
/// and runs the field's rules on it. Checking and building both call this, so a value gets
/// the same issues either way.
///
/// A value of the field's own type, nearly every value of a body, goes straight to the rules;
/// the other cases (lax forms, unset values, wrong types) are judged out of line.
#[inline]
pub(crate) fn take_scalar<'v, S: Schema>(
    index: usize,
    scalar: Scalar<'v>,
    element: bool,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) -> Taken<'v> {
    if takes_as_is(S::FIELDS[index].shape, scalar) {
        S::__check_field(index, Some(scalar), path, sink);
        return Taken::Value(scalar);
    }
    take_other::<S>(index, scalar, element, path, sink)
}

/// [`take_scalar`] for a value not of the field's own type (for an element, what would unset
/// a value is a `type` error).
#[inline(never)]
fn take_other<'v, S: Schema>(
    index: usize,
    scalar: Scalar<'v>,
    element: bool,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) -> Taken<'v> {
    let spec = &S::FIELDS[index];
    match accept(spec, scalar, sink.options().mode) {
        Accept::Value(value) => {
            S::__check_field(index, Some(value), path, sink);
            Taken::Value(value)
        }
        Accept::Unset if !element => {
            S::__check_field(index, None, path, sink);
            Taken::Unset
        }
        Accept::Unset | Accept::Wrong => {
            let text = scalar.to_text();
            wrong_type(spec, element, given_type(scalar), Some(&text), path, sink);
            Taken::Wrong
        }
        Accept::Misfit => {
            misfit(spec, scalar, path, sink);
            Taken::Wrong
        }
    }
}

/// The `type` error of a value of an accepted JSON type that the field's Rust type cannot
/// hold (an integer beyond an `i8`, a number beyond a double).
fn misfit(spec: &FieldSpec, value: Scalar<'_>, path: &Path<'_>, sink: &mut Sink<'_>) {
    let text = value.to_text();
    let expected = spec.json_types(sink.options().mode);
    let violation = Violation::wrong_type(Form::Misfit, expected, given_type(value));
    sink.error(path, violation, Some(&text));
}

/// Takes `null` for field `index` of `S`: unset in lax mode (`true`), a type error in strict
/// mode (`false`).
pub(crate) fn take_null<S: Schema>(index: usize, path: &Path<'_>, sink: &mut Sink<'_>) -> bool {
    if sink.options().is_strict() {
        type_error(&S::FIELDS[index], JsonType::Null, None, path, sink);
        false
    } else {
        S::__check_field(index, None, path, sink);
        true
    }
}

/// Takes an array (already read past) for field `index` of `S`, which never holds one.
pub(crate) fn take_array<S: Schema>(index: usize, path: &Path<'_>, sink: &mut Sink<'_>) {
    let spec = &S::FIELDS[index];
    if spec.has("uuid_list") {
        // The live API's own complaint: the list must be encoded in a string.
        sink.error(path, rules::uuid_list::raw_array(), None);
    } else {
        type_error(spec, JsonType::Array, None, path, sink);
    }
}

/// Stores in `slot` (field `index` of `S`, a `T`) a `value` that `take_scalar` took, when
/// `build` (the body has no error so far): unset for what lax mode reads as unset, else the
/// value built by `T` (a list appends it), with a `type` error when the value does not fit `T`.
///
/// Once the body has an error the record is dropped unread (every caller returns the report
/// instead), so nothing is built (`build` is `false`): only whether `T` would take the value
/// is asked ([`Field::fits`], which for text allocates nothing), for the same `type` error.
/// After a body's first error the reader asks `store_after_error` first whether to call
/// this at all.
pub fn store_value<S: Schema, T: Field>(
    slot: &mut T,
    index: usize,
    value: Scalar<'_>,
    build: bool,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    let spec = &S::FIELDS[index];
    if !build {
        // Not building: a value the rules passed and lax mode does not read as unset can
        // still draw the `type` error of a value `T` cannot hold.
        if !T::fits(value)
            && !lax_unset(spec, value, sink.options().mode)
            && !beyond_any(spec, value)
        {
            misfit(spec, value, path, sink);
        }
    } else if lax_unset(spec, value, sink.options().mode) {
        // Keep the record canonical: what lax mode reads as unset is `None`, so that
        // serializing the record leaves it out.
        slot.store_unset();
    } else if !slot.store(value) && !beyond_any(spec, value) {
        // A number `beyond_any` lets through is not stored: the slot of a field stays as the
        // reader made it (each key is stored once, so unset), a list leaves the element out.
        misfit(spec, value, path, sink);
    }
}

/// Whether `value` is a number beyond a double (`1e400`) given to a field that takes any
/// scalar ([`Shape::Any`]) and may be left unset ([`absent_when_unset`]): the field takes it
/// as JSON, but a type that cannot hold it (`AnyScalar`, whose numbers are
/// `serde_json::Number`s: finite doubles or 64-bit integers) leaves the field unset (a list,
/// the element out) rather than fail the body or keep a number it was never given. In any
/// other field ([`accept`] answers `Misfit` there) it is the `type` error "does not fit".
fn beyond_any(spec: &FieldSpec, value: Scalar<'_>) -> bool {
    spec.shape == Shape::Any
        && matches!(value, Scalar::Float(f) if !f.is_finite())
        && absent_when_unset(spec)
}

/// Whether an unset value of `field` stands for the key's absence and the record still says
/// what the body said: an `Option` or a list that is not `required`. A non-`Option` field
/// would hold its unset value (`""`), which the body never held, and a `required` field (a
/// required list, should it become empty) would fail the record's own `validate()`.
fn absent_when_unset(field: &FieldSpec) -> bool {
    (field.optional || field.list) && !field.is_required()
}

/// Stores in `record` a `value` that `take_scalar` took for field `index` of `S` once the body
/// has an error (`before`: the error count before the value was taken): the record is not
/// built then, so only the `type` error of a value the field's type cannot hold is looked for,
/// through the generated `__set`. A value that drew an error of its own never gets one, nor a
/// value of its shape's own JSON type in a field whose type takes all of them
/// (`Plumbing::__TAKES_ALL_OF_SHAPE`): neither costs a call into `__set`, whose jump on the
/// field's index is rarely foreseen.
///
/// Out of line: a body without errors stores each value through `__set` directly, after one
/// test of the error count.
#[inline(never)]
pub(crate) fn store_after_error<S: Schema>(
    record: &mut S,
    index: usize,
    value: Scalar<'_>,
    before: usize,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    let takes_all = S::__TAKES_ALL_OF_SHAPE.get(index) == Some(&true)
        && takes_as_is(S::FIELDS[index].shape, value);
    if !takes_all && sink.error_count() == before {
        record.__set(index, value, false, path, sink);
    }
}

/// Takes a scalar given to list field `index` of `S`: unset when lax mode reads it so
/// (`""`), else a `type` error (the field takes an array).
pub(crate) fn take_not_a_list<S: Schema>(
    index: usize,
    scalar: Scalar<'_>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    if scalar == Scalar::Str("") && !sink.options().is_strict() {
        S::__check_field(index, None, path, sink);
    } else {
        let text = scalar.to_text();
        type_error(
            &S::FIELDS[index],
            given_type(scalar),
            Some(&text),
            path,
            sink,
        );
    }
}

/// The `type` error of a custom field given something other than a string.
pub(crate) fn custom_wrong(
    given: JsonType,
    value: Option<&str>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    let form = Form::Type(Lead::Custom);
    let violation = Violation::wrong_type(form, JsonTypes::one(JsonType::String), given);
    sink.error(path, violation, value);
}

/// Takes `null` for a custom field: nothing in lax mode, a type error in strict mode.
pub(crate) fn custom_null(path: &Path<'_>, sink: &mut Sink<'_>) {
    if sink.options().is_strict() {
        custom_wrong(JsonType::Null, None, path, sink);
    }
}

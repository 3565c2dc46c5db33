//! The one door through which generated code reaches the runtime. Not public API: names
//! here may change in any release.

pub use crate::apply::*;
pub use crate::de::deserialize;
pub use crate::homes::Home;
use crate::reader::{duplicate, given_type, is_custom_key, type_error};
pub use crate::reader::{read_nested, store_value, unknown, NameKey, SyntaxError, Tokenizer};
pub use crate::value::Field;
use crate::Direction;
pub use crate::{
    AnyScalar, CheckValue, CustomFields, FieldClass, FieldSpec, Path, Report, Rule, Scalar, Schema,
    Shape, Sink, Validate,
};
pub use core::{compile_error, concat, module_path, stringify};
pub use serde;
pub use std::borrow::Cow;
pub use std::result::Result;
pub use std::string::String;

#[cfg(feature = "schemars")]
pub use crate::__schema_schemars_impl as schemars_impl;
#[cfg(feature = "schemars")]
pub use crate::with_schemars::schema as schemars_schema;
#[cfg(feature = "schemars")]
pub use schemars;

#[cfg(feature = "validator")]
pub use crate::__schema_validator_impl as validator_impl;
#[cfg(feature = "validator")]
pub use crate::with_validator::validate as validator_validate;
#[cfg(feature = "validator")]
pub use validator;

/// `#[schema(schemars)]` without the feature: one error that says what to turn on.
#[cfg(not(feature = "schemars"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __schema_schemars_impl {
    ($ty:ident) => {
        $crate::__private::compile_error! {
            "`#[schema(schemars)]` needs the feature `schemars` of job-schema: \
`job-schema = { version = \"…\", features = [\"schemars\"] }`"
        }
    };
}
#[cfg(not(feature = "schemars"))]
pub use crate::__schema_schemars_impl as schemars_impl;

/// `#[schema(validator)]` without the feature: one error that says what to turn on.
#[cfg(not(feature = "validator"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __schema_validator_impl {
    ($ty:ident) => {
        $crate::__private::compile_error! {
            "`#[schema(validator)]` needs the feature `validator` of job-schema: \
`job-schema = { version = \"…\", features = [\"validator\"] }`"
        }
    };
}
#[cfg(not(feature = "validator"))]
pub use crate::__schema_validator_impl as validator_impl;

/// The reader's side of a record, written by `#[derive(Schema)]`: looking a key up, checking
/// and storing a field's value, reading a nested object. A supertrait of [`Schema`].
pub trait Plumbing: Field {
    /// What the "did you mean" search knows of each field's name beforehand, in table order
    /// (empty for a table written by hand: the search then works it out).
    const __NAME_KEYS: &'static [NameKey] = &[];

    /// Whether a key that is not a field is an error rather than a warning (the struct's
    /// `#[serde(deny_unknown_fields)]`).
    const __DENY_UNKNOWN_FIELDS: bool = false;

    /// For each field in table order, whether its type takes every scalar of its shape
    /// ([`Field::TAKES_ALL_OF_SHAPE`]): once a body has an error, storing a value of the
    /// shape's own JSON type in such a field has nothing to report and is skipped (other
    /// values are still asked `fits`). Empty by default (every value is stored).
    const __TAKES_ALL_OF_SHAPE: &'static [bool] = &[];

    /// The index of the field that reads `key`, if one does.
    fn __field_index(key: &str) -> Option<usize>;

    /// The field whose plain (unescaped) name, followed by its closing quote, starts `rest`
    /// (the bytes just after a key's opening quote): its index and the name's length.
    fn __field_at(rest: &[u8]) -> Option<(usize, usize)> {
        let _ = rest;
        None
    }

    /// Checks `value` (`None` when unset) with the rules of field `index` at `path`.
    fn __check_field(index: usize, value: Option<Scalar<'_>>, path: &Path<'_>, sink: &mut Sink<'_>);

    /// Stores a checked `value` in field `index` of a record being built (with
    /// `__private::store_value`), or when not `build` (the body has an error, and the record
    /// will be dropped) only reports the `type` error of a value the field cannot hold.
    fn __set(
        &mut self,
        index: usize,
        value: Scalar<'_>,
        build: bool,
        path: &Path<'_>,
        sink: &mut Sink<'_>,
    );

    /// Keeps a custom key's value in a record being built.
    fn __set_custom(&mut self, key: String, value: String);

    /// Reads the object at the tokenizer's position into field `index` (of a nested struct
    /// type) of `record`, or only checks it when `record` is `None`.
    fn __read_nested<const BUILD: bool>(
        record: Option<&mut Self>,
        index: usize,
        tokens: &mut Tokenizer<'_>,
        path: &Path<'_>,
        sink: &mut Sink<'_>,
    ) -> Result<(), SyntaxError> {
        let _ = (record, index, path, sink);
        tokens.skip_value()
    }
}

/// Skips the value at the tokenizer's position (a field that holds no nested struct).
pub fn skip_value(tokens: &mut Tokenizer<'_>) -> Result<(), SyntaxError> {
    tokens.skip_value()
}

/// Calls a struct's `check_value` function on a set value, unless lax mode reads the value
/// as unset (`""` in a field with a format rule, a zero date), which the reader never hands
/// it: so a built record's `validate()` and the reader of its JSON call it on the same
/// values.
#[inline]
pub fn check_set_value(
    check: CheckValue,
    spec: &FieldSpec,
    value: Scalar<'_>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    if !crate::reader::lax_unset(spec, value, sink.options().mode) {
        check(spec, value, path, sink);
    }
}

/// Validates one field of a built record: its class's warning when present, then its rules
/// (or, for a nested struct, the struct's own rules).
///
/// Inlined into each generated `validate_into`, but only as a test: an absent `Option` field
/// that is not `required` draws no issue and costs a test and a jump; any other field is
/// checked by `validate_present`, out of line, one copy per field type rather than one per
/// field, which keeps `validate_into` small for LLVM (the derive's compile time).
#[inline]
pub fn validate_field<S: Schema, T: Field>(
    index: usize,
    value: &T,
    prefix: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    if !T::OPTIONAL || value.is_present() || S::FIELDS[index].is_required() {
        validate_present::<S, T>(index, value, prefix, sink);
    }
}

/// [`validate_field`] for a field that is present or `required`.
#[inline(never)]
fn validate_present<S: Schema, T: Field>(
    index: usize,
    value: &T,
    prefix: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    let spec = &S::FIELDS[index];
    let path = prefix.field_of(spec);
    let present = value.is_present();
    if T::LIST && present {
        sink.presence(spec, &path);
        value.validate_elements::<S>(index, &path, sink);
    } else if T::SHAPE == Shape::Nested && present {
        sink.presence(spec, &path);
        value.dive(&path, sink);
    } else {
        value.with_scalar(|scalar| {
            // A plain (non-`Option`) field holding `""` in the update direction is unset:
            // it has no `None` to say so, and its record leaves it out of the JSON it
            // writes (`Job::status`), so it is judged as the absent field it stands for.
            let scalar = if !T::OPTIONAL && update_unset(scalar, sink) {
                None
            } else {
                if present {
                    sink.presence(spec, &path);
                }
                scalar
            };
            if T::SHAPE == Shape::Any && strict_read_only_refuses(spec, scalar, &path, sink) {
                return;
            }
            S::__check_field(index, scalar, &path, sink);
        });
    }
}

/// Whether `scalar`, the value of a plain (non-`Option`) field, is that field's unset value
/// (`""`) in the update direction, where `validate()` judges it as absent.
#[inline]
fn update_unset(scalar: Option<Scalar<'_>>, sink: &Sink<'_>) -> bool {
    scalar == Some(Scalar::Str("")) && sink.options().direction == Direction::Update
}

/// Strict mode: a read-only field that holds any scalar takes a string only, and the reader
/// reports anything else as a `type` error; so does `validate()`, here. Whether it did.
///
/// Not generic and out of line: written inside [`validate_present`], it was compiled again
/// for every field type of every struct in the user's crate (about a tenth of rustc's work
/// on `Job` in release, `benches/compile_time.sh`).
#[inline(never)]
fn strict_read_only_refuses(
    spec: &FieldSpec,
    scalar: Option<Scalar<'_>>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) -> bool {
    if spec.class != FieldClass::ReadOnly || !sink.options().is_strict() {
        return false;
    }
    match scalar.filter(|s| s.as_str().is_none()) {
        Some(other) => {
            let text = other.to_text();
            type_error(spec, given_type(other), Some(&text), path, sink);
            true
        }
        None => false,
    }
}

/// Validates the keys of a `custom_prefix` map of a built record: a key that is a field's
/// wire name (or one of its aliases) is a `duplicate_field` error, since the record's JSON
/// would hold that key twice, or hand the map's text to the field unchecked; a key that does
/// not match the prefix and `[a-z0-9_]+` is an unknown field.
pub fn validate_custom<S: Schema, C: CustomFields>(
    custom: &C,
    prefix: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    let custom_prefix = S::CUSTOM_PREFIX.unwrap_or("");
    for key in custom.custom_keys() {
        // The reader's own lookup: wire names and aliases, one match per key.
        if let Some(spec) = S::__field_index(key).and_then(|index| S::FIELDS.get(index)) {
            // The reader's error for a repeated key, at the field as the reader names it.
            duplicate(&prefix.field_of(spec), sink);
        } else if !is_custom_key(custom_prefix, key) {
            unknown(
                key,
                S::FIELDS,
                S::__NAME_KEYS,
                S::HOMES,
                S::__DENY_UNKNOWN_FIELDS,
                prefix,
                sink,
            );
        }
    }
}

/// Text types: `max_len`, `uuid`, `datetime`, `date`, `uuid_list` and string
/// `enum_values` apply to them.
#[diagnostic::on_unimplemented(
    message = "this rule needs a text field, and `{Self}` is not text",
    label = "needs `String`, `&str`, `Box<str>`, or an `Option` or `Vec` of one",
    note = "`max_len`, `uuid`, `datetime`, `date`, `uuid_list` and string `enum_values` apply to text"
)]
pub trait TextField {}
impl TextField for String {}
impl TextField for &str {}
impl TextField for Box<str> {}
impl TextField for AnyScalar {}
impl<T: TextField> TextField for Option<T> {}
impl<T: TextField> TextField for Vec<T> {}

macro_rules! marker_impls {
    ($trait:ident: $($ty:ty),*) => { $(impl $trait for $ty {})* };
}

/// Types the `uuid` rule applies to: text, and `uuid::Uuid` (which implies it).
#[diagnostic::on_unimplemented(
    message = "`uuid` needs a text field or a `uuid::Uuid`, and `{Self}` is neither",
    label = "needs `String`, `&str`, `Box<str>`, `uuid::Uuid`, or an `Option` or `Vec` of one",
    note = "`uuid`, `datetime` and `date` apply to text, and each to the type that implies it (`uuid::Uuid`, `chrono::NaiveDateTime`, `chrono::NaiveDate`, features `uuid` and `chrono`)"
)]
pub trait UuidField {}

/// Types the `datetime` rule applies to: text, and `chrono::NaiveDateTime` (which implies
/// it).
#[diagnostic::on_unimplemented(
    message = "`datetime` needs a text field or a `chrono::NaiveDateTime`, and `{Self}` is neither",
    label = "needs `String`, `&str`, `Box<str>`, `chrono::NaiveDateTime`, or an `Option` or `Vec` of one",
    note = "`uuid`, `datetime` and `date` apply to text, and each to the type that implies it (`uuid::Uuid`, `chrono::NaiveDateTime`, `chrono::NaiveDate`, features `uuid` and `chrono`)"
)]
pub trait DatetimeField {}

/// Types the `date` rule applies to: text, and `chrono::NaiveDate` (which implies it).
#[diagnostic::on_unimplemented(
    message = "`date` needs a text field or a `chrono::NaiveDate`, and `{Self}` is neither",
    label = "needs `String`, `&str`, `Box<str>`, `chrono::NaiveDate`, or an `Option` or `Vec` of one",
    note = "`uuid`, `datetime` and `date` apply to text, and each to the type that implies it (`uuid::Uuid`, `chrono::NaiveDateTime`, `chrono::NaiveDate`, features `uuid` and `chrono`)"
)]
pub trait DateField {}

marker_impls!(UuidField: String, &str, Box<str>, AnyScalar);
marker_impls!(DatetimeField: String, &str, Box<str>, AnyScalar);
marker_impls!(DateField: String, &str, Box<str>, AnyScalar);
impl<T: UuidField> UuidField for Option<T> {}
impl<T: UuidField> UuidField for Vec<T> {}
impl<T: DatetimeField> DatetimeField for Option<T> {}
impl<T: DatetimeField> DatetimeField for Vec<T> {}
impl<T: DateField> DateField for Option<T> {}
impl<T: DateField> DateField for Vec<T> {}
#[cfg(feature = "uuid")]
impl UuidField for uuid::Uuid {}
#[cfg(feature = "chrono")]
impl DatetimeField for chrono::NaiveDateTime {}
#[cfg(feature = "chrono")]
impl DateField for chrono::NaiveDate {}

/// Integer types: `bool01` and integer `enum_values` apply to them.
#[diagnostic::on_unimplemented(
    message = "this rule needs an integer field, and `{Self}` is not an integer",
    label = "needs `u8`, `i32`, `i64` (or another integer), or an `Option` or `Vec` of one",
    note = "`bool01` and integer `enum_values` apply to integers"
)]
pub trait IntegerField {}

/// Types that hold a number or numeric text: `number` and `range` apply to them.
#[diagnostic::on_unimplemented(
    message = "this rule needs a field that holds a number or text, and `{Self}` holds neither",
    label = "needs a number (`f64`, `i64`, …), text (`String`, …), or an `Option` or `Vec` of one",
    note = "`number` and `range` apply to numbers and to numeric text"
)]
pub trait NumericField {}

marker_impls!(IntegerField: u8, u16, u32, u64, i8, i16, i32, i64, usize, isize);
marker_impls!(NumericField: u8, u16, u32, u64, i8, i16, i32, i64, usize, isize, f32, f64);
marker_impls!(NumericField: String, &str, Box<str>, AnyScalar);
impl<T: IntegerField> IntegerField for Option<T> {}
impl<T: NumericField> NumericField for Option<T> {}
impl<T: IntegerField> IntegerField for Vec<T> {}
impl<T: NumericField> NumericField for Vec<T> {}

/// Compiles only when `T` is a text type.
pub const fn assert_text<T: ?Sized + TextField>() {}
/// Compiles only when the `uuid` rule applies to `T`.
pub const fn assert_uuid<T: ?Sized + UuidField>() {}
/// Compiles only when the `datetime` rule applies to `T`.
pub const fn assert_datetime<T: ?Sized + DatetimeField>() {}
/// Compiles only when the `date` rule applies to `T`.
pub const fn assert_date<T: ?Sized + DateField>() {}
/// Compiles only when `T` is an integer type.
pub const fn assert_integer<T: ?Sized + IntegerField>() {}
/// Compiles only when `T` holds a number or text.
pub const fn assert_numeric<T: ?Sized + NumericField>() {}
/// Compiles only when `T` is a field type.
pub const fn assert_field<T: Field>() {}
/// Compiles only when `T` collects custom keys.
pub const fn assert_custom<T: CustomFields>() {}

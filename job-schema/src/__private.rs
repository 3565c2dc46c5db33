//! The one door through which generated code reaches the runtime. Not public API: names
//! here may change in any release.

pub use crate::apply::*;
use crate::reader::is_custom_key;
pub use crate::reader::{read_nested, store_value, unknown, NameKey, SyntaxError, Tokenizer};
pub use crate::sink::FieldOrder;
pub use crate::{
    AnyScalar, CustomFields, FieldClass, FieldSpec, FieldValue, Path, Report, Rule, Scalar, Schema,
    Shape, Sink, Validate,
};
pub use std::string::String;

/// Skips the value at the tokenizer's position (a field that holds no nested struct).
pub fn skip_value(tokens: &mut Tokenizer<'_>) -> Result<(), SyntaxError> {
    tokens.skip_value()
}

/// Validates one field of a built record: its class's warning when present, then its rules
/// (or, for a nested struct, the struct's own rules).
///
/// Inlined into each generated `validate_into`: a field's call then folds to the few checks
/// its type needs (an absent `Option` field costs a test and a jump).
#[inline]
pub fn validate_field<S: Schema, T: FieldValue>(
    index: usize,
    value: &T,
    prefix: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    let spec = &S::FIELDS[index];
    let path = prefix.field_of(spec);
    let present = value.is_present();
    if present {
        sink.presence(spec, &path);
    }
    if T::LIST && present {
        value.__validate_elements::<S>(index, &path, sink);
    } else if T::SHAPE == Shape::Nested && present {
        value.dive(&path, sink);
    } else {
        S::__check_field(index, value.scalar(), &path, sink);
    }
}

/// Validates the keys of a `custom_prefix` map of a built record: a key that does not match
/// the prefix and `[a-z0-9_]+` is an unknown field.
pub fn validate_custom<S: Schema, C: CustomFields>(
    custom: &C,
    prefix: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    let custom_prefix = S::CUSTOM_PREFIX.unwrap_or("");
    for key in custom.custom_keys() {
        if !is_custom_key(custom_prefix, key) {
            unknown(
                key,
                S::FIELDS,
                S::__NAME_KEYS,
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

macro_rules! marker_impls {
    ($trait:ident: $($ty:ty),*) => { $(impl $trait for $ty {})* };
}
marker_impls!(IntegerField: u8, u16, u32, u64, i8, i16, i32, i64, usize, isize);
marker_impls!(NumericField: u8, u16, u32, u64, i8, i16, i32, i64, usize, isize, f32, f64);
marker_impls!(NumericField: String, &str, Box<str>, AnyScalar);
impl<T: IntegerField> IntegerField for Option<T> {}
impl<T: NumericField> NumericField for Option<T> {}
impl<T: IntegerField> IntegerField for Vec<T> {}
impl<T: NumericField> NumericField for Vec<T> {}

/// Compiles only when `T` is a text type.
pub const fn assert_text<T: ?Sized + TextField>() {}
/// Compiles only when `T` is an integer type.
pub const fn assert_integer<T: ?Sized + IntegerField>() {}
/// Compiles only when `T` holds a number or text.
pub const fn assert_numeric<T: ?Sized + NumericField>() {}
/// Compiles only when `T` is a field type.
pub const fn assert_field<T: FieldValue>() {}
/// Compiles only when `T` collects custom keys.
pub const fn assert_custom<T: CustomFields>() {}

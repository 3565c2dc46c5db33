//! Field values: the types a `#[derive(Schema)]` struct may hold, and the borrowed
//! [`Scalar`] view that every rule reads.
//!
//! Both doors into the rules go through [`Scalar`]: `validate()` views a built field with
//! [`FieldValue::scalar`] (through the `Field` plumbing, which also covers `Option`, `Vec` and
//! nested structs), and the JSON reader hands the rules the scalar it has just read
//! (borrowed from the input where it can be). That is why both report the same issues.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::report::Text;
use crate::spec::Shape;

mod field;
#[cfg(any(feature = "uuid", feature = "chrono"))]
mod typed;

pub use field::Field;

/// A borrowed view of one scalar value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar<'a> {
    /// `true` or `false`.
    Bool(bool),
    /// A negative integer, or any integer read as signed.
    Int(i64),
    /// A non-negative integer too large for `i64`.
    UInt(u64),
    /// A number with a fraction or an exponent.
    Float(f64),
    /// Text.
    Str(&'a str),
}

impl Scalar<'_> {
    /// The value as an `i64`, when it is an integer that fits.
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Scalar::Int(i) => Some(i),
            Scalar::UInt(u) => i64::try_from(u).ok(),
            _ => None,
        }
    }

    /// The value as an `f64`, when it is a number.
    #[allow(clippy::cast_precision_loss)]
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Scalar::Int(i) => Some(i as f64),
            Scalar::UInt(u) => Some(u as f64),
            Scalar::Float(f) => Some(f),
            _ => None,
        }
    }

    /// The value as text, when it is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Scalar::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The value as it would be echoed in a report.
    pub fn to_text(&self) -> Cow<'_, str> {
        match *self {
            Scalar::Bool(b) => Cow::Borrowed(if b { "true" } else { "false" }),
            Scalar::Int(i) => Cow::Owned(Text::new(20).int(i).into()),
            Scalar::UInt(u) => Cow::Owned(Text::new(20).uint(u).into()),
            Scalar::Float(f) => Cow::Owned(Text::new(24).float(f).into()),
            Scalar::Str(s) => Cow::Borrowed(s),
        }
    }

    /// Calls `f` with [`Scalar::to_text`]'s text, written on the stack for a number (no
    /// allocation: the issue that echoes it copies it once): integers by `itoa`, and a float
    /// with a fraction whose magnitude is from `1e-5` up to `1e16` (where `to_text` writes
    /// `f64`'s `Display`, in plain notation) by `zmij` when that takes at most 15 significant
    /// digits; any other float as `to_text` writes it.
    ///
    /// Both write a shortest decimal that reads back as the float, and two different decimals
    /// of at most 15 significant digits never read as the same double: up to 15 digits the
    /// two agree. Beyond, both may pick different 17-digit decimals (`zmij` writes
    /// `1184570801106344.2` where `Display` writes `1184570801106344.3`).
    pub(crate) fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        match *self {
            Scalar::Int(i) => f(itoa::Buffer::new().format(i)),
            Scalar::UInt(u) => f(itoa::Buffer::new().format(u)),
            Scalar::Float(x) if x.fract() != 0.0 && (1e-5..1e16).contains(&x.abs()) => {
                let mut buffer = zmij::Buffer::new();
                let text = buffer.format_finite(x);
                let significant = text
                    .trim_start_matches(['-', '0', '.'])
                    .bytes()
                    .filter(u8::is_ascii_digit)
                    .count();
                if significant <= 15 {
                    f(text)
                } else {
                    f(&self.to_text())
                }
            }
            _ => f(&self.to_text()),
        }
    }
}

/// An owned JSON scalar of any type, for deprecated and read-only fields that real traffic
/// fills with strings, numbers or booleans (`payment_amount: 0`,
/// `related_knowledge_articles: false`, `generated_job_id: 1739155210000`).
///
/// In lax mode such a field takes any JSON scalar; a format rule (`datetime`, `uuid`…)
/// judges a string only. In strict mode a read-only field of this type takes a string only,
/// as the OpenAPI text types it.
///
/// A number is a `serde_json::Number`: an integer of 64 bits or a finite double. A JSON
/// number beyond a double (`1e400`) is taken as any other number (the field's warning only)
/// in an `Option<AnyScalar>` or a list that is not `required`, as `Job`'s are, but no
/// `AnyScalar` holds it: the reader leaves the field unset (a list, the element out). In a
/// `required` or plain `AnyScalar` field, where unset would not be the key's absence, it is
/// a `type` error.
///
/// ```
/// use job_schema::{AnyScalar, Job};
///
/// let job = Job::from_json(br#"{"status": "Quote", "generated_job_id": 17}"#).unwrap().record;
/// assert_eq!(job.generated_job_id, Some(AnyScalar::Number(17.into())));
/// assert_eq!(job.generated_job_id.unwrap().to_string(), "17");
///
/// // Stored records (GET) carry strings.
/// let body = br#"{"status": "Quote", "generated_job_id": "1587"}"#;
/// let job = Job::from_json(body).unwrap().record;
/// assert_eq!(job.generated_job_id.as_ref().and_then(AnyScalar::as_str), Some("1587"));
///
/// // Beyond a double: the `read_only` warning alone, and no value.
/// let read = Job::from_json(br#"{"status": "Quote", "edit_date": 1e400}"#).unwrap();
/// assert_eq!(read.warnings[0].code.as_str(), "read_only");
/// assert_eq!(read.record.edit_date, None);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum AnyScalar {
    /// A boolean.
    Bool(bool),
    /// A number, kept exactly as JSON gave it.
    Number(serde_json::Number),
    /// A string.
    String(String),
}

impl AnyScalar {
    /// The text, when the value is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            AnyScalar::String(s) => Some(s),
            _ => None,
        }
    }
}

impl From<&str> for AnyScalar {
    fn from(value: &str) -> AnyScalar {
        AnyScalar::String(value.to_owned())
    }
}

impl fmt::Display for AnyScalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnyScalar::Bool(b) => write!(f, "{b}"),
            AnyScalar::Number(n) => write!(f, "{n}"),
            AnyScalar::String(s) => f.write_str(s),
        }
    }
}

impl Serialize for AnyScalar {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AnyScalar::Bool(b) => serializer.serialize_bool(*b),
            AnyScalar::Number(n) => n.serialize(serializer),
            AnyScalar::String(s) => serializer.serialize_str(s),
        }
    }
}

/// A type a `#[derive(Schema)]` struct can hold in a field, in a form of your own: a newtype
/// around text, a number or a flag.
///
/// Implemented here for text (`String`, `&'static str`, `Box<str>`), integers, floats,
/// `bool` and [`AnyScalar`]. A field may also hold an `Option` or a `Vec` of any of them, or
/// a struct that derives `Schema` (and an `Option` or `Vec` of one); those need no
/// implementation. With the features `uuid` and `chrono`, a field may also hold a
/// `uuid::Uuid`, `chrono::NaiveDateTime` or `chrono::NaiveDate`, which imply their format
/// rule (see the module `job_schema::typed`); they are not `FieldValue`s, since they hold no text for
/// [`scalar`](FieldValue::scalar) to borrow. Implement it for a type of your own, and the reader builds it from the
/// scalar its [`SHAPE`](FieldValue::SHAPE) admits, and `validate()` judges it through
/// [`scalar`](FieldValue::scalar), so the two report the same issues. Such a field takes
/// `required`, `deprecated` and `read_only`; the rules that read a value's text or number
/// (`max_len`, `uuid`, `range`, …) apply to the built-in types and do not compile on it.
///
/// ```
/// use job_schema::{Code, FieldValue, Scalar, Schema, Shape, Validate};
///
/// /// A staff member's id, kept in lower case.
/// #[derive(Debug, Default, PartialEq)]
/// struct StaffId(String);
///
/// impl FieldValue for StaffId {
///     const SHAPE: Shape = Shape::Text;
///     fn scalar(&self) -> Option<Scalar<'_>> {
///         Some(Scalar::Str(&self.0))
///     }
///     fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
///         scalar.as_str().map(|text| StaffId(text.to_ascii_lowercase()))
///     }
///     fn unset() -> Self {
///         StaffId::default()
///     }
/// }
///
/// #[derive(Debug, Schema)]
/// struct Visit {
///     #[schema(required)]
///     lead: StaffId,
///     helpers: Vec<StaffId>,
/// }
///
/// let visit = Visit::from_json(br#"{"lead": "AB12", "helpers": ["CD34"]}"#).unwrap().record;
/// assert_eq!(visit.helpers, [StaffId("cd34".into())]);
/// assert!(visit.validate().is_ok());
/// let report = Visit::from_json(br#"{"lead": "", "helpers": [7]}"#).unwrap_err();
/// assert_eq!(report.errors[0].code, Code::Required);
/// assert_eq!(report.errors[1].field, "helpers[0]");
/// assert_eq!(report.errors[1].message(), "expected string, got integer 7");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a field of a `#[derive(Schema)]` struct",
    label = "not a supported field type",
    note = "fields hold text (`String`), integers, floats, `bool`, `job_schema::AnyScalar`, a struct that derives `Schema`, a type that implements `job_schema::FieldValue`, or an `Option` or `Vec` of one"
)]
pub trait FieldValue: Sized {
    /// The kind of scalar the field holds, which decides the JSON types it takes in each
    /// mode. [`Shape::Nested`] is for structs that derive `Schema`; such a value never
    /// reaches a `FieldValue` implementation.
    const SHAPE: Shape;

    /// The value as a scalar for the rules, or `None` when it is unset.
    fn scalar(&self) -> Option<Scalar<'_>>;

    /// Builds the value from a scalar the reader accepted for [`FieldValue::SHAPE`]; `None`
    /// when it does not fit the type (an integer out of range, say), which the reader
    /// reports as a `type` error.
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self>;

    /// Whether [`FieldValue::from_scalar`] would build a value from `scalar`. The reader asks
    /// this instead of building once a body has an error (the record is dropped then), so
    /// that a value the type cannot hold is still reported. The default builds the value and
    /// drops it; a type whose values own memory can answer without allocating.
    fn fits(scalar: Scalar<'_>) -> bool {
        Self::from_scalar(scalar).is_some()
    }

    /// The value of a field that is absent or unset.
    fn unset() -> Self;

    /// Whether [`FieldValue::fits`] holds for every scalar of the JSON type that
    /// [`FieldValue::SHAPE`] names (every string for [`Shape::Text`] and [`Shape::Any`], every
    /// integer for [`Shape::Integer`], every integer and finite number for [`Shape::Float`],
    /// `true` and `false` for [`Shape::Bool`]). `false` by default. When it holds, the reader
    /// does not ask `fits` about such a scalar once a body has an error (the record is not
    /// built then); a type that sets it wrongly loses the `type` error of a value it cannot
    /// hold after a body's first error. `String`, `Box<str>`, `f64`, `bool` and
    /// [`AnyScalar`] set it; the integers, `f32` and `&'static str` do not.
    const TAKES_ALL_OF_SHAPE: bool = false;
}

impl FieldValue for String {
    const SHAPE: Shape = Shape::Text;
    const TAKES_ALL_OF_SHAPE: bool = true;
    fn scalar(&self) -> Option<Scalar<'_>> {
        Some(Scalar::Str(self))
    }
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        scalar.as_str().map(str::to_owned)
    }
    fn fits(scalar: Scalar<'_>) -> bool {
        scalar.as_str().is_some()
    }
    fn unset() -> Self {
        String::new()
    }
}

impl FieldValue for Box<str> {
    const SHAPE: Shape = Shape::Text;
    const TAKES_ALL_OF_SHAPE: bool = true;
    fn scalar(&self) -> Option<Scalar<'_>> {
        Some(Scalar::Str(self))
    }
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        scalar.as_str().map(Box::from)
    }
    fn fits(scalar: Scalar<'_>) -> bool {
        scalar.as_str().is_some()
    }
    fn unset() -> Self {
        Box::from("")
    }
}

/// A `&'static str` field can be validated; the reader cannot make one from input, so it
/// reports the value as a type error (use `String` for fields that are read from JSON).
impl FieldValue for &'static str {
    const SHAPE: Shape = Shape::Text;
    fn scalar(&self) -> Option<Scalar<'_>> {
        Some(Scalar::Str(self))
    }
    fn from_scalar(_scalar: Scalar<'_>) -> Option<Self> {
        None
    }
    fn unset() -> Self {
        ""
    }
}

macro_rules! integer_field {
    ($($ty:ty),*) => {$(
        impl FieldValue for $ty {
            const SHAPE: Shape = Shape::Integer;
            #[allow(clippy::cast_lossless, clippy::cast_possible_wrap)]
            fn scalar(&self) -> Option<Scalar<'_>> {
                Some(match i64::try_from(*self) {
                    Ok(i) => Scalar::Int(i),
                    Err(_) => Scalar::UInt(u64::try_from(*self).unwrap_or(u64::MAX)),
                })
            }
            fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
                match scalar {
                    Scalar::Int(i) => <$ty>::try_from(i).ok(),
                    Scalar::UInt(u) => <$ty>::try_from(u).ok(),
                    _ => None,
                }
            }
            fn unset() -> Self {
                0
            }
        }
    )*};
}
integer_field!(u8, u16, u32, u64, i8, i16, i32, i64, usize, isize);

impl FieldValue for f64 {
    const SHAPE: Shape = Shape::Float;
    const TAKES_ALL_OF_SHAPE: bool = true;
    fn scalar(&self) -> Option<Scalar<'_>> {
        Some(Scalar::Float(*self))
    }
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        match scalar {
            Scalar::Str(s) => crate::rules::number::parse(s),
            other => other.as_f64(),
        }
    }
    fn unset() -> Self {
        0.0
    }
}

impl FieldValue for f32 {
    const SHAPE: Shape = Shape::Float;
    fn scalar(&self) -> Option<Scalar<'_>> {
        Some(Scalar::Float(f64::from(*self)))
    }
    #[allow(clippy::cast_possible_truncation)]
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        // A finite number beyond `f32` does not fit.
        let wide = <f64 as FieldValue>::from_scalar(scalar)?;
        let narrow = wide as f32;
        (narrow.is_finite() || !wide.is_finite()).then_some(narrow)
    }
    fn unset() -> Self {
        0.0
    }
}

impl FieldValue for bool {
    const SHAPE: Shape = Shape::Bool;
    const TAKES_ALL_OF_SHAPE: bool = true;
    fn scalar(&self) -> Option<Scalar<'_>> {
        Some(Scalar::Bool(*self))
    }
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        match scalar {
            Scalar::Bool(b) => Some(b),
            _ => None,
        }
    }
    fn unset() -> Self {
        false
    }
}

impl FieldValue for AnyScalar {
    const SHAPE: Shape = Shape::Any;
    const TAKES_ALL_OF_SHAPE: bool = true;
    fn scalar(&self) -> Option<Scalar<'_>> {
        Some(match self {
            AnyScalar::Bool(b) => Scalar::Bool(*b),
            AnyScalar::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Scalar::Int(i)
                } else if let Some(u) = n.as_u64() {
                    Scalar::UInt(u)
                } else {
                    Scalar::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            AnyScalar::String(s) => Scalar::Str(s),
        })
    }
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        Some(match scalar {
            Scalar::Bool(b) => AnyScalar::Bool(b),
            Scalar::Int(i) => AnyScalar::Number(i.into()),
            Scalar::UInt(u) => AnyScalar::Number(u.into()),
            Scalar::Float(f) => AnyScalar::Number(serde_json::Number::from_f64(f)?),
            Scalar::Str(s) => AnyScalar::String(s.to_owned()),
        })
    }
    fn fits(scalar: Scalar<'_>) -> bool {
        match scalar {
            Scalar::Float(f) => f.is_finite(),
            Scalar::Bool(_) | Scalar::Int(_) | Scalar::UInt(_) | Scalar::Str(_) => true,
        }
    }
    fn unset() -> Self {
        AnyScalar::String(String::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `with_text` against `to_text` (itself tested against `Display` in `report::number`).
    fn same_text(value: Scalar<'_>) {
        let on_stack = value.with_text(str::to_owned);
        assert_eq!(on_stack, value.to_text(), "{value:?}");
    }

    #[test]
    fn the_text_on_the_stack_is_the_echoed_text() {
        let mut rng = crate::test_rng::Rng::new(0xEC40_u64);
        for i in [0, 1, -1, 7, 42, i64::MIN, i64::MAX, 1_739_155_210_000] {
            same_text(Scalar::Int(i));
        }
        for u in [0, 1, u64::MAX, 1 << 63] {
            same_text(Scalar::UInt(u));
        }
        for x in [
            1e-5,
            -1e-5,
            0.5,
            -0.0,
            0.0,
            1e16,
            9_999_999_999_999_998.0,
            1e-6,
            0.1,
            0.3,
            153.612_173_1,
            -123.456_789,
            4_503_599_627_370_495.5,
            1e308,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            5e-324,
        ] {
            same_text(Scalar::Float(x));
        }
        for _ in 0..200_000 {
            let bits = rng.bits();
            same_text(Scalar::Int(bits.cast_signed()));
            same_text(Scalar::UInt(bits >> (bits % 64)));
            // Any double, and decimals as JSON writes them: up to 17 digits, at any place
            // from 1e-7 to 1e17 (the bounds of the plain notation on both sides).
            same_text(Scalar::Float(f64::from_bits(bits)));
            let digits = rng.bits() % 10u64.pow(1 + (bits % 17) as u32);
            let scale = 10f64.powi(i32::try_from((bits >> 8) % 25).unwrap_or(0) - 7);
            let sign = if bits & 1 << 20 == 0 { 1.0 } else { -1.0 };
            #[allow(clippy::cast_precision_loss)]
            let x = sign * digits as f64 / scale;
            same_text(Scalar::Float(x));
            let text = format!("{x}");
            if let Ok(read) = text.parse::<f64>() {
                same_text(Scalar::Float(read));
            }
        }
        same_text(Scalar::Bool(true));
        same_text(Scalar::Str("a\tb"));
    }
}

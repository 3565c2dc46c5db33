//! The `Field` plumbing: what generated code needs of a field's type, for a user's
//! [`FieldValue`], an `Option` or `Vec` of a field type, and (implemented by the derive) a
//! struct that derives `Schema`. Not public API: reached through `__private`.

use super::{FieldValue, Scalar};
use crate::reader::{SyntaxError, Tokenizer};
use crate::spec::{CheckValue, FieldSpec, Rule, Shape};
use crate::{Path, Schema, Sink};

/// What the generated code needs of a field's type: a [`FieldValue`], an `Option` or `Vec`
/// of a field type, or a struct that derives `Schema` (whose impl the derive writes). Not
/// public API.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a field of a `#[derive(Schema)]` struct",
    label = "not a supported field type",
    note = "fields hold text (`String`), integers, floats, `bool`, `job_schema::AnyScalar`, a struct that derives `Schema`, a type that implements `job_schema::FieldValue`, or an `Option` or `Vec` of one"
)]
pub trait Field: Sized {
    /// The shape of the value (of each element, for a list).
    const SHAPE: Shape;
    /// Whether the type is an `Option`.
    const OPTIONAL: bool = false;
    /// For a struct that derives `Schema` (or an `Option` or `Vec` of one), its field table.
    const NESTED: Option<&'static [FieldSpec]> = None;
    /// For a struct that derives `Schema` (or an `Option` or `Vec` of one), the prefix of
    /// the custom keys it collects.
    const NESTED_CUSTOM_PREFIX: Option<&'static str> = None;
    /// For a struct that derives `Schema` (or an `Option` or `Vec` of one), whether an
    /// unknown key is an error (`#[serde(deny_unknown_fields)]`).
    const NESTED_DENY_UNKNOWN_FIELDS: bool = false;
    /// For a struct that derives `Schema` (or an `Option` or `Vec` of one), its
    /// `check_value` function.
    const NESTED_CHECK_VALUE: Option<CheckValue> = None;
    /// Whether the type is a list (`Vec<T>`, or an `Option` of one).
    const LIST: bool = false;
    /// Why the type cannot be a field, if it cannot: an `Option` of an `Option`, a list of
    /// lists or of `Option`s (JSON could not tell their levels apart). `#[derive(Schema)]`
    /// turns it into a compile error at the field's type.
    const UNREADABLE: Option<&'static str> = None;
    /// The format rule the type implies (`uuid` for a `uuid::Uuid`, `datetime` for a
    /// `chrono::NaiveDateTime`, `date` for a `chrono::NaiveDate`; of an element, for a list).
    /// `#[derive(Schema)]` adds it to the field's rules, so that the table, the reader and
    /// `validate()` all apply it. Only `Rule::Uuid`, `Rule::Datetime` and `Rule::Date` are
    /// honoured.
    const FORMAT: Option<Rule> = None;
    /// Whether [`Field::fits`] holds for every scalar of the JSON type its shape names (of an
    /// element, for a list): [`FieldValue::TAKES_ALL_OF_SHAPE`]. The derive gathers it per
    /// field, so that after a body's first error the reader skips the store of such a value.
    const TAKES_ALL_OF_SHAPE: bool = false;

    /// The value as a scalar borrowed from it, or `None` when it is unset (or nested, or a
    /// list, or holds no text of its own: see [`Field::with_scalar`]).
    fn scalar(&self) -> Option<Scalar<'_>>;

    /// Calls `check` with the value as a scalar for the rules (`None` when unset). By default
    /// that is [`Field::scalar`]; a value that holds no text of its own (a `uuid::Uuid`, a
    /// `chrono` date) writes its wire text into a buffer on the stack and passes that, so the
    /// rules judge exactly the text that would be sent.
    fn with_scalar<R>(&self, check: impl FnOnce(Option<Scalar<'_>>) -> R) -> R {
        check(self.scalar())
    }

    /// Whether the field counts as present (sent) for `deprecated` and `read_only` warnings.
    fn is_present(&self) -> bool {
        true
    }

    /// Builds the value from a scalar the reader accepted; `None` when it does not fit.
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self>;

    /// The value of a field that is absent or unset.
    fn unset() -> Self;

    /// Validates what lies below this value (a nested struct), appending to `sink`.
    fn dive(&self, _path: &Path<'_>, _sink: &mut Sink<'_>) {}

    /// Reads the object at the tokenizer's position into `slot` (structs that derive
    /// `Schema`; an `Option` of one fills itself; a list appends an element), or only checks
    /// it when `slot` is `None`. Other types never hold an object: the reader reports a
    /// `type` error without asking them, and the default skips the value.
    fn read_into<const BUILD: bool>(
        slot: Option<&mut Self>,
        tokens: &mut Tokenizer<'_>,
        path: &Path<'_>,
        sink: &mut Sink<'_>,
    ) -> Result<(), SyntaxError> {
        let _ = (slot, path, sink);
        tokens.skip_value()
    }

    /// Stores a value built from a scalar the reader accepted: replaces `self` (a list
    /// appends an element); `false` when the scalar does not fit the type.
    fn store(&mut self, scalar: Scalar<'_>) -> bool {
        Self::from_scalar(scalar)
            .map(|value| *self = value)
            .is_some()
    }

    /// Whether [`Field::store`] would take `scalar`, without building the value: the reader
    /// asks this instead of storing once the body has an error (the record is then dropped),
    /// so that a value the type cannot hold is still a `type` error.
    fn fits(scalar: Scalar<'_>) -> bool {
        Self::from_scalar(scalar).is_some()
    }

    /// Stores what lax mode reads as unset: `self` unset (a list appends an unset element).
    fn store_unset(&mut self) {
        *self = Self::unset();
    }

    /// For a list: validates each element at its index below `path` with the rules of field
    /// `index` of `S` (an empty list is unset, for `required`). Other types do nothing.
    fn validate_elements<S: Schema>(&self, index: usize, path: &Path<'_>, sink: &mut Sink<'_>) {
        let _ = (index, path, sink);
    }
}

/// A value of the user's own type (or one of the scalars this crate implements).
impl<T: FieldValue> Field for T {
    const SHAPE: Shape = <T as FieldValue>::SHAPE;
    const TAKES_ALL_OF_SHAPE: bool = <T as FieldValue>::TAKES_ALL_OF_SHAPE;
    fn scalar(&self) -> Option<Scalar<'_>> {
        FieldValue::scalar(self)
    }
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        <T as FieldValue>::from_scalar(scalar)
    }
    fn fits(scalar: Scalar<'_>) -> bool {
        <T as FieldValue>::fits(scalar)
    }
    fn unset() -> Self {
        <T as FieldValue>::unset()
    }
}

impl<T: Field> Field for Option<T> {
    const SHAPE: Shape = T::SHAPE;
    const OPTIONAL: bool = true;
    const NESTED: Option<&'static [FieldSpec]> = T::NESTED;
    const NESTED_CUSTOM_PREFIX: Option<&'static str> = T::NESTED_CUSTOM_PREFIX;
    const NESTED_DENY_UNKNOWN_FIELDS: bool = T::NESTED_DENY_UNKNOWN_FIELDS;
    const NESTED_CHECK_VALUE: Option<CheckValue> = T::NESTED_CHECK_VALUE;
    const LIST: bool = T::LIST;
    const UNREADABLE: Option<&'static str> = if T::OPTIONAL {
        Some("an `Option` of an `Option` cannot be a field: `null` could mean either")
    } else {
        T::UNREADABLE
    };
    const FORMAT: Option<Rule> = T::FORMAT;
    const TAKES_ALL_OF_SHAPE: bool = T::TAKES_ALL_OF_SHAPE;
    fn scalar(&self) -> Option<Scalar<'_>> {
        self.as_ref().and_then(Field::scalar)
    }
    fn with_scalar<R>(&self, check: impl FnOnce(Option<Scalar<'_>>) -> R) -> R {
        match self {
            Some(value) => value.with_scalar(check),
            None => check(None),
        }
    }
    fn is_present(&self) -> bool {
        self.is_some()
    }
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        T::from_scalar(scalar).map(Some)
    }
    fn fits(scalar: Scalar<'_>) -> bool {
        T::fits(scalar)
    }
    fn unset() -> Self {
        None
    }
    fn dive(&self, path: &Path<'_>, sink: &mut Sink<'_>) {
        if let Some(value) = self {
            value.dive(path, sink);
        }
    }
    fn read_into<const BUILD: bool>(
        slot: Option<&mut Self>,
        tokens: &mut Tokenizer<'_>,
        path: &Path<'_>,
        sink: &mut Sink<'_>,
    ) -> Result<(), SyntaxError> {
        let inner = slot.map(|slot| slot.get_or_insert_with(T::unset));
        T::read_into::<BUILD>(inner, tokens, path, sink)
    }
    fn store(&mut self, scalar: Scalar<'_>) -> bool {
        if T::LIST {
            return self.get_or_insert_with(T::unset).store(scalar);
        }
        Self::from_scalar(scalar)
            .map(|value| *self = value)
            .is_some()
    }
    fn store_unset(&mut self) {
        if T::LIST {
            self.get_or_insert_with(T::unset).store_unset();
        } else {
            *self = None;
        }
    }
    fn validate_elements<S: Schema>(&self, index: usize, path: &Path<'_>, sink: &mut Sink<'_>) {
        if let Some(value) = self {
            value.validate_elements::<S>(index, path, sink);
        }
    }
}

/// A list: the field takes a JSON array, and each rule of the field applies to every element,
/// reported at its index (`items[2]`, pointer `/items/2`). An empty list counts as unset, so
/// `required` on a list means present and not empty.
impl<T: Field> Field for Vec<T> {
    const SHAPE: Shape = T::SHAPE;
    const NESTED: Option<&'static [FieldSpec]> = T::NESTED;
    const NESTED_CUSTOM_PREFIX: Option<&'static str> = T::NESTED_CUSTOM_PREFIX;
    const NESTED_DENY_UNKNOWN_FIELDS: bool = T::NESTED_DENY_UNKNOWN_FIELDS;
    const NESTED_CHECK_VALUE: Option<CheckValue> = T::NESTED_CHECK_VALUE;
    const LIST: bool = true;
    const UNREADABLE: Option<&'static str> = if T::LIST {
        Some("a list of lists cannot be a field: make the inner list a field of a struct")
    } else if T::OPTIONAL {
        Some("a list of `Option`s cannot be a field: an element has no unset form")
    } else {
        T::UNREADABLE
    };
    const FORMAT: Option<Rule> = T::FORMAT;
    const TAKES_ALL_OF_SHAPE: bool = T::TAKES_ALL_OF_SHAPE;
    fn scalar(&self) -> Option<Scalar<'_>> {
        None
    }
    fn from_scalar(_scalar: Scalar<'_>) -> Option<Self> {
        None
    }
    /// An element is stored: whether `T` takes the scalar.
    fn fits(scalar: Scalar<'_>) -> bool {
        T::fits(scalar)
    }
    fn unset() -> Self {
        Vec::new()
    }
    fn read_into<const BUILD: bool>(
        slot: Option<&mut Self>,
        tokens: &mut Tokenizer<'_>,
        path: &Path<'_>,
        sink: &mut Sink<'_>,
    ) -> Result<(), SyntaxError> {
        let element = slot.map(|list| {
            list.push(T::unset());
            list.last_mut()
        });
        T::read_into::<BUILD>(element.flatten(), tokens, path, sink)
    }
    fn store(&mut self, scalar: Scalar<'_>) -> bool {
        T::from_scalar(scalar)
            .map(|value| self.push(value))
            .is_some()
    }
    /// An element lax mode reads as unset (`""`) is kept as the element type's unset value;
    /// a typed value (a `Uuid`, a `chrono` date: one with a [`Field::FORMAT`]) has no unset
    /// form, and is left out rather than made up (a nil UUID, 1970-01-01).
    fn store_unset(&mut self) {
        if T::FORMAT.is_none() {
            self.push(T::unset());
        }
    }
    fn validate_elements<S: Schema>(&self, index: usize, path: &Path<'_>, sink: &mut Sink<'_>) {
        if self.is_empty() {
            S::__check_field(index, None, path, sink);
        }
        for (i, element) in self.iter().enumerate() {
            let at = path.index(i);
            if T::SHAPE == Shape::Nested {
                element.dive(&at, sink);
            } else {
                element.with_scalar(|value| S::__check_field(index, value, &at, sink));
            }
        }
    }
}

//! What the object loop knows of a struct's fields beforehand (which draw a warning when
//! present, which are required), and which fields a record has met.

use crate::spec::{FieldClass, FieldSpec, Rule};
use crate::Schema;

/// What the loop needs to know of the first 128 fields of a struct's table, computed once at
/// compile time (a struct with more fields has the rest looked at one by one).
pub(super) struct Layout<S>(std::marker::PhantomData<S>);

impl<S: Schema> Layout<S> {
    /// The fields whose class draws a warning when present.
    pub(super) const NOTICED: u128 = mask(S::FIELDS, Select::Noticed);
    /// The required fields.
    pub(super) const REQUIRED: u128 = mask(S::FIELDS, Select::Required);
    /// Whether any field is a list (for most structs none is, and the test folds away).
    pub(super) const HAS_LISTS: bool = {
        let mut found = false;
        let mut i = 0;
        while i < S::FIELDS.len() {
            found |= S::FIELDS[i].list;
            i += 1;
        }
        found
    };
}

/// Which fields [`mask`] selects.
#[derive(Clone, Copy)]
pub(super) enum Select {
    Noticed,
    Required,
}

/// Whether `field` is one that `select` picks.
pub(super) const fn picks(field: &FieldSpec, select: Select) -> bool {
    match select {
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
    }
}

/// The bit set of the first 128 `fields` that `select` picks.
const fn mask(fields: &[FieldSpec], select: Select) -> u128 {
    let mut mask = 0;
    let mut i = 0;
    while i < fields.len() && i < 128 {
        if picks(&fields[i], select) {
            mask |= 1 << i;
        }
        i += 1;
    }
    mask
}

/// The fields of an object that were met: a bit set, on the stack for the first 128.
#[derive(Default)]
pub(super) struct Seen {
    pub(super) first: u128,
    pub(super) rest: Vec<u64>,
}

impl Seen {
    /// Marks field `index` as met; `false` when it was met before.
    #[inline]
    pub(super) fn first_time(&mut self, index: usize) -> bool {
        if index < 128 {
            let bit = 1u128 << index;
            let new = self.first & bit == 0;
            self.first |= bit;
            return new;
        }
        let (word, bit) = ((index - 128) / 64, 1u64 << ((index - 128) % 64));
        if self.rest.len() <= word {
            self.rest.resize(word + 1, 0);
        }
        let new = self.rest[word] & bit == 0;
        self.rest[word] |= bit;
        new
    }

    /// Whether field `index` was met.
    pub(super) fn has(&self, index: usize) -> bool {
        if index < 128 {
            return self.first & (1u128 << index) != 0;
        }
        let (word, bit) = ((index - 128) / 64, 1u64 << ((index - 128) % 64));
        self.rest.get(word).is_some_and(|w| w & bit != 0)
    }
}

/// The place in the order of field `index`.
pub(super) fn place(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

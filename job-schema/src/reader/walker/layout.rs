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
    /// Whether the struct has at most 64 fields, so that [`Seen`] needs one word.
    pub(super) const FEW: bool = S::FIELDS.len() <= 64;
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
///
/// The first 128 fields are two `u64` words; for a struct of at most 64 fields
/// ([`Layout::FEW`]) only the first word is used, so that marking a key is one shift of a
/// `u64` (a shift of a `u128` by a variable amount costs a branch and two shifts).
pub(super) struct Seen<S> {
    words: [u64; 2],
    rest: Vec<u64>,
    of: std::marker::PhantomData<S>,
}

impl<S> Default for Seen<S> {
    fn default() -> Self {
        Seen {
            words: [0; 2],
            rest: Vec::new(),
            of: std::marker::PhantomData,
        }
    }
}

impl<S: Schema> Seen<S> {
    /// The word of the first two and the bit in it of field `index` (below 128).
    #[inline]
    fn word_bit(index: usize) -> (usize, u64) {
        if Layout::<S>::FEW {
            // `index` is below the struct's field count, so at most 63 here.
            debug_assert!(index < 64);
            (0, 1 << (index % 64))
        } else {
            ((index / 64) % 2, 1 << (index % 64))
        }
    }

    /// Marks field `index` (below the struct's field count) as met; `false` when it was met
    /// before.
    #[inline]
    pub(super) fn first_time(&mut self, index: usize) -> bool {
        if Layout::<S>::FEW || index < 128 {
            let (word, bit) = Self::word_bit(index);
            let new = self.words[word] & bit == 0;
            self.words[word] |= bit;
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
        if Layout::<S>::FEW || index < 128 {
            let (word, bit) = Self::word_bit(index);
            return self.words[word] & bit != 0;
        }
        let (word, bit) = ((index - 128) / 64, 1u64 << ((index - 128) % 64));
        self.rest.get(word).is_some_and(|w| w & bit != 0)
    }

    /// The first 128 fields met, as a bit set (for [`Layout::NOTICED`] and
    /// [`Layout::REQUIRED`]).
    #[inline]
    pub(super) fn first(&self) -> u128 {
        u128::from(self.words[1]) << 64 | u128::from(self.words[0])
    }
}

/// The place in the order of field `index`.
pub(super) fn place(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

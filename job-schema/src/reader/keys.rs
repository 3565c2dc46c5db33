//! Keys: what a key of an object is (a field, a custom field, an unknown key), its repeats,
//! and the "did you mean" suggestion for an unknown one.
//!
//! A key that names a field is found by the generated match (`Schema::__field_index`) and
//! its repeats by a bit per field; any other key is remembered in [`ExtraKeys`], where a
//! repeat is found in constant time, so that a body's keys cost time linear in their number
//! whatever their shape (distinct, repeated, custom or unknown).

use std::borrow::Cow;
use std::collections::HashSet;

use crate::homes::{self, Home};
use crate::path::Path;
use crate::report::{Code, Form, Params, Texts, Violation};
use crate::sink::Sink;
use crate::spec::FieldSpec;

/// Whether `key` is `prefix` followed by one or more of `[a-z0-9_]`.
pub fn is_custom_key(prefix: &str, key: &str) -> bool {
    key.strip_prefix(prefix)
        .is_some_and(|rest| custom_rest(rest.as_bytes()))
}

/// Whether `rest` is one or more of `[a-z0-9_]`, tested in blocks of fixed size (16 bytes,
/// or 8 when shorter; byte by byte under 8), the last block overlapping the one before it:
/// each block is one test over every byte without early exit, which compiles to vector
/// instructions with no loop over the bytes left over.
fn custom_rest(rest: &[u8]) -> bool {
    fn fits(b: u8) -> bool {
        matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_')
    }
    fn block<const N: usize>(bytes: &[u8; N]) -> bool {
        bytes.iter().fold(true, |all, &b| all & fits(b))
    }
    if let Some(last) = rest.last_chunk::<16>() {
        let (blocks, _) = rest.as_chunks::<16>();
        blocks.iter().fold(block(last), |all, b| all & block(b))
    } else if let (Some(first), Some(last)) = (rest.first_chunk::<8>(), rest.last_chunk::<8>()) {
        block(first) & block(last)
    } else {
        !rest.is_empty() && rest.iter().fold(true, |all, &b| all & fits(b))
    }
}

/// How many extra keys [`ExtraKeys`] compares as they are before it builds a hash set.
const INLINE_EXTRA_KEYS: usize = 8;

#[cfg(test)]
thread_local! {
    /// Key comparisons made by [`ExtraKeys`] (tests count work with it).
    pub(crate) static COMPARISONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts `n` key comparisons (in tests only).
#[inline]
fn counted(n: usize) {
    #[cfg(test)]
    COMPARISONS.with(|c| c.set(c.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// The keys of an object that are not fields of the table (custom and unknown keys), to find
/// repeats.
///
/// The first few live on the stack, compared as they are (an object rarely has more than a
/// handful); past them, every key goes into a hash set with the standard library's keyed
/// (randomly seeded) hasher, so that no set of keys, however crafted, makes finding a repeat
/// cost more than a constant on average. Keys borrowed from the input are not copied.
#[derive(Debug, Default)]
pub(crate) struct ExtraKeys<'de> {
    inline: [Cow<'de, str>; INLINE_EXTRA_KEYS],
    count: usize,
    /// Made when the inline keys are full (most objects never need it).
    spilled: Option<HashSet<Cow<'de, str>>>,
}

impl<'de> ExtraKeys<'de> {
    /// Records `key`; `false` when it was seen before.
    // The `Cow` itself is kept: a key borrowed from the input is stored without a copy.
    #[allow(clippy::ptr_arg)]
    pub(crate) fn first_time(&mut self, key: &Cow<'de, str>) -> bool {
        let inline = &self.inline[..self.count.min(INLINE_EXTRA_KEYS)];
        counted(inline.len());
        if inline.iter().any(|seen| seen == key) {
            return false;
        }
        if let Some(slot) = self.inline.get_mut(self.count) {
            slot.clone_from(key);
        } else {
            // One hashed lookup: an equal hash costs one comparison of the text.
            counted(1);
            if !self
                .spilled
                .get_or_insert_with(HashSet::new)
                .insert(key.clone())
            {
                return false;
            }
        }
        self.count += 1;
        true
    }
}

/// The `duplicate_field` error.
pub(crate) fn duplicate(path: &Path<'_>, sink: &mut Sink<'_>) {
    let violation = Violation::new(
        Code::DuplicateField,
        "appears more than once; every copy is rejected rather than guessing which one counts",
    );
    sink.error(path, violation, None);
}

/// The `unknown_field` warning, naming the key's home when `homes` has one for it (see
/// [`crate::homes`]), else with a suggestion when a field name is close; an error when the
/// record denies unknown keys (`deny`, from `#[serde(deny_unknown_fields)]`).
///
/// `keys` are the fields' [`NameKey`]s (`Schema::__NAME_KEYS`); when they do not match the
/// fields (a table written by hand), they are worked out here.
pub fn unknown(
    key: &str,
    fields: &[FieldSpec],
    keys: &[NameKey],
    homes: &[Home],
    deny: bool,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    let at = path.key(key);
    if let Some(home) = homes::find(homes, key) {
        let lead = if deny {
            "is not a field of this record, which accepts no other key; "
        } else {
            "is not a field of this record; "
        };
        let violation = Violation::new(Code::UnknownField, format!("{lead}{}", home.advice))
            .with_params(Params::Home {
                home: Texts::from_static(home.places),
            });
        if deny {
            sink.error(&at, violation, None);
        } else {
            sink.warn(&at, violation, None);
        }
        return;
    }
    let names = fields.iter().map(|f| f.name);
    let suggestion = if keys.len() == fields.len() {
        search(key, names.zip(keys.iter().copied().map(Some)))
    } else {
        suggest(key, names)
    };
    let violation = match suggestion {
        Some(s) => Violation::deferred(
            Code::UnknownField,
            Form::Unknown,
            Params::Suggestion {
                suggestion: Cow::Borrowed(s),
            },
        ),
        None if deny => Violation::new(
            Code::UnknownField,
            "is not a field of this record, which accepts no other key",
        ),
        None => Violation::new(
            Code::UnknownField,
            "is not a field of this record; it is ignored",
        ),
    };
    if deny {
        sink.error(&at, violation, None);
    } else {
        sink.warn(&at, violation, None);
    }
}

/// The closest of `candidates` to `key`: equal ignoring case, or within an edit distance of
/// a third of the key's length (at least 1, and 2 from four characters on).
pub fn suggest<'c>(
    key: &str,
    candidates: impl Iterator<Item = &'c str> + Clone,
) -> Option<&'c str> {
    search(key, candidates.map(|c| (c, None)))
}

/// What the "did you mean" search needs to know of a name before measuring a key against it:
/// its length in characters, whether it is ASCII, and which of 32 byte classes (a byte's low
/// five bits) it holds once and which twice or more. Between ASCII texts, a key whose bytes,
/// counted by class up to two, differ from a name's by `k` (as multisets, the larger of what
/// one holds beyond the other and the other beyond it) is at least `k` edits away: each edit
/// removes or adds at most one byte on each side. So most names are passed over unmeasured.
///
/// `#[derive(Schema)]` computes it for each field at compile time (`__private::Plumbing::__NAME_KEYS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameKey {
    chars: usize,
    ascii: bool,
    /// The classes held (low 32 bits) and those held at least twice (high 32 bits), so that
    /// one count of bits compares both.
    classes: u64,
}

impl NameKey {
    /// The key of `name`.
    pub const fn of(name: &str) -> NameKey {
        NameKey::bytes_of(name.as_bytes())
    }

    /// The key of the UTF-8 text `bytes`.
    const fn bytes_of(bytes: &[u8]) -> NameKey {
        let mut key = NameKey {
            chars: 0,
            ascii: true,
            classes: 0,
        };
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // Every byte but a UTF-8 continuation byte starts a character.
            if b & 0xC0 != 0x80 {
                key.chars += 1;
            }
            key.ascii &= b < 0x80;
            let class = 1u64 << (b & 31);
            // Held before: now held twice.
            key.classes |= class | ((key.classes & class) << 32);
            i += 1;
        }
        key
    }

    /// The fewest edits between two ASCII texts with these keys: the bytes one holds beyond
    /// the other, counted by class up to two, whichever side holds more.
    const fn least_edits(self, other: NameKey) -> u32 {
        let missing = (self.classes & !other.classes).count_ones();
        let extra = (other.classes & !self.classes).count_ones();
        if missing > extra {
            missing
        } else {
            extra
        }
    }
}

/// [`suggest`] over names with their [`NameKey`]s when they are known.
///
/// The names are read once, in order; a name is measured only when its length and its
/// [`NameKey`] leave it a chance to be closer than the closest so far (or, first, within the
/// limit), so that the bound tightens as the search goes: after a name one edit away, only a
/// name equal to the key but for case can change the answer, and no other is measured.
pub(crate) fn search<'c>(
    key: &str,
    candidates: impl Iterator<Item = (&'c str, Option<NameKey>)>,
) -> Option<&'c str> {
    // An ASCII key (nearly every key) is lower-cased on the stack, and read as bytes.
    let mut buffer = [0u8; 64];
    let owned;
    let lower: &[u8] = match buffer.get_mut(..key.len()) {
        Some(bytes) if key.is_ascii() => {
            bytes.copy_from_slice(key.as_bytes());
            bytes.make_ascii_lowercase();
            bytes
        }
        _ => {
            owned = key.to_lowercase();
            owned.as_bytes()
        }
    };
    // As text, for a name measured character by character (made when one first is).
    let mut lower_text = None;
    let lower_key = NameKey::bytes_of(lower);
    let len = lower_key.chars;
    let limit = (len / 3).max(if len >= 4 { 2 } else { 1 });
    // Filled in place when a first name is measured (most searches measure one or two).
    let mut pattern = BitPattern::EMPTY;
    let bit_parallel = BitPattern::fits(lower);
    let mut best = None;
    // The largest distance at which a name changes the answer: within the limit at first,
    // then closer than the closest so far (so that, at equal distance, the first one stays).
    let mut bound = limit;
    for (c, c_key) in candidates {
        // The distance is at least the difference in length: skip the far ones unmeasured
        // (an ASCII name's length in characters is its length in bytes).
        let (chars, ascii) = match c_key {
            Some(c_key) => (c_key.chars, c_key.ascii),
            None if c.is_ascii() => (c.len(), true),
            None => (c.chars().count(), false),
        };
        if chars.abs_diff(len) > bound {
            continue;
        }
        // A name equal to the key but for case is the answer, whatever else is close.
        if c.len() == lower.len() && c.as_bytes().eq_ignore_ascii_case(lower) {
            return Some(c);
        }
        // Any other name is at least one edit away.
        if bound == 0 {
            continue;
        }
        let distance = if bit_parallel && ascii {
            // Between ASCII texts, a class is a set of characters.
            if c_key.is_some_and(|c_key| lower_key.least_edits(c_key) as usize > bound) {
                continue;
            }
            if pattern.len == 0 {
                pattern.fill(lower);
            }
            pattern.distance(c.as_bytes(), bound)
        } else {
            let text =
                lower_text.get_or_insert_with(|| std::str::from_utf8(lower).unwrap_or_default());
            edit_distance(text, c, bound)
        };
        if distance <= bound {
            best = Some(c);
            bound = distance.saturating_sub(1);
        }
    }
    best
}

/// A short ASCII key prepared for Myers' bit-parallel Levenshtein distance (as Hyyrö
/// formulates it): one machine word per row instead of one cell per character pair, so that
/// a misspelt key is measured against every field name in a few hundred instructions.
struct BitPattern {
    /// For each byte, the positions of the key where it occurs.
    positions: [u64; 128],
    len: usize,
}

impl BitPattern {
    /// No pattern yet (see [`BitPattern::fill`]).
    const EMPTY: BitPattern = BitPattern {
        positions: [0; 128],
        len: 0,
    };

    /// Whether `key` can be a pattern: ASCII and 1 to 64 bytes long.
    fn fits(key: &[u8]) -> bool {
        !key.is_empty() && key.len() <= 64 && key.is_ascii()
    }

    /// Makes an empty pattern the pattern of `key`, which [`BitPattern::fits`].
    fn fill(&mut self, key: &[u8]) {
        for (i, &b) in key.iter().enumerate() {
            if let Some(at) = self.positions.get_mut(usize::from(b)) {
                *at |= 1 << (i & 63);
            }
        }
        self.len = key.len();
    }

    /// The Levenshtein distance between the key and the ASCII `text` when it is at most
    /// `limit`; some larger number otherwise (the scan stops once the distance cannot come
    /// back under `limit`: the score drops by at most one per byte of `text` left).
    fn distance(&self, text: &[u8], limit: usize) -> usize {
        let last = 1u64 << (self.len - 1);
        let mut plus = u64::MAX;
        let mut minus = 0u64;
        let mut score = self.len;
        for (read, &b) in text.iter().enumerate() {
            if score > limit.saturating_add(text.len() - read) {
                return score;
            }
            let equal = self.positions.get(usize::from(b)).copied().unwrap_or(0);
            let vertical = equal | minus;
            let horizontal = ((equal & plus).wrapping_add(plus) ^ plus) | equal;
            let mut up = minus | !(horizontal | plus);
            let mut down = plus & horizontal;
            if up & last != 0 {
                score += 1;
            } else if down & last != 0 {
                score -= 1;
            }
            up = (up << 1) | 1;
            down <<= 1;
            plus = down | !(vertical | up);
            minus = up & vertical;
        }
        score
    }
}

/// The Levenshtein distance between two strings, in characters, when it is at most
/// `limit`; some larger number otherwise (the computation stops as soon as every entry of a
/// row exceeds `limit`, since the distance can only grow from there).
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    if a.is_ascii() && b.is_ascii() {
        return bounded_distance(a.as_bytes(), b.as_bytes(), limit);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    bounded_distance(&a, &b, limit)
}

/// The Levenshtein DP over one row, stopping early past `limit`.
fn bounded_distance<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> usize {
    // Field names are short: the row lives on the stack.
    const STACK: usize = 64;
    let mut stack = [0usize; STACK + 1];
    let mut heap = Vec::new();
    let row: &mut [usize] = if b.len() <= STACK {
        &mut stack[..=b.len()]
    } else {
        heap.resize(b.len() + 1, 0);
        &mut heap
    };
    for (j, cell) in row.iter_mut().enumerate() {
        *cell = j;
    }
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        let mut least = row[0];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(previous + 1).min(row[j] + 1);
            least = least.min(row[j + 1]);
        }
        if least > limit {
            return least;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests;

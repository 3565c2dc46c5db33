//! Keys: what a key of an object is (a field, a custom field, an unknown key), its repeats,
//! and the "did you mean" suggestion for an unknown one.
//!
//! A key that names a field is found by the generated match (`Schema::__field_index`) and
//! its repeats by a bit per field; any other key is remembered in [`ExtraKeys`], where a
//! repeat is found in constant time, so that a body's keys cost time linear in their number
//! whatever their shape (distinct, repeated, custom or unknown).

use std::borrow::Cow;
use std::collections::HashSet;

use crate::path::Path;
use crate::report::{Code, Form, Params, Violation};
use crate::sink::Sink;
use crate::spec::FieldSpec;

/// Whether `key` is `prefix` followed by one or more of `[a-z0-9_]`.
pub fn is_custom_key(prefix: &str, key: &str) -> bool {
    // One test over every byte, without early exit, so that it compiles to vector instructions.
    key.strip_prefix(prefix).is_some_and(|rest| {
        !rest.is_empty()
            && rest.bytes().fold(true, |fits, b| {
                fits & matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_')
            })
    })
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

/// The `unknown_field` warning, with a suggestion when a field name is close; an error when
/// the record denies unknown keys (`deny`, from `#[serde(deny_unknown_fields)]`).
///
/// `keys` are the fields' [`NameKey`]s (`Schema::__NAME_KEYS`); when they do not match the
/// fields (a table written by hand), they are worked out here.
pub fn unknown(
    key: &str,
    fields: &[FieldSpec],
    keys: &[NameKey],
    deny: bool,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
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
    let at = path.key(key);
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
/// its length in characters, whether it is ASCII, and which of 64 byte classes (a byte's low
/// six bits) it holds. A key that holds `k` classes the name lacks (or lacks `k` it holds)
/// is at least `k` edits away, so many names are passed over unmeasured.
///
/// `#[derive(Schema)]` computes it for each field at compile time (`__private::Plumbing::__NAME_KEYS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameKey {
    chars: usize,
    ascii: bool,
    classes: u64,
}

impl NameKey {
    /// The key of `name`.
    pub const fn of(name: &str) -> NameKey {
        let bytes = name.as_bytes();
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
            key.classes |= 1 << (b & 63);
            i += 1;
        }
        key
    }

    /// The fewest edits between two ASCII texts with these keys.
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
pub(crate) fn search<'c>(
    key: &str,
    candidates: impl Iterator<Item = (&'c str, Option<NameKey>)>,
) -> Option<&'c str> {
    // An ASCII key (nearly every key) is lower-cased on the stack.
    let mut buffer = [0u8; 64];
    let owned;
    let lower: &str = match buffer.get_mut(..key.len()) {
        Some(bytes) if key.is_ascii() => {
            bytes.copy_from_slice(key.as_bytes());
            bytes.make_ascii_lowercase();
            std::str::from_utf8(bytes).unwrap_or_default()
        }
        _ => {
            owned = key.to_lowercase();
            &owned
        }
    };
    let lower_key = NameKey::of(lower);
    let len = lower_key.chars;
    let limit = (len / 3).max(if len >= 4 { 2 } else { 1 });
    let pattern = BitPattern::new(lower);
    let mut best: Option<(usize, &str)> = None;
    for (c, c_key) in candidates {
        // A name equal to the key but for case is the answer, whatever else is close.
        if c.len() == lower.len() && c.eq_ignore_ascii_case(lower) {
            return Some(c);
        }
        // The distance is at least the difference in length: skip the far ones unmeasured
        // (an ASCII name's length in characters is its length in bytes).
        let (chars, ascii) = match c_key {
            Some(c_key) => (c_key.chars, c_key.ascii),
            None if c.is_ascii() => (c.len(), true),
            None => (c.chars().count(), false),
        };
        if chars.abs_diff(len) > limit {
            continue;
        }
        // Only a candidate closer than the best so far can change the answer.
        let bound = best.map_or(limit, |(d, _)| d.saturating_sub(1));
        let distance = match &pattern {
            Some(pattern) if ascii => {
                // Between ASCII texts, a class is a set of characters.
                if c_key.is_some_and(|c_key| lower_key.least_edits(c_key) as usize > bound) {
                    continue;
                }
                pattern.distance(c.as_bytes(), bound)
            }
            _ => edit_distance(lower, c, bound),
        };
        if distance <= bound && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, c));
        }
    }
    best.map(|(_, c)| c)
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
    /// The pattern of `key`, when it is ASCII and 1 to 64 bytes long.
    fn new(key: &str) -> Option<BitPattern> {
        if key.is_empty() || key.len() > 64 || !key.is_ascii() {
            return None;
        }
        let mut positions = [0u64; 128];
        for (i, b) in key.bytes().enumerate() {
            positions[usize::from(b)] |= 1 << i;
        }
        Some(BitPattern {
            positions,
            len: key.len(),
        })
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
mod tests {
    use super::*;
    use crate::Schema;

    /// The plain Levenshtein distance, for comparison.
    fn levenshtein(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut previous = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let substitution = previous + usize::from(ca != *cb);
                previous = row[j + 1];
                row[j + 1] = substitution.min(previous + 1).min(row[j] + 1);
            }
        }
        row[b.len()]
    }

    #[test]
    fn a_custom_key_is_the_prefix_then_lower_case_letters_digits_and_underscores() {
        for c in (0..=0x7f_u8).map(char::from).chain(['é', 'Ω', '😀']) {
            let expected = c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_';
            assert_eq!(is_custom_key("cf_", &format!("cf_{c}")), expected, "{c:?}");
            assert_eq!(
                is_custom_key("cf_", &format!("cf_ab{c}9")),
                expected,
                "{c:?}"
            );
        }
        assert!(!is_custom_key("cf_", "cf_"));
        assert!(!is_custom_key("cf_", "xcf_a"));
        assert!(is_custom_key("cf_", "cf_a_1"));
    }

    #[test]
    fn repeats_among_extra_keys_are_found_past_the_inline_ones() {
        let mut keys = ExtraKeys::default();
        for i in 0..INLINE_EXTRA_KEYS + 20 {
            assert!(keys.first_time(&Cow::Owned(format!("k{i}"))));
        }
        for i in 0..INLINE_EXTRA_KEYS + 20 {
            assert!(!keys.first_time(&Cow::Owned(format!("k{i}"))));
        }
        assert!(keys.first_time(&Cow::Borrowed("k")));
    }

    #[test]
    fn the_pruned_search_finds_what_measuring_every_name_finds() {
        // The plain search: every name measured, the first of the closest within the limit.
        fn plain<'c>(key: &str, names: &[&'c str]) -> Option<&'c str> {
            let lower = key.to_lowercase();
            if let Some(found) = names.iter().find(|c| c.eq_ignore_ascii_case(&lower)) {
                return Some(found);
            }
            let len = lower.chars().count();
            let limit = (len / 3).max(if len >= 4 { 2 } else { 1 });
            names
                .iter()
                .map(|c| (levenshtein(&lower, c), *c))
                .filter(|(d, _)| *d <= limit)
                .min_by_key(|(d, _)| *d)
                .map(|(_, c)| c)
        }
        let mut names: Vec<&str> = crate::Job::FIELDS.iter().map(|f| f.name).collect();
        // The keys the derive wrote are the keys of the names.
        let keys: Vec<NameKey> = names.iter().map(|n| NameKey::of(n)).collect();
        assert_eq!(
            <crate::Job as crate::__private::Plumbing>::__NAME_KEYS,
            keys.as_slice()
        );
        // Names that are not ASCII or not lower case take the other paths.
        names.extend(["café", "naïve_note", "Zone", "STATUS_CODE"]);
        let keys: Vec<Option<NameKey>> = names.iter().map(|n| Some(NameKey::of(n))).collect();
        let mut rng = crate::test_rng::Rng::new(0x00DD_BA11_u64);
        let mut next = |n: usize| rng.below(n);
        let mut suggested = 0;
        for round in 0..4_000 {
            // A field name with a few random edits, or a short random key.
            let mut key: Vec<char> = if round % 4 == 0 {
                Vec::new()
            } else {
                names[next(names.len())].chars().collect()
            };
            for _ in 0..next(5) {
                let c = ['a', 'e', 's', '_', 'é', 'Z', 'o'][next(7)];
                let at = next(key.len() + 1);
                match next(3) {
                    0 => key.insert(at, c),
                    1 if at < key.len() => key[at] = c,
                    _ if at < key.len() => drop(key.remove(at)),
                    _ => key.push(c),
                }
            }
            let key: String = key.into_iter().collect();
            let expected = plain(&key, &names);
            suggested += usize::from(expected.is_some());
            assert_eq!(suggest(&key, names.iter().copied()), expected, "{key:?}");
            let keyed = names.iter().copied().zip(keys.iter().copied());
            assert_eq!(search(&key, keyed), expected, "{key:?}");
        }
        // The cases exercise both answers.
        assert!((1_000..3_900).contains(&suggested), "{suggested}");
    }

    #[test]
    fn the_bit_parallel_distance_is_the_levenshtein_distance() {
        let mut words: Vec<String> = [
            "",
            "a",
            "ab",
            "ba",
            "status",
            "statsu",
            "purchase_order_no",
            "purchase_order_number",
            "job_adress",
            "job_address",
            "customfield_x",
        ]
        .iter()
        .map(|w| (*w).to_owned())
        .collect();
        words.push("x".repeat(64));
        words.push("xy".repeat(32));
        words.push("yx".repeat(40));
        let mut rng = crate::test_rng::Rng::new(0x1234_5678_u64);
        for _ in 0..300 {
            let mut word = String::new();
            let seed = rng.bits();
            for k in 0..(seed % 70) {
                let pick = seed.rotate_right(u32::try_from(k).unwrap()) % 4;
                word.push(char::from(b"abc_"[usize::try_from(pick).unwrap()]));
            }
            words.push(word);
        }
        for a in &words {
            let Some(pattern) = BitPattern::new(a) else {
                continue;
            };
            for b in &words {
                let exact = levenshtein(a, b);
                assert_eq!(
                    pattern.distance(b.as_bytes(), usize::MAX),
                    exact,
                    "{a:?} {b:?}"
                );
                // With a limit, exact within it and past it beyond.
                for limit in 0..6 {
                    let bounded = pattern.distance(b.as_bytes(), limit);
                    if exact <= limit {
                        assert_eq!(bounded, exact, "{a:?} {b:?} {limit}");
                    } else {
                        assert!(bounded > limit, "{a:?} {b:?} {limit}");
                    }
                }
            }
        }
    }

    #[test]
    fn bounded_distance_is_exact_within_the_limit() {
        let words = [
            "",
            "a",
            "status",
            "Status",
            "statsu",
            "purchase_order_no",
            "purchase_order_number",
            "job_adress",
            "job_address",
            "zürich",
            "zurich",
            "ÉÉÉ",
            &"x".repeat(70),
            &"xy".repeat(40),
        ];
        for a in words {
            for b in words {
                let exact = levenshtein(a, b);
                for limit in 0..6 {
                    let bounded = edit_distance(a, b, limit);
                    if exact <= limit {
                        assert_eq!(bounded, exact, "{a:?} {b:?} {limit}");
                    } else {
                        assert!(bounded > limit, "{a:?} {b:?} {limit}");
                    }
                }
            }
        }
    }
}

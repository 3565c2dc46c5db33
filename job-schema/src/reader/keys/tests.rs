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

/// `is_custom_key` as it was first written: every byte of the rest tested in one loop.
fn is_custom_key_byte_by_byte(prefix: &str, key: &str) -> bool {
    key.strip_prefix(prefix).is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_'))
    })
}

#[test]
fn the_block_test_of_a_custom_key_agrees_with_the_byte_loop() {
    // Every length up to 50 (either side of the blocks of 8 and 16 and of their overlap),
    // each with one byte out of the class at every position, and none.
    let mut tried = 0;
    for len in 0..=50 {
        for bad_at in (0..len).map(Some).chain([None]) {
            for bad in ['A', '-', ' ', '`', '{', '/', ':', '^', 'é'] {
                let rest: String = (0..len)
                    .map(|i| {
                        if Some(i) == bad_at {
                            bad
                        } else {
                            ['a', 'z', '0', '9', '_', 'm'][i % 6]
                        }
                    })
                    .collect();
                for prefix in ["customfield_", "cf_", ""] {
                    let key = format!("{prefix}{rest}");
                    assert_eq!(
                        is_custom_key(prefix, &key),
                        is_custom_key_byte_by_byte(prefix, &key),
                        "{key:?}"
                    );
                    tried += 1;
                }
            }
        }
    }
    assert!(tried > 30_000, "{tried}");
    // Keys that do not start with the prefix, or end inside it.
    for key in [
        "customfield",
        "customfielda",
        "xcustomfield_a",
        "Customfield_a",
    ] {
        assert!(!is_custom_key("customfield_", key), "{key}");
    }
    assert!(is_custom_key(
        "customfield_",
        "customfield_xero_tracking_cat_1"
    ));
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

/// The search as it was before names were passed over by the bound of the closest so far and
/// by bytes counted twice (kept to check that the answers did not change, ties included).
fn old_search<'c>(
    key: &str,
    candidates: impl Iterator<Item = (&'c str, Option<NameKey>)>,
) -> Option<&'c str> {
    let lower = key.to_lowercase();
    let lower_key = NameKey::of(&lower);
    let len = lower_key.chars;
    let limit = (len / 3).max(if len >= 4 { 2 } else { 1 });
    let mut pattern = BitPattern::EMPTY;
    let bit_parallel = BitPattern::fits(lower.as_bytes());
    if bit_parallel {
        pattern.fill(lower.as_bytes());
    }
    let mut best: Option<(usize, &str)> = None;
    for (c, c_key) in candidates {
        if c.len() == lower.len() && c.eq_ignore_ascii_case(&lower) {
            return Some(c);
        }
        let (chars, ascii) = match c_key {
            Some(c_key) => (c_key.chars, c_key.ascii),
            None if c.is_ascii() => (c.len(), true),
            None => (c.chars().count(), false),
        };
        if chars.abs_diff(len) > limit {
            continue;
        }
        let bound = best.map_or(limit, |(d, _)| d.saturating_sub(1));
        let distance = if bit_parallel && ascii {
            // The classes as they were: a byte's low six bits, held or not.
            let classes = |text: &str| text.bytes().fold(0u64, |set, b| set | 1 << (b & 63));
            let least = c_key.map_or(0, |_| {
                let (k, c) = (classes(&lower), classes(c));
                (k & !c).count_ones().max((c & !k).count_ones())
            });
            if least as usize > bound {
                continue;
            }
            pattern.distance(c.as_bytes(), bound)
        } else {
            edit_distance(&lower, c, bound)
        };
        if distance <= bound && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, c));
        }
    }
    best.map(|(_, c)| c)
}

#[test]
fn the_search_answers_as_the_old_search_did_ties_included() {
    let mut names: Vec<&str> = crate::Job::FIELDS.iter().map(|f| f.name).collect();
    // Names that tie (same length, one edit from the same keys), names that are not ASCII or
    // not lower case, and names that repeat a byte many times.
    names.extend([
        "geo_numbex",
        "geo_numbey",
        "café",
        "naïve_note",
        "Zone",
        "zone",
        "STATUS_CODE",
        "aaaa_bbbb",
        "abab_abab",
        "x",
    ]);
    let keyed: Vec<Option<NameKey>> = names.iter().map(|n| Some(NameKey::of(n))).collect();
    let mut rng = crate::test_rng::Rng::new(0x5EA2_C401_u64);
    let mut next = |n: usize| rng.below(n);
    let mut suggested = 0;
    let rounds = 60_000;
    for round in 0..rounds {
        let mut key: Vec<char> = if round % 5 == 0 {
            Vec::new()
        } else {
            names[next(names.len())].chars().collect()
        };
        for _ in 0..next(7) {
            let c = ['a', 'e', 'b', 'o', 's', '_', 'X', 'é', 'r', 'u', 'm'][next(11)];
            let at = next(key.len() + 1);
            match next(4) {
                0 => key.insert(at, c),
                1 if at < key.len() => key[at] = c,
                2 if at + 1 < key.len() => key.swap(at, at + 1),
                _ if at < key.len() => drop(key.remove(at)),
                _ => key.push(c),
            }
        }
        let key: String = key.into_iter().collect();
        // Table order matters for ties: every other round, the names in reverse.
        let order: Vec<usize> = if round % 2 == 0 {
            (0..names.len()).collect()
        } else {
            (0..names.len()).rev().collect()
        };
        let with_keys = || order.iter().map(|&i| (names[i], keyed[i]));
        let without = || order.iter().map(|&i| (names[i], None));
        let expected = old_search(&key, with_keys());
        suggested += usize::from(expected.is_some());
        assert_eq!(search(&key, with_keys()), expected, "{key:?}");
        assert_eq!(old_search(&key, without()), expected, "{key:?}");
        assert_eq!(search(&key, without()), expected, "{key:?}");
    }
    // Both answers are exercised.
    assert!(
        (rounds / 4..rounds * 19 / 20).contains(&suggested),
        "{suggested}"
    );
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
        if !BitPattern::fits(a.as_bytes()) {
            continue;
        }
        let mut pattern = BitPattern::EMPTY;
        pattern.fill(a.as_bytes());
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

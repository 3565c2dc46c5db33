//! Matching a key in the input against a struct's field names with a table the derive builds
//! at compile time, without a branch that depends on which key it is.
//!
//! Keys come in any order, so a match tree on the key's bytes (a jump on the first byte, then
//! one comparison after another) takes a different path at nearly every key, and the
//! processor's guess of that path is wrong about as often. Here every key takes the same
//! path: a fixed number of steps down a decision table (each step reads one byte of the key at
//! a position the table names, and the byte picks the next step), then one comparison of the
//! candidate's name, closing quote included, with the input, a word at a time under a mask.
//!
//! The positions are chosen by the derive so that the byte a step reads lies within every
//! candidate name left at that step, or is its closing quote (see
//! `job-schema-derive/src/emit.rs`): so the path of a key that is a field's name never depends
//! on the bytes after it, and a key that is no name ends at a candidate the comparison
//! rejects, or at the dead node 0.

/// The bytes of the input the lookup reads at once: a name and its closing quote fit in it.
pub const WINDOW: usize = 32;

/// A struct's decision table for [`field_at`], written by `#[derive(Schema)]`.
#[derive(Clone, Copy, Debug)]
pub struct KeyTrie {
    /// How many steps every lookup takes (the depth of the deepest leaf).
    pub depth: usize,
    /// Per node: the position (below `WINDOW`, 32) of the key byte the node reads.
    pub at: &'static [u8],
    /// Per node, 256 entries (one per byte value): the next node. Node 0 is dead (no name),
    /// node 1 the root; a leaf and node 0 lead to themselves.
    pub next: &'static [u8],
    /// Per node: one more than the index in `entries` of the leaf's name (0: none).
    pub leaf: &'static [u8],
    /// The names (aliases included).
    pub entries: &'static [KeyEntry],
}

/// One name of a [`KeyTrie`].
#[derive(Clone, Copy, Debug)]
pub struct KeyEntry {
    /// The index of the field it names.
    pub field: usize,
    /// The name's length in bytes (below `WINDOW`, 32).
    pub len: usize,
    /// The name and its closing quote, as four little-endian words, zero after the quote.
    pub words: [u64; 4],
    /// Which bytes of `words` are the name and its quote (0xFF each), the rest zero.
    pub masks: [u64; 4],
}

/// The field whose name, followed by its closing quote, starts `rest` (the bytes just after a
/// key's opening quote): its index and the name's length; `None` when no name of `trie` does
/// (the caller then scans the key).
#[inline]
pub fn field_at(rest: &[u8], trie: &KeyTrie) -> Option<(usize, usize)> {
    // Near the end of the input the window is padded with zeros, which no name holds.
    let mut padded = [0; WINDOW];
    let window: &[u8; WINDOW] = if let Some(window) = rest.get(..WINDOW) {
        window.try_into().ok()?
    } else {
        padded[..rest.len()].copy_from_slice(rest);
        &padded
    };
    let mut node = 1;
    for _ in 0..trie.depth {
        let at = usize::from(*trie.at.get(node)?) % WINDOW;
        let byte = usize::from(window[at]);
        node = usize::from(*trie.next.get(node * 256 + byte)?);
    }
    let entry = trie
        .entries
        .get(usize::from(*trie.leaf.get(node)?).checked_sub(1)?)?;
    let mut differ = 0;
    for (k, (word, mask)) in entry.words.iter().zip(&entry.masks).enumerate() {
        let mut eight = [0; 8];
        eight.copy_from_slice(&window[8 * k..8 * k + 8]);
        differ |= (u64::from_le_bytes(eight) ^ word) & mask;
    }
    (differ == 0).then_some((entry.field, entry.len))
}

#[cfg(test)]
mod tests {
    use crate::__private::Plumbing;
    use crate::{Job, Schema};

    /// Keys near the field names: each name, its prefixes, the name with a byte more, and the
    /// name with each byte changed.
    fn keys() -> Vec<Vec<u8>> {
        let mut keys = vec![b"".to_vec(), b"x".to_vec(), b"customfield_x".to_vec()];
        for field in Job::FIELDS {
            let name = field.name.as_bytes();
            for end in 0..=name.len() {
                keys.push(name[..end].to_vec());
            }
            for extra in [b'_', b'a', b's', 0] {
                keys.push([name, &[extra]].concat());
            }
            for at in 0..name.len() {
                for to in [b'a', b'_', b'Z', 0, 0xFF] {
                    let mut key = name.to_vec();
                    key[at] = to;
                    keys.push(key);
                }
            }
        }
        keys
    }

    /// The table agrees with the match on the scanned key (`__field_index`, written apart by
    /// the derive) for every key near a name, whatever follows the key's closing quote (the
    /// end of the input within the window, a quote, the value of a typical body).
    #[test]
    fn agrees_with_the_match_on_the_scanned_key() {
        let tails: [&[u8]; 7] = [
            b"",
            b":",
            b": \"",
            b"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"",
            b": \"2024-02-29 23:59:59\", \"status\": \"Quote\"}",
            &[0; 40],
            b":1}",
        ];
        let mut found = 0;
        for key in keys() {
            let expected = std::str::from_utf8(&key)
                .ok()
                .and_then(Job::__field_index)
                .map(|index| (index, key.len()));
            for tail in tails {
                let rest = [&key[..], b"\"", tail].concat();
                assert_eq!(
                    Job::__field_at(&rest),
                    expected,
                    "{:?}",
                    String::from_utf8_lossy(&rest)
                );
                found += usize::from(expected.is_some());
            }
        }
        // Every name was found, with each tail.
        assert!(found >= Job::FIELDS.len() * 7, "{found}");
    }

    /// A key without its closing quote in the input is never a name.
    #[test]
    fn an_unclosed_key_is_no_name() {
        for field in Job::FIELDS {
            assert_eq!(
                Job::__field_at(field.name.as_bytes()),
                None,
                "{}",
                field.name
            );
            let escaped = format!("{}\\\"\"", field.name);
            assert_eq!(Job::__field_at(escaped.as_bytes()), None, "{}", field.name);
        }
    }
}

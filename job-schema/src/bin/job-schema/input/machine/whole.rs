//! The fast path of the splitter: an object or array record that is valid JSON and closes
//! within the bytes at hand (an NDJSON line, nearly always) is followed in one tight loop,
//! strings eight bytes at a time, instead of byte by byte through the machine's states.
//!
//! It follows the same grammar as `grammar` and changes nothing until it has seen the
//! record close: anything else (a byte no JSON document holds there, the end of the bytes
//! before the record closes, nesting deeper than it follows) gives `None`, and the machine
//! reads the record from its first byte as before. So the records, their positions and their
//! flaws are the machine's own whichever path reads them (the tests compare the two).

/// A record read whole: its length and where its lines end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Whole {
    /// The record's length in bytes, up to and including the `}` or `]` that closes it.
    pub len: usize,
    /// How many newlines it holds (between tokens: a valid string holds none).
    pub newlines: usize,
    /// The offset of its last newline, if it holds one.
    pub last_newline: Option<usize>,
}

/// Where the grammar is between tokens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    /// A value (after `:`, or after `,` in an array).
    Value,
    /// A value or `]`, after `[`.
    ValueOrEnd,
    /// A key, after `,` in an object.
    Key,
    /// A key or `}`, after `{`.
    KeyOrEnd,
    /// `:`, after a key.
    Colon,
    /// `,` or the end of the innermost object or array, after a value.
    Next,
}

/// The deepest nesting the fast path follows (its levels are bits of a `u64`); a deeper
/// record goes to the byte-by-byte machine.
pub(super) const MAX_DEPTH: usize = 64;

/// Reads the object or array that `bytes` start with (`bytes[0]` is `{` or `[`), if it is
/// valid JSON, closes within `bytes` and nests at most `max_depth` levels (at most
/// [`MAX_DEPTH`]).
pub(super) fn whole_value(bytes: &[u8], max_depth: usize) -> Option<Whole> {
    let max_depth = max_depth.min(MAX_DEPTH);
    let mut i = 0;
    let mut depth = 0;
    // Bit `d` is set when level `d` is an object.
    let mut objects: u64 = 0;
    let mut newlines = 0;
    let mut last_newline = None;
    let mut want = Want::Value;
    loop {
        let b = *bytes.get(i)?;
        match b {
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'\n' => {
                newlines += 1;
                last_newline = Some(i);
                i += 1;
                continue;
            }
            _ => {}
        }
        let in_object = depth > 0 && objects >> (depth - 1) & 1 == 1;
        let closes = match (want, b) {
            (Want::Value | Want::ValueOrEnd, b'{' | b'[') => {
                if depth >= max_depth {
                    return None;
                }
                if b == b'{' {
                    objects |= 1 << depth;
                    want = Want::KeyOrEnd;
                } else {
                    objects &= !(1 << depth);
                    want = Want::ValueOrEnd;
                }
                depth += 1;
                i += 1;
                false
            }
            (Want::ValueOrEnd, b']') | (Want::KeyOrEnd, b'}') => true,
            (Want::Value | Want::ValueOrEnd, b'"') => {
                i = string_end(bytes, i + 1)?;
                want = Want::Next;
                false
            }
            (Want::Value | Want::ValueOrEnd, b'-' | b'0'..=b'9') => {
                i = number_end(bytes, i)?;
                want = Want::Next;
                false
            }
            (Want::Value | Want::ValueOrEnd, b't' | b'f' | b'n') => {
                let literal: &[u8] = match b {
                    b't' => b"true",
                    b'f' => b"false",
                    _ => b"null",
                };
                if !bytes.get(i..)?.starts_with(literal) {
                    // A literal cut off by the end of the bytes, or a wrong one.
                    return None;
                }
                i += literal.len();
                want = Want::Next;
                false
            }
            (Want::Key | Want::KeyOrEnd, b'"') => {
                i = string_end(bytes, i + 1)?;
                want = Want::Colon;
                false
            }
            (Want::Colon, b':') => {
                i += 1;
                want = Want::Value;
                false
            }
            (Want::Next, b',') => {
                i += 1;
                want = if in_object { Want::Key } else { Want::Value };
                false
            }
            (Want::Next, b'}') if in_object => true,
            (Want::Next, b']') if !in_object => true,
            _ => return None,
        };
        if closes {
            depth -= 1;
            i += 1;
            if depth == 0 {
                return Some(Whole {
                    len: i,
                    newlines,
                    last_newline,
                });
            }
            want = Want::Next;
        }
    }
}

/// The offset just past the closing quote of the string whose contents start at `from`, if
/// the string is valid JSON and ends within `bytes`.
fn string_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        i = special_at(bytes, i)?;
        match bytes[i] {
            b'"' => return Some(i + 1),
            b'\\' => match *bytes.get(i + 1)? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                b'u' => {
                    let hex = bytes.get(i + 2..i + 6)?;
                    if !hex.iter().all(u8::is_ascii_hexdigit) {
                        return None;
                    }
                    i += 6;
                }
                _ => return None,
            },
            // A control character: no JSON string holds one raw.
            _ => return None,
        }
    }
}

/// The offset of the first `"`, `\` or control character at or after `from`.
fn special_at(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let mut i = from;
    while let Some(word) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(word.try_into().ok()?);
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        // Each term flags a byte that is zero (is the quote, the backslash) or below 0x20;
        // a borrow can only flag bytes above a true match, so the lowest flag is exact.
        let flags = (quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash
            | word.wrapping_sub(ONES * 0x20) & !word)
            & HIGH;
        if flags != 0 {
            return Some(i + flags.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    let rest = bytes.get(i..)?;
    rest.iter()
        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
        .map(|at| i + at)
}

/// The offset just past the number that starts at `from`
/// (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`), if it is complete and something
/// follows it within `bytes`.
fn number_end(bytes: &[u8], from: usize) -> Option<usize> {
    let digits = |i: usize| {
        bytes.get(i..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let mut i = from;
    if bytes[i] == b'-' {
        i += 1;
    }
    match *bytes.get(i)? {
        b'0' => i += 1,
        b'1'..=b'9' => i += digits(i),
        _ => return None,
    }
    if bytes.get(i) == Some(&b'.') {
        let n = digits(i + 1);
        if n == 0 {
            return None;
        }
        i += 1 + n;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let n = digits(i);
        if n == 0 {
            return None;
        }
        i += n;
    }
    // The byte after the number decides whether it ended; at the end of the bytes, it may
    // go on in the next read.
    bytes.get(i)?;
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_special_byte_is_found_at_every_offset() {
        for special in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
            for len in 0..40 {
                for at in 0..len {
                    let mut bytes = vec![b'a'; len];
                    // Bytes just around the special ones, which a loose test could take
                    // for them.
                    for (k, b) in bytes.iter_mut().enumerate() {
                        *b = [b'a', 0x20, b'#', b']', 0x80, 0xff, b'!', 0x21][k % 8];
                    }
                    bytes[at] = special;
                    if at + 1 < len {
                        bytes[at + 1] = b'"';
                    }
                    assert_eq!(special_at(&bytes, 0), Some(at), "{bytes:?}");
                }
                let plain = vec![b'a'; len];
                assert_eq!(special_at(&plain, 0), None);
            }
        }
    }

    #[test]
    fn a_number_must_be_complete_and_followed() {
        assert_eq!(number_end(b"-12.5e+3,", 0), Some(8));
        assert_eq!(number_end(b"0}", 0), Some(1));
        assert_eq!(number_end(b"01", 0), Some(1));
        assert_eq!(number_end(b"12", 0), None);
        assert_eq!(number_end(b"-,", 0), None);
        assert_eq!(number_end(b"1.,", 0), None);
        assert_eq!(number_end(b"1e,", 0), None);
    }

    #[test]
    fn a_value_is_read_whole_only_when_it_closes() {
        let whole = whole_value(b"{\"a\": [1, {\"b\": null}],\n \"c\": \"\\u00e9\"}\n{", 64);
        assert_eq!(
            whole,
            Some(Whole {
                len: 39,
                newlines: 1,
                last_newline: Some(23)
            })
        );
        assert_eq!(whole_value(b"{\"a\": 1", 64), None);
        assert_eq!(whole_value(b"{\"a\": tru", 64), None);
        assert_eq!(whole_value(b"{\"a\": \"x\ny\"}", 64), None);
        assert_eq!(whole_value(b"{\"a\": 1}", 64).map(|w| w.len), Some(8));
        assert_eq!(whole_value(b"[[[]]]", 3).map(|w| w.len), Some(6));
        assert_eq!(whole_value(b"[[[]]]", 2), None);
        assert_eq!(whole_value(b"{\"a\" 1}", 64), None);
        assert_eq!(whole_value(b"{\"a\": 1,}", 64), None);
        assert_eq!(whole_value(b"[1}", 64), None);
    }
}

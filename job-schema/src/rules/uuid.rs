//! `uuid`: a hyphenated UUID.
//!
//! Accepted: exactly 36 characters, hex digits (either case) in groups of 8-4-4-4-12
//! separated by `-`. The version and variant bits are not checked, since `ServiceM8` issues its
//! own UUIDs. Rejected: braces (`{…}`), a `urn:uuid:` prefix, the 32-digit form without
//! hyphens, surrounding spaces, and anything else. `""` means "unset" in lax mode and is
//! accepted there; strict mode rejects it.

use crate::options::Mode;
use crate::report::formats::UUID_FORMAT as FORMAT;
use crate::report::{Code, Phrase, Violation};
use crate::rules;

/// Whether `value` is a hyphenated 8-4-4-4-12 hex UUID, in either case.
///
/// ```
/// use job_schema::rules::uuid;
/// assert!(uuid::is_uuid("5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17"));
/// assert!(!uuid::is_uuid("{5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17}"));
/// ```
pub fn is_uuid(value: &str) -> bool {
    /// A word with `byte` at every one of its eight bytes.
    const fn spread(byte: u8) -> u64 {
        u64::from_le_bytes([byte; 8])
    }
    /// The hyphens' bytes in the words read at 8 (bytes 8 and 13) and at 16 (18 and 23).
    const HYPHENS_AT_8: u64 = 0x0000_FF00_0000_00FF;
    const HYPHENS_AT_16: u64 = 0xFF00_0000_00FF_0000;
    /// The top bit of each byte.
    const TOPS: u64 = spread(0x80);
    /// The top bits of the bytes of `word` that are not hex digits. For a byte `y` below
    /// 0x80, `y + (0x80 - lo)` has its top bit set exactly when `y >= lo` and
    /// `y + (0x7F - hi)` exactly when `y > hi`, with no carry into the next byte; a letter
    /// is tested with bit 0x20 set, which maps `A`–`F` onto `a`–`f` and nothing else there.
    const fn not_hex(word: u64) -> u64 {
        let low = word & !TOPS;
        let digit = low.wrapping_add(spread(0x80 - b'0')) & !low.wrapping_add(spread(0x7F - b'9'));
        let lower = low | spread(0x20);
        let letter =
            lower.wrapping_add(spread(0x80 - b'a')) & !lower.wrapping_add(spread(0x7F - b'f'));
        (word | !(digit | letter)) & TOPS
    }
    let Ok(bytes) = <&[u8; 36]>::try_from(value.as_bytes()) else {
        return false;
    };
    let word = |at: usize| {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(eight)
    };
    // Five words cover the 36 bytes (the last two overlap); the four hyphens are compared
    // under a mask, then stand in as `0` for the hex test.
    let (middle_8, middle_16) = (word(8), word(16));
    let hyphens = ((middle_8 & HYPHENS_AT_8) ^ (spread(b'-') & HYPHENS_AT_8))
        | ((middle_16 & HYPHENS_AT_16) ^ (spread(b'-') & HYPHENS_AT_16));
    let zeroed = |word: u64, at: u64| (word & !at) | (spread(b'0') & at);
    let wrong = hyphens
        | not_hex(word(0))
        | not_hex(zeroed(middle_8, HYPHENS_AT_8))
        | not_hex(zeroed(middle_16, HYPHENS_AT_16))
        | not_hex(word(24))
        | not_hex(word(28));
    wrong == 0
}

/// [`is_uuid`] written byte by byte with a table: the tests' oracle.
#[cfg(test)]
fn is_uuid_by_table(value: &str) -> bool {
    let Ok(bytes) = <&[u8; 36]>::try_from(value.as_bytes()) else {
        return false;
    };
    if bytes[8] != b'-' || bytes[13] != b'-' || bytes[18] != b'-' || bytes[23] != b'-' {
        return false;
    }
    let mut all = true;
    for (i, &c) in bytes.iter().enumerate() {
        if !matches!(i, 8 | 13 | 18 | 23) {
            all &= HEX[usize::from(c)];
        }
    }
    all
}

/// Which bytes are hex digits, either case.
#[cfg(test)]
const HEX: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        #[allow(clippy::cast_possible_truncation)]
        let b = c as u8;
        table[c] = b.is_ascii_hexdigit();
        c += 1;
    }
    table
};

/// Accepts a UUID, and `""` in lax mode.
///
/// ```
/// use job_schema::rules::uuid;
/// use job_schema::{Code, Mode};
/// assert!(uuid::check("5F1B7E42-36A4-4C09-9D3E-2B1F0C6A8E17", Mode::Strict).is_ok());
/// assert!(uuid::check("", Mode::Lax).is_ok());
/// assert_eq!(uuid::check("", Mode::Strict).unwrap_err().code, Code::Uuid);
/// ```
#[inline]
pub fn check(value: &str, mode: Mode) -> Result<(), Violation> {
    if is_uuid(value) {
        return Ok(());
    }
    reject(value, mode)
}

/// [`check`] for a value that is not a UUID: accepted only as lax mode's `""`. Out of line,
/// so that a good value costs only its reading.
#[inline(never)]
fn reject(value: &str, mode: Mode) -> Result<(), Violation> {
    let unset = value.is_empty();
    rules::reject_unless_unset(Code::Uuid, Phrase::NotUuid, FORMAT, unset, mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17";

    #[test]
    fn either_case_passes() {
        assert!(is_uuid(GOOD));
        assert!(is_uuid(&GOOD.to_uppercase()));
        assert!(is_uuid("5F1b7E42-36a4-4C09-9d3e-2B1f0c6a8e17"));
        assert!(is_uuid("00000000-0000-0000-0000-000000000000"));
        // Version and variant bits are not checked.
        assert!(is_uuid("ffffffff-ffff-ffff-ffff-ffffffffffff"));
    }

    #[test]
    fn the_table_is_the_hex_digits() {
        for b in 0..=u8::MAX {
            assert_eq!(HEX[usize::from(b)], b.is_ascii_hexdigit(), "{b}");
        }
        for at in 0..36 {
            let mut bytes = GOOD.as_bytes().to_vec();
            bytes[at] = if matches!(at, 8 | 13 | 18 | 23) {
                b'0'
            } else {
                b'-'
            };
            assert!(!is_uuid(std::str::from_utf8(&bytes).unwrap()), "{at}");
        }
    }

    #[test]
    fn every_byte_at_every_position_agrees_with_the_table() {
        // Each of the 36 positions of a good UUID (lower and upper case) holds each of the
        // 256 bytes in turn: the words must judge as the table does, byte by byte.
        let mut accepted = 0;
        for base in [GOOD.to_owned(), GOOD.to_uppercase()] {
            for at in 0..36 {
                for b in 0..=u8::MAX {
                    let mut bytes = base.as_bytes().to_vec();
                    bytes[at] = b;
                    let text = String::from_utf8_lossy(&bytes);
                    let expected = is_uuid_by_table(&text);
                    accepted += usize::from(expected);
                    assert_eq!(is_uuid(&text), expected, "{text:?}");
                }
            }
        }
        // 22 hex digits at each of 32 positions, 1 hyphen at each of 4, in both cases.
        assert_eq!(accepted, 2 * (32 * 22 + 4));
    }

    #[test]
    fn a_two_byte_character_at_every_place_is_refused() {
        // 36 bytes with one character of U+0080..U+07FF in place of two ASCII bytes: the
        // low seven bits of its bytes are often hex digits or `-` (`°` is C2 B0), so only
        // the test of the high bit refuses them (the test above builds text from bytes, and
        // a lone byte past ASCII becomes a three-byte U+FFFD, which changes the length).
        for base in [GOOD.to_owned(), GOOD.to_uppercase()] {
            for at in 0..35 {
                for c in '\u{80}'..='\u{7ff}' {
                    let text = format!("{}{c}{}", &base[..at], &base[at + 2..]);
                    assert_eq!(text.len(), 36);
                    assert!(!is_uuid(&text), "{text:?}");
                    assert!(!is_uuid_by_table(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn random_near_uuids_agree_with_the_table() {
        let mut rng = crate::test_rng::Rng::new(0x0005_EED5_u64);
        // Bytes next to the hex ranges and the hyphen, and a few others.
        let odd = b"/09:@AFG`afg-,.\x00\x7f\x80\xb0\xc6\xe6 ";
        let hex = b"0123456789abcdefABCDEF";
        let mut counts = [0usize; 2];
        for round in 0..200_000 {
            let mut bytes: Vec<u8> = (0..36)
                .map(|i| {
                    if matches!(i, 8 | 13 | 18 | 23) {
                        b'-'
                    } else {
                        hex[rng.below(hex.len())]
                    }
                })
                .collect();
            // Two rounds in three, one to four bytes changed; an edit may change the length.
            if round % 3 != 0 {
                for _ in 0..=rng.below(4) {
                    let at = rng.below(bytes.len());
                    match rng.below(10) {
                        0 => drop(bytes.remove(at)),
                        1 => bytes.insert(at, odd[rng.below(odd.len())]),
                        _ => bytes[at] = odd[rng.below(odd.len())],
                    }
                }
            }
            let text = String::from_utf8_lossy(&bytes);
            let expected = is_uuid_by_table(&text);
            counts[usize::from(expected)] += 1;
            assert_eq!(is_uuid(&text), expected, "{text:?}");
        }
        // Both findings were reached often.
        assert!(counts.iter().all(|&c| c > 50_000), "{counts:?}");
    }

    #[test]
    fn other_forms_fail() {
        let braced = format!("{{{GOOD}}}");
        let urn = format!("urn:uuid:{GOOD}");
        let simple = GOOD.replace('-', "");
        let short = &GOOD[..35];
        let long = format!("{GOOD}0");
        let spaced = format!(" {GOOD}");
        for bad in [
            braced.as_str(),
            urn.as_str(),
            simple.as_str(),
            short,
            long.as_str(),
            spaced.as_str(),
            "5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e1g",
            "5f1b7e4236a4-4c09-9d3e-2b1f0c6a8e17-",
            "5f1b7e42_36a4_4c09_9d3e_2b1f0c6a8e17",
            "5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8é7",
            "",
        ] {
            assert!(!is_uuid(bad), "{bad:?}");
            assert_eq!(check(bad, Mode::Strict).unwrap_err().code, Code::Uuid);
        }
    }

    #[test]
    fn empty_is_unset_only_in_lax() {
        assert!(check("", Mode::Lax).is_ok());
        let v = check("", Mode::Strict).unwrap_err();
        assert_eq!(v.code, Code::Uuid);
        assert!(v.message(Some("")).contains("leave the field out"));
    }

    #[test]
    fn violation_names_value_and_format() {
        let v = check("{abc}", Mode::Lax).unwrap_err();
        assert_eq!(
            v.message(Some("{abc}")),
            "\"{abc}\" is not a UUID (8-4-4-4-12 hex digits, no braces)"
        );
        assert_eq!(v.params.format(), Some("8-4-4-4-12 hex digits"));
    }
}

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
    let Ok(bytes) = <&[u8; 36]>::try_from(value.as_bytes()) else {
        return false;
    };
    if bytes[8] != b'-' || bytes[13] != b'-' || bytes[18] != b'-' || bytes[23] != b'-' {
        return false;
    }
    // Every byte looked up without an early exit: 32 table reads the compiler keeps
    // branch-free, for a check that runs on every UUID field of every body.
    let mut all = true;
    for (i, &c) in bytes.iter().enumerate() {
        if !matches!(i, 8 | 13 | 18 | 23) {
            all &= HEX[usize::from(c)];
        }
    }
    all
}

/// Which bytes are hex digits, either case.
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

//! Arbitrary bytes into the record splitter of `job-schema check` and `job-schema serve`
//! (`job-schema/src/bin/job-schema/input.rs`, a module of the binary, compiled here from its
//! source file: the library's public surface is unchanged). No panic; every byte consumed;
//! the same records through a read buffer of 1 to 8 bytes as through a large one; records
//! within the limit; and a stream of valid JSON objects and arrays is never cut: each object,
//! and each element of an array, is one record with no flaw, its bytes as written (but the
//! whitespace after it on its line, which a record may keep), oversize exactly when the
//! value is longer than the limit.

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;

#[allow(dead_code)]
#[path = "../../job-schema/src/bin/job-schema"]
mod bin {
    pub mod input;
}

use bin::input::{Meta, Scanner};

/// The record limit: small, so that oversize records are met.
const LIMIT: usize = 1 << 10;

/// Every record of `input` read through a buffer of `capacity` bytes.
fn scan(capacity: usize, input: &[u8]) -> Vec<(Meta, Vec<u8>)> {
    let mut scanner = Scanner::with_capacity(capacity, LIMIT, input);
    let mut records = Vec::new();
    let mut buf = Vec::new();
    while let Some(meta) = scanner.next_record(&mut buf).expect("a slice reads") {
        assert!(buf.len() <= LIMIT, "a record of {} bytes kept", buf.len());
        assert!(!meta.oversize || buf.is_empty(), "oversize record kept");
        records.push((meta, std::mem::take(&mut buf)));
    }
    assert_eq!(
        scanner.bytes_read(),
        input.len() as u64,
        "bytes left unread"
    );
    records
}

/// The records a stream of valid objects and arrays of objects and arrays must give, or
/// `None` when `input` is not such a stream.
fn expected(input: &[u8]) -> Option<Vec<Vec<u8>>> {
    let mut records = Vec::new();
    for value in serde_json::Deserializer::from_slice(input).into_iter::<&RawValue>() {
        let text = value.ok()?.get();
        match text.as_bytes()[0] {
            b'{' => records.push(text.as_bytes().to_vec()),
            b'[' => {
                for element in serde_json::from_str::<Vec<&RawValue>>(text).ok()? {
                    let element = element.get();
                    if !matches!(element.as_bytes()[0], b'{' | b'[') {
                        return None;
                    }
                    records.push(element.as_bytes().to_vec());
                }
            }
            _ => return None,
        }
    }
    Some(records)
}

fuzz_target!(|data: &[u8]| {
    let Some(&first) = data.first() else {
        return;
    };
    let whole = scan(1 << 16, data);
    let small = scan(1 + usize::from(first % 8), data);
    assert_eq!(whole, small, "records differ with the buffer's size");
    let Some(expected) = expected(data) else {
        return;
    };
    assert_eq!(
        whole.len(),
        expected.len(),
        "a valid stream was cut otherwise"
    );
    for ((meta, bytes), value) in whole.iter().zip(&expected) {
        assert!(meta.flaw.is_none() && meta.parse, "{meta:?}");
        // Oversize exactly when the value is: the whitespace a record keeps after its value
        // on its line (`{"a":1}\r` in the splitter's tests) does not count.
        assert_eq!(meta.oversize, value.len() > LIMIT, "{meta:?}");
        let end = bytes
            .iter()
            .rposition(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .map_or(0, |last| last + 1);
        if !meta.oversize {
            assert_eq!(
                &bytes[..end],
                &value[..],
                "a valid record was cut otherwise"
            );
        }
    }
});

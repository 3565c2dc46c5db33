//! Finding the records in a stream of bytes, one at a time, without reading it whole.
//!
//! The input is a sequence of top-level JSON values separated by whitespace: one object
//! (compact or pretty-printed), NDJSON, objects one after another, or arrays. A top-level
//! array is opened and each of its elements is a record. The [`Scanner`] finds where each
//! record begins and ends with a state machine that follows the JSON grammar inside each
//! object or array record (strings, escapes, numbers, literals, and whether an object or an
//! array is open at each depth); it builds no values (the reader does that, record by
//! record).
//!
//! A record is valid so far while its bytes can still begin a JSON document. Such a record is
//! never cut: it ends where its value closes, whatever its lines look like, so a valid
//! document is always one record (a value that starts on the next line, as in
//! `{"note":` then `{"a":1}}`, belongs to it).
//!
//! A record stops being valid at the first byte that no JSON document could hold there (a
//! `{` after a complete member, a `}` that closes an array, a raw newline in a string…).
//! From then on it is *broken*: its nesting is followed loosely (brackets outside strings,
//! strings not past the end of their line), and it ends at the first of
//! - the bracket that brings that nesting back to the top, as for a valid record;
//! - the start of a line whose first non-blank byte is `{` or `[` at or left of the column
//!   where the broken record began: a new record starts there (the missing `}` of one record
//!   does not swallow the records after it). A nested object of a pretty-printed record is
//!   indented further than the record, so it does not end it. The broken record is cut at the
//!   end of its last non-blank line.
//!
//! Other malformed input:
//! - characters after a complete value on the same line (other than the start of another
//!   value) belong to that value's record, so `{"a":1}}` is one record with a syntax error;
//! - a stray token at the top level is a record that runs to the end of its line;
//! - in an array, a missing `,`, a trailing `,` before `]` and an array that never closes are
//!   [`Flaw`]s of the nearest record.
//!
//! A record still open at the end of the input ends there: it is unfinished, which the reader
//! reports. A record cut short where a value is due (after `:`, `[`, or `,` in an array)
//! takes what the next line holds as that value, since the two may still make one valid
//! document; the first byte that cannot continue them breaks it.
//!
//! A record longer than [`MAX_RECORD_BYTES`] is not kept (it is marked `oversize`), so memory
//! stays bounded whatever the input. Nesting deeper than that many levels is taken for a
//! broken record (no record within the limit nests so deep).

use std::io::{self, BufRead, BufReader, Read};

use machine::Machine;

mod machine;

/// The largest record kept for checking; longer ones are reported, not read.
pub const MAX_RECORD_BYTES: usize = 64 << 20;

/// The size of the read buffer.
const READ_BUFFER: usize = 256 << 10;

/// Where a record is and what the scanner found wrong around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meta {
    /// The 1-based line of the record's first byte.
    pub line: usize,
    /// The 1-based column (in bytes) of the record's first byte.
    pub column: usize,
    /// A fault in the structure around the record.
    pub flaw: Option<Flaw>,
    /// The record was longer than the limit; its bytes were not kept.
    pub oversize: bool,
    /// Whether the bytes are a record to read (`false` for a flaw with no record, such as
    /// an array that is opened and never closed).
    pub parse: bool,
}

/// A fault in the structure around a record, found by the scanner rather than the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flaw {
    /// Something other than `,` or `]` after an array element.
    MissingSeparator {
        /// The byte found.
        found: u8,
        /// Its 1-based line.
        line: usize,
        /// Its 1-based column.
        column: usize,
    },
    /// A `,` just before the `]` that closes the array.
    TrailingComma {
        /// The 1-based line of the `]`.
        line: usize,
        /// Its 1-based column.
        column: usize,
    },
    /// The input ended inside an array.
    UnclosedArray {
        /// The 1-based line of the array's `[`.
        line: usize,
        /// Its 1-based column.
        column: usize,
    },
}

/// Reads records one at a time from a byte stream.
pub struct Scanner<R> {
    reader: BufReader<R>,
    machine: Machine,
    bytes_read: u64,
}

impl<R: Read> Scanner<R> {
    /// A scanner over `reader`.
    pub fn new(reader: R) -> Scanner<R> {
        Scanner::with_capacity(READ_BUFFER, MAX_RECORD_BYTES, reader)
    }

    /// A scanner with a read buffer of `capacity` bytes that keeps records of at most
    /// `limit` bytes.
    pub fn with_capacity(capacity: usize, limit: usize, reader: R) -> Scanner<R> {
        Scanner {
            reader: BufReader::with_capacity(capacity, reader),
            machine: Machine::new(limit),
            bytes_read: 0,
        }
    }

    /// The same scanner without the machine's fast path, for the tests that compare the two.
    #[cfg(test)]
    fn plain(capacity: usize, limit: usize, reader: R) -> Scanner<R> {
        Scanner {
            machine: Machine::plain(limit),
            ..Scanner::with_capacity(capacity, limit, reader)
        }
    }

    /// How many bytes have been consumed so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// Whether the read buffer is empty, so that the next read may wait for more input.
    pub fn drained(&self) -> bool {
        self.reader.buffer().is_empty()
    }

    /// Appends the next record's bytes to `buf` and returns where it was; `None` at the end
    /// of the input.
    pub fn next_record(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<Meta>> {
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(self.machine.finish(buf));
            }
            let (used, found) = self.machine.step(chunk, buf);
            self.reader.consume(used);
            self.bytes_read += used as u64;
            if found.is_some() {
                return Ok(found);
            }
        }
    }
}

#[cfg(test)]
mod tests;

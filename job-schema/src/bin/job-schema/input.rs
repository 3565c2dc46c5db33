//! Finding the records in a stream of bytes, one at a time, without reading it whole.
//!
//! The input is a sequence of top-level JSON values separated by whitespace: one object
//! (compact or pretty-printed), NDJSON, objects one after another, or arrays. A top-level
//! array is opened and each of its elements is a record. The [`Scanner`] finds where each
//! record begins and ends with a small state machine that tracks strings, escapes and nesting
//! depth; it never parses values (the reader does that, record by record).
//!
//! Malformed input is cut into records so that one bad record does not swallow the ones after
//! it:
//! - a value still open at the end of the line it started on, when the next non-blank line
//!   starts with `{`, ends at that newline (a broken NDJSON line). A pretty-printed object is
//!   never cut, because its second line starts with a key or `}`;
//! - characters after a complete value on the same line (other than the start of another
//!   value) belong to that value's record, so `{"a":1}}` is one record with a syntax error;
//! - a stray token at the top level is a record that runs to the end of its line;
//! - in an array, a missing `,`, a trailing `,` before `]` and an array that never closes are
//!   [`Flaw`]s of the nearest record.
//!
//! A record longer than [`MAX_RECORD_BYTES`] is not kept (it is marked `oversize`), so memory
//! stays bounded whatever the input.

use std::io::{self, BufRead, BufReader, Read};

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Between top-level values.
    Top,
    /// In a top-level array, where an element (or `]`) is expected.
    Element,
    /// In an object or array record.
    Value,
    /// In a record that is not an object or array.
    Scalar,
    /// At the top level, after a complete value, on the line it ended.
    AfterValue,
    /// At the top level, in junk after a value, up to the end of the line.
    Garbage,
    /// In a top-level array, after an element.
    AfterElement,
    /// In a top-level array, after a `,`.
    AfterComma,
}

impl State {
    /// Whether the bytes seen in this state belong to the open record.
    fn keeps_bytes(self) -> bool {
        matches!(
            self,
            State::Value | State::Scalar | State::AfterValue | State::Garbage
        )
    }
}

/// The record being read.
#[derive(Clone, Copy, Debug)]
struct Open {
    line: usize,
    column: usize,
    start: usize,
    oversize: bool,
    flaw: Option<Flaw>,
}

struct Machine {
    state: State,
    limit: usize,
    line: usize,
    column: usize,
    /// How many bytes of a byte order mark have been skipped at the start, while
    /// `at_start`.
    bom_seen: usize,
    at_start: bool,
    in_array: bool,
    array_at: (usize, usize),
    depth: usize,
    text: Text,
    /// Where to cut the open record (an offset in the buffer) if the next non-blank byte
    /// is `{`: set at the newline that ends the record's first line while it is still open.
    cut_at: Option<usize>,
    open: Option<Open>,
}

/// Where the scanner is with respect to JSON strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Text {
    /// Not in a string.
    Outside,
    /// In a string.
    Inside,
    /// In a string, just after a `\`.
    Escaped,
}

impl Text {
    /// The state after `b`, inside a string.
    fn in_string(self, b: u8) -> Text {
        match (self, b) {
            (Text::Escaped, _) => Text::Inside,
            (_, b'\\') => Text::Escaped,
            (_, b'"') => Text::Outside,
            (state, _) => state,
        }
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Machine {
    fn new(limit: usize) -> Machine {
        Machine {
            state: State::Top,
            limit,
            line: 1,
            column: 1,
            bom_seen: 0,
            at_start: true,
            in_array: false,
            array_at: (1, 1),
            depth: 0,
            text: Text::Outside,
            cut_at: None,
            open: None,
        }
    }

    fn advance(&mut self, b: u8) {
        if b == b'\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
    }

    /// Keeps `bytes` in the open record, up to the limit.
    fn keep(&mut self, buf: &mut Vec<u8>, bytes: &[u8]) {
        let Some(open) = &mut self.open else { return };
        if open.oversize || bytes.is_empty() {
            return;
        }
        let room = self.limit - (buf.len() - open.start);
        if bytes.len() > room {
            buf.extend_from_slice(&bytes[..room]);
            open.oversize = true;
        } else {
            buf.extend_from_slice(bytes);
        }
    }

    fn begin(&mut self, buf: &[u8], first: u8) {
        self.open = Some(Open {
            line: self.line,
            column: self.column,
            start: buf.len(),
            oversize: false,
            flaw: None,
        });
        self.depth = 0;
        self.text = Text::Outside;
        self.cut_at = None;
        self.state = if matches!(first, b'{' | b'[') {
            State::Value
        } else {
            State::Scalar
        };
    }

    fn flaw(&mut self, flaw: Flaw) {
        if let Some(open) = &mut self.open {
            open.flaw.get_or_insert(flaw);
        }
    }

    fn end(&mut self, buf: &mut Vec<u8>) -> Option<Meta> {
        let open = self.open.take()?;
        if open.oversize {
            buf.truncate(open.start);
        }
        Some(Meta {
            line: open.line,
            column: open.column,
            flaw: open.flaw,
            oversize: open.oversize,
            parse: true,
        })
    }

    fn close_array(&mut self) {
        self.in_array = false;
        self.state = State::Top;
    }

    /// Reads from `chunk`: how many bytes were consumed, and the record that ended, if one
    /// did. Bytes of the open record are appended to `buf`.
    fn step(&mut self, chunk: &[u8], buf: &mut Vec<u8>) -> (usize, Option<Meta>) {
        let mut i = 0;
        // A byte order mark is skipped, even when it arrives a byte at a time.
        while self.at_start && i < chunk.len() {
            if chunk[i] == BOM[self.bom_seen] {
                self.bom_seen += 1;
                i += 1;
                self.at_start = self.bom_seen < BOM.len();
            } else {
                self.at_start = false;
                if self.bom_seen > 0 {
                    // Not a byte order mark after all: its first bytes start a record
                    // (which cannot be valid JSON) rather than vanish.
                    self.begin(buf, BOM[0]);
                    self.keep(buf, &BOM[..self.bom_seen]);
                }
            }
        }
        // The first byte of `chunk` not yet appended to the open record.
        let mut from = i;
        while i < chunk.len() {
            let b = chunk[i];
            match self.state {
                State::Top | State::Element => {
                    if b == b'[' && self.state == State::Top {
                        self.in_array = true;
                        self.array_at = (self.line, self.column);
                        self.state = State::Element;
                    } else if b == b']' && self.state == State::Element {
                        self.close_array();
                    } else if !is_ws(b) {
                        self.begin(buf, b);
                        from = i;
                        continue;
                    }
                }
                State::Value => {
                    // Inside a string, only `"`, `\` and a newline matter: skip to the next.
                    if self.text == Text::Inside && self.cut_at.is_none() {
                        let skip = chunk[i..]
                            .iter()
                            .position(|&c| matches!(c, b'"' | b'\\' | b'\n'))
                            .unwrap_or(chunk.len() - i);
                        if skip > 0 {
                            self.column += skip;
                            i += skip;
                            continue;
                        }
                    }
                    if let Some(cut) = self.cut_at {
                        if b == b'{' {
                            self.keep(buf, &chunk[from..i]);
                            if let Some(open) = &self.open {
                                if !open.oversize {
                                    buf.truncate(cut);
                                }
                            }
                            self.cut_at = None;
                            // An array that opened on the cut line (NDJSON of arrays) ends
                            // with it; the cut record's syntax error covers both.
                            let line = self.open.map_or(0, |open| open.line);
                            if self.in_array && self.array_at.0 != line {
                                self.state = State::Element;
                            } else {
                                self.close_array();
                            }
                            return (i, self.end(buf));
                        }
                        if !is_ws(b) {
                            self.cut_at = None;
                        }
                    }
                    if b == b'\n' && self.open.is_some_and(|open| open.line == self.line) {
                        self.cut_at = Some(buf.len() + (i - from));
                    }
                    if self.text == Text::Outside {
                        match b {
                            b'"' => self.text = Text::Inside,
                            b'{' | b'[' => self.depth += 1,
                            b'}' | b']' => {
                                self.depth = self.depth.saturating_sub(1);
                                if self.depth == 0 {
                                    self.advance(b);
                                    i += 1;
                                    if self.in_array {
                                        self.keep(buf, &chunk[from..i]);
                                        self.state = State::AfterElement;
                                    } else {
                                        self.state = State::AfterValue;
                                    }
                                    continue;
                                }
                            }
                            _ => {}
                        }
                    } else {
                        self.text = self.text.in_string(b);
                    }
                }
                State::Scalar if self.in_array => {
                    if self.text != Text::Outside {
                        if b == b'\n' {
                            self.keep(buf, &chunk[from..i]);
                            self.state = State::AfterElement;
                            continue;
                        }
                        self.text = self.text.in_string(b);
                    } else if b == b'"' {
                        self.text = Text::Inside;
                    } else if b == b',' || b == b']' || is_ws(b) {
                        self.keep(buf, &chunk[from..i]);
                        self.state = State::AfterElement;
                        continue;
                    }
                }
                State::Scalar | State::Garbage => {
                    if b == b'\n' {
                        self.keep(buf, &chunk[from..i]);
                        self.advance(b);
                        self.state = State::Top;
                        return (i + 1, self.end(buf));
                    }
                }
                State::AfterValue => match b {
                    b'\n' => {
                        self.keep(buf, &chunk[from..i]);
                        self.advance(b);
                        self.state = State::Top;
                        return (i + 1, self.end(buf));
                    }
                    b'{' | b'[' => {
                        self.keep(buf, &chunk[from..i]);
                        self.state = State::Top;
                        return (i, self.end(buf));
                    }
                    b' ' | b'\t' | b'\r' => {}
                    _ => self.state = State::Garbage,
                },
                State::AfterElement => {
                    if b == b',' {
                        self.state = State::AfterComma;
                    } else if b == b']' {
                        self.advance(b);
                        self.close_array();
                        return (i + 1, self.end(buf));
                    } else if !is_ws(b) {
                        self.flaw(Flaw::MissingSeparator {
                            found: b,
                            line: self.line,
                            column: self.column,
                        });
                        self.state = State::Element;
                        return (i, self.end(buf));
                    }
                }
                State::AfterComma => {
                    if b == b']' {
                        self.flaw(Flaw::TrailingComma {
                            line: self.line,
                            column: self.column,
                        });
                        self.advance(b);
                        self.close_array();
                        return (i + 1, self.end(buf));
                    } else if !is_ws(b) {
                        self.state = State::Element;
                        return (i, self.end(buf));
                    }
                }
            }
            self.advance(b);
            i += 1;
        }
        if self.state.keeps_bytes() {
            self.keep(buf, &chunk[from..i]);
        }
        (i, None)
    }

    /// Ends the input: the record still open, if any, with what the end left unfinished.
    fn finish(&mut self, buf: &mut Vec<u8>) -> Option<Meta> {
        let (line, column) = self.array_at;
        let unclosed = Flaw::UnclosedArray { line, column };
        match self.state {
            State::Top => None,
            State::Element => {
                self.close_array();
                Some(Meta {
                    line,
                    column,
                    flaw: Some(unclosed),
                    oversize: false,
                    parse: false,
                })
            }
            State::Value => {
                // An unfinished value draws a syntax error of its own; cutting it at the end
                // of its first line places that error there, as for a cut NDJSON line.
                if let (Some(cut), Some(open)) = (self.cut_at.take(), &self.open) {
                    if !open.oversize {
                        buf.truncate(cut);
                    }
                }
                self.close_array();
                self.end(buf)
            }
            State::Scalar | State::AfterElement | State::AfterComma => {
                if self.in_array {
                    self.flaw(unclosed);
                }
                self.close_array();
                self.end(buf)
            }
            State::AfterValue | State::Garbage => {
                self.state = State::Top;
                self.end(buf)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record of `input` as (line, column, text, flaw), read through a buffer of
    /// `capacity` bytes.
    fn scan_with(capacity: usize, limit: usize, input: &str) -> Vec<(usize, usize, String, Meta)> {
        let mut scanner = Scanner::with_capacity(capacity, limit, input.as_bytes());
        let mut out = Vec::new();
        let mut buf = Vec::new();
        while let Some(meta) = scanner.next_record(&mut buf).unwrap() {
            out.push((
                meta.line,
                meta.column,
                String::from_utf8(buf.clone()).unwrap(),
                meta,
            ));
            buf.clear();
        }
        assert_eq!(scanner.bytes_read(), input.len() as u64);
        out
    }

    /// The records of `input`, checked to be the same through every buffer size from 1.
    fn scan(input: &str) -> Vec<(usize, usize, String, Meta)> {
        let whole = scan_with(1 << 16, MAX_RECORD_BYTES, input);
        for capacity in 1..9 {
            assert_eq!(
                scan_with(capacity, MAX_RECORD_BYTES, input),
                whole,
                "capacity {capacity}"
            );
        }
        whole
    }

    fn texts(input: &str) -> Vec<(usize, String)> {
        scan(input)
            .into_iter()
            .map(|(line, _, text, _)| (line, text))
            .collect()
    }

    fn t(line: usize, text: &str) -> (usize, String) {
        (line, text.to_owned())
    }

    #[test]
    fn ndjson_lines_are_records_and_blank_lines_are_skipped() {
        let input = "{\"a\":1}\n\n  {\"b\":\"}\\\"{\"}\r\n{\"c\":[1,{}]}";
        assert_eq!(
            texts(input),
            [
                t(1, "{\"a\":1}"),
                t(3, "{\"b\":\"}\\\"{\"}\r"),
                t(4, "{\"c\":[1,{}]}")
            ]
        );
        assert_eq!(scan(input)[1].1, 3, "column of the second record");
    }

    #[test]
    fn a_pretty_object_is_one_record() {
        let input = "\n{\n  \"status\": \"Quote\",\n  \"x\": {\n    \"y\": [1, 2]\n  }\n}\n";
        assert_eq!(
            texts(input),
            [t(
                2,
                "{\n  \"status\": \"Quote\",\n  \"x\": {\n    \"y\": [1, 2]\n  }\n}"
            )]
        );
    }

    #[test]
    fn concatenated_objects_are_records() {
        assert_eq!(
            texts("{\"a\":1}{\"b\":2} {\"c\":3}"),
            [t(1, "{\"a\":1}"), t(1, "{\"b\":2} "), t(1, "{\"c\":3}")]
        );
    }

    #[test]
    fn a_broken_ndjson_line_is_cut_at_its_newline() {
        let input = "{\"a\":1}\n{\"b\": [1, 2}\n{\"c\": \"open\n\n{\"d\":4}\n";
        assert_eq!(
            texts(input),
            [
                t(1, "{\"a\":1}"),
                t(2, "{\"b\": [1, 2}"),
                t(3, "{\"c\": \"open"),
                t(5, "{\"d\":4}")
            ]
        );
    }

    #[test]
    fn an_open_line_followed_by_a_key_is_not_cut() {
        // A value open at the end of its first line goes on when the next line does not
        // start with `{`.
        assert_eq!(
            texts("{\"a\": 1,\n\"b\": 2}\n{\"c\":3}"),
            [t(1, "{\"a\": 1,\n\"b\": 2}"), t(3, "{\"c\":3}")]
        );
        // Only the record's first line can be cut.
        assert_eq!(
            texts("{\n\"a\": {\n{\"c\":3}"),
            [t(1, "{\n\"a\": {\n{\"c\":3}")]
        );
    }

    #[test]
    fn junk_after_a_value_stays_on_its_record() {
        assert_eq!(
            texts("{\"a\":1}}\n{\"b\":2}, x\n]\n"),
            [t(1, "{\"a\":1}}"), t(2, "{\"b\":2}, x"), t(3, "]")]
        );
        assert_eq!(
            texts("42 \n\"s\"\nnull"),
            [t(1, "42 "), t(2, "\"s\""), t(3, "null")]
        );
    }

    #[test]
    fn array_elements_are_records() {
        let input = "[\n  {\"a\": \"[,]\"},\n  {\n    \"b\": 2\n  }, 7 ,\"x,y\" , [1]\n]\n";
        let got = scan(input);
        let texts: Vec<_> = got.iter().map(|(l, _, s, _)| (*l, s.clone())).collect();
        assert_eq!(
            texts,
            [
                t(2, "{\"a\": \"[,]\"}"),
                t(3, "{\n    \"b\": 2\n  }"),
                t(5, "7"),
                t(5, "\"x,y\""),
                t(5, "[1]")
            ]
        );
        assert!(got.iter().all(|(_, _, _, meta)| meta.flaw.is_none()));
        assert_eq!(got[2].1, 6);
    }

    #[test]
    fn arrays_and_objects_can_follow_each_other() {
        assert_eq!(
            texts("[{\"a\":1}]\n[]\n{\"b\":2}\n[{\"c\":3},{\"d\":4}]"),
            [
                t(1, "{\"a\":1}"),
                t(3, "{\"b\":2}"),
                t(4, "{\"c\":3}"),
                t(4, "{\"d\":4}")
            ]
        );
    }

    #[test]
    fn array_structure_faults_are_flaws() {
        let got = scan("[{\"a\":1} {\"b\":2},]");
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].3.flaw,
            Some(Flaw::MissingSeparator {
                found: b'{',
                line: 1,
                column: 10
            })
        );
        assert_eq!(
            got[1].3.flaw,
            Some(Flaw::TrailingComma {
                line: 1,
                column: 18
            })
        );

        let got = scan("\n [{\"a\":1},");
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].3.flaw,
            Some(Flaw::UnclosedArray { line: 2, column: 2 })
        );

        let got = scan("[ ");
        assert_eq!(got.len(), 1);
        assert!(!got[0].3.parse);
        assert_eq!(got[0].2, "");

        let got = scan("[1");
        assert_eq!(got[0].2, "1");
        assert!(matches!(got[0].3.flaw, Some(Flaw::UnclosedArray { .. })));
    }

    #[test]
    fn a_broken_array_element_is_cut_too() {
        assert_eq!(
            texts("[\n{\"a\":1},\n{\"b\":2\n{\"c\":3}\n]"),
            [t(2, "{\"a\":1}"), t(3, "{\"b\":2"), t(4, "{\"c\":3}")]
        );
    }

    #[test]
    fn a_broken_line_holding_an_array_closes_it() {
        assert_eq!(
            texts("[{\"a\":1}, {\"b\":\n{\"c\":3}\n[{\"d\":4}]"),
            [
                t(1, "{\"a\":1}"),
                t(1, "{\"b\":"),
                t(2, "{\"c\":3}"),
                t(3, "{\"d\":4}")
            ]
        );
        assert!(scan("[{\"a\":1}, {\"b\":\n{\"c\":3}\n[{\"d\":4}]")
            .iter()
            .all(|(_, _, _, meta)| meta.flaw.is_none()));
    }

    #[test]
    fn an_unfinished_value_at_the_end_is_one_record() {
        assert_eq!(texts("{\"a\": [1,\n"), [t(1, "{\"a\": [1,")]);
        assert_eq!(texts("{\n\"a\": 1"), [t(1, "{\n\"a\": 1")]);
    }

    #[test]
    fn any_input_is_cut_the_same_way_whatever_the_buffer_size() {
        // Random inputs over the bytes that matter: no panic, every byte consumed, and the
        // same records through every buffer size (checked by `scan`).
        const ALPHABET: &[u8] = b"{}[]\",\\ \n\r:a1\xEF\xBB\xBF";
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            let mut input = Vec::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = usize::try_from(seed >> 58).unwrap();
            for _ in 0..len {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let pick = usize::try_from(seed >> 33).unwrap() % ALPHABET.len();
                input.push(ALPHABET[pick]);
            }
            let text = String::from_utf8_lossy(&input).into_owned();
            let records = scan(&text);
            let kept: usize = records.iter().map(|(_, _, text, _)| text.len()).sum();
            assert!(kept <= text.len(), "{text:?}");
        }
    }

    #[test]
    fn empty_and_blank_inputs_hold_no_record() {
        assert!(scan("").is_empty());
        assert!(scan(" \n\r\n\t").is_empty());
        assert!(scan("\u{feff}\n").is_empty());
        assert!(scan("[]").is_empty());
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(texts("\u{feff}{\"a\":1}"), [t(1, "{\"a\":1}")]);
        // Its first bytes alone are kept, as a record of their own line.
        assert_eq!(texts("\u{fffd}\n{}"), [t(1, "\u{fffd}"), t(2, "{}")]);
    }

    #[test]
    fn an_oversize_record_is_dropped_and_the_next_one_kept() {
        let input = "{\"a\": \"0123456789\"}\n{\"b\":1}\n";
        let got = scan_with(4, 8, input);
        assert_eq!(got.len(), 2);
        assert!(got[0].3.oversize);
        assert_eq!(got[0].2, "");
        assert_eq!(got[1].2, "{\"b\":1}");
        assert!(!got[1].3.oversize);
    }
}

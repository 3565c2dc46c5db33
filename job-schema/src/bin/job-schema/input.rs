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

/// What the JSON grammar allows next in an object or array record that is valid so far, or
/// that the record is broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// A value: after `:`, after `,` in an array, and at the start of the record.
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
    /// Inside a string (a key when `true`).
    Str(bool),
    /// Inside a string, after `\`.
    Escape(bool),
    /// Inside a string, in the hexadecimal digits of a `\u` escape: how many are left.
    Hex(bool, u8),
    /// Inside a number.
    Number(Number),
    /// Inside `true`, `false` or `null`: the bytes still to come.
    Literal(&'static [u8]),
    /// Nothing: no JSON document begins with the record's bytes.
    Broken,
}

/// Where a number is in its grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Number {
    /// After `-`.
    Minus,
    /// After a leading `0`.
    Zero,
    /// In the digits of the whole part.
    Whole,
    /// After `.`.
    Point,
    /// In the digits of the fraction.
    Fraction,
    /// After `e` or `E`.
    Exponent,
    /// After the sign of the exponent.
    ExponentSign,
    /// In the digits of the exponent.
    ExponentDigits,
}

impl Number {
    /// The state after `b`: `Some` while the number goes on, `None` when `b` is not part of
    /// it (the number ends before `b` if it is complete, see [`Number::complete`]).
    fn next(self, b: u8) -> Option<Number> {
        use Number::{Exponent, ExponentDigits, ExponentSign, Fraction, Minus, Point, Whole, Zero};
        match (self, b) {
            (Minus, b'0') => Some(Zero),
            (Minus | Whole, b'1'..=b'9') | (Whole, b'0') => Some(Whole),
            (Zero | Whole, b'.') => Some(Point),
            (Point | Fraction, b'0'..=b'9') => Some(Fraction),
            (Zero | Whole | Fraction, b'e' | b'E') => Some(Exponent),
            (Exponent, b'+' | b'-') => Some(ExponentSign),
            (Exponent | ExponentSign | ExponentDigits, b'0'..=b'9') => Some(ExponentDigits),
            _ => None,
        }
    }

    /// Whether the number read so far is a whole number.
    fn complete(self) -> bool {
        matches!(
            self,
            Number::Zero | Number::Whole | Number::Fraction | Number::ExponentDigits
        )
    }
}

/// What one byte does to a record that is valid so far.
enum Move {
    /// It is taken.
    Take,
    /// It closes the record's value: the record is complete.
    Close,
    /// It ends a number before it: look at it again.
    Again,
    /// No JSON document holds it there: the record is broken.
    Break,
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
    /// How many objects and arrays are open in the record.
    depth: usize,
    /// Whether each open level is an object (a set bit) or an array, 64 to a word, for a
    /// record that is valid so far.
    kinds: Vec<u64>,
    /// What the grammar allows next in the record, or that it is broken.
    expect: Expect,
    /// Where a broken record is with respect to strings.
    text: Text,
    /// Whether only whitespace has been seen since the last newline (or the start).
    line_start: bool,
    open: Option<Open>,
}

/// Where a broken record is with respect to JSON strings.
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
            kinds: Vec::new(),
            expect: Expect::Value,
            text: Text::Outside,
            line_start: true,
            open: None,
        }
    }

    fn advance(&mut self, b: u8) {
        if b == b'\n' {
            self.line += 1;
            self.column = 1;
            self.line_start = true;
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

    /// Drops the whitespace at the end of the open record.
    fn trim(&self, buf: &mut Vec<u8>) {
        let Some(open) = &self.open else { return };
        if open.oversize {
            return;
        }
        let kept = buf[open.start..]
            .iter()
            .rposition(|&b| !is_ws(b))
            .map_or(0, |last| last + 1);
        buf.truncate(open.start + kept);
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
        self.expect = Expect::Value;
        self.text = Text::Outside;
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

    /// Opens an object (`true`) or an array one level deeper; `false` when the nesting is
    /// too deep to follow.
    fn push(&mut self, object: bool) -> bool {
        if self.depth >= self.limit {
            return false;
        }
        let (word, bit) = (self.depth / 64, self.depth % 64);
        if word == self.kinds.len() {
            self.kinds.push(0);
        }
        if object {
            self.kinds[word] |= 1 << bit;
        } else {
            self.kinds[word] &= !(1 << bit);
        }
        self.depth += 1;
        self.expect = if object {
            Expect::KeyOrEnd
        } else {
            Expect::ValueOrEnd
        };
        true
    }

    /// Whether the innermost open level is an object.
    fn in_object(&self) -> bool {
        let level = self.depth - 1;
        self.kinds[level / 64] >> (level % 64) & 1 == 1
    }

    /// Closes the innermost level.
    fn pop(&mut self) -> Move {
        self.depth -= 1;
        self.expect = Expect::Next;
        if self.depth == 0 {
            Move::Close
        } else {
            Move::Take
        }
    }

    /// Follows `b` through the grammar, in a record that is valid so far.
    fn grammar(&mut self, b: u8) -> Move {
        let ws = is_ws(b);
        match self.expect {
            Expect::Value | Expect::ValueOrEnd => {
                self.expect = match b {
                    b'{' | b'[' => {
                        return if self.push(b == b'{') {
                            Move::Take
                        } else {
                            Move::Break
                        };
                    }
                    b']' if self.expect == Expect::ValueOrEnd => return self.pop(),
                    b'"' => Expect::Str(false),
                    b'-' => Expect::Number(Number::Minus),
                    b'0' => Expect::Number(Number::Zero),
                    b'1'..=b'9' => Expect::Number(Number::Whole),
                    b't' => Expect::Literal(b"rue"),
                    b'f' => Expect::Literal(b"alse"),
                    b'n' => Expect::Literal(b"ull"),
                    _ if ws => self.expect,
                    _ => return Move::Break,
                };
            }
            Expect::Key | Expect::KeyOrEnd => match b {
                b'"' => self.expect = Expect::Str(true),
                b'}' if self.expect == Expect::KeyOrEnd => return self.pop(),
                _ if ws => {}
                _ => return Move::Break,
            },
            Expect::Colon => match b {
                b':' => self.expect = Expect::Value,
                _ if ws => {}
                _ => return Move::Break,
            },
            Expect::Next => match b {
                b',' if self.in_object() => self.expect = Expect::Key,
                b',' => self.expect = Expect::Value,
                b'}' if self.in_object() => return self.pop(),
                b']' if !self.in_object() => return self.pop(),
                _ if ws => {}
                _ => return Move::Break,
            },
            Expect::Str(key) => match b {
                b'"' if key => self.expect = Expect::Colon,
                b'"' => self.expect = Expect::Next,
                b'\\' => self.expect = Expect::Escape(key),
                0x00..=0x1f => return Move::Break,
                _ => {}
            },
            Expect::Escape(key) => match b {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {
                    self.expect = Expect::Str(key);
                }
                b'u' => self.expect = Expect::Hex(key, 4),
                _ => return Move::Break,
            },
            Expect::Hex(key, left) => {
                if !b.is_ascii_hexdigit() {
                    return Move::Break;
                }
                self.expect = if left == 1 {
                    Expect::Str(key)
                } else {
                    Expect::Hex(key, left - 1)
                };
            }
            Expect::Number(number) => match number.next(b) {
                Some(next) => self.expect = Expect::Number(next),
                None if number.complete() => {
                    self.expect = Expect::Next;
                    return Move::Again;
                }
                None => return Move::Break,
            },
            Expect::Literal(rest) => {
                if rest.first() != Some(&b) {
                    return Move::Break;
                }
                self.expect = match rest {
                    [_] => Expect::Next,
                    [_, rest @ ..] => Expect::Literal(rest),
                    [] => return Move::Break,
                };
            }
            Expect::Broken => return Move::Break,
        }
        Move::Take
    }

    /// Marks the record broken at a byte the grammar refused, and where that leaves it with
    /// respect to strings.
    fn mark_broken(&mut self) {
        self.text = match self.expect {
            Expect::Str(_) | Expect::Hex(..) => Text::Inside,
            Expect::Escape(_) => Text::Escaped,
            _ => Text::Outside,
        };
        self.expect = Expect::Broken;
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
                    // Inside a string, only `"`, `\` and the end of the line (or, in a valid
                    // record, any control character) matter: skip to the next.
                    let broken = self.expect == Expect::Broken;
                    let in_string = if broken {
                        self.text == Text::Inside
                    } else {
                        matches!(self.expect, Expect::Str(_))
                    };
                    if in_string {
                        let skip = chunk[i..]
                            .iter()
                            .position(|&c| matches!(c, b'"' | b'\\') || c < 0x20)
                            .unwrap_or(chunk.len() - i);
                        if skip > 0 {
                            self.column += skip;
                            i += skip;
                            continue;
                        }
                    }
                    let line_start = self.line_start && !is_ws(b);
                    if !is_ws(b) {
                        self.line_start = false;
                    }
                    if !broken {
                        match self.grammar(b) {
                            Move::Take => {}
                            Move::Close => {
                                self.advance(b);
                                i += 1;
                                self.complete(buf, &chunk[from..i]);
                                continue;
                            }
                            // The byte that ended a number is read again after it.
                            Move::Again => continue,
                            Move::Break => self.mark_broken(),
                        }
                    }
                    if self.expect == Expect::Broken {
                        // A new record starts here: the broken one ends at its last
                        // non-blank line.
                        if line_start
                            && matches!(b, b'{' | b'[')
                            && self.open.is_some_and(|open| self.column <= open.column)
                        {
                            self.keep(buf, &chunk[from..i]);
                            self.trim(buf);
                            // An array that opened on the broken record's first line (NDJSON
                            // of arrays) ends with it; the record's syntax error covers both.
                            let line = self.open.map_or(0, |open| open.line);
                            if self.in_array && self.array_at.0 != line {
                                self.state = State::Element;
                            } else {
                                self.close_array();
                            }
                            return (i, self.end(buf));
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
                                        self.complete(buf, &chunk[from..i]);
                                        continue;
                                    }
                                }
                                _ => {}
                            }
                        } else if b == b'\n' {
                            // A string never goes on past the end of its line.
                            self.text = Text::Outside;
                        } else {
                            self.text = self.text.in_string(b);
                        }
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

    /// The object or array of the record has closed with the last byte of `tail`: what
    /// follows it on its line, or the next element of an array.
    fn complete(&mut self, buf: &mut Vec<u8>, tail: &[u8]) {
        if self.in_array {
            self.keep(buf, tail);
            self.state = State::AfterElement;
        } else {
            self.state = State::AfterValue;
        }
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
                // An unfinished value draws a syntax error of its own, placed at the end of
                // its last non-blank line.
                self.trim(buf);
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
        // A record that is valid so far goes on across its lines.
        assert_eq!(
            texts("{\"a\": 1,\n\"b\": 2}\n{\"c\":3}"),
            [t(1, "{\"a\": 1,\n\"b\": 2}"), t(3, "{\"c\":3}")]
        );
        // A `{` where a key is due breaks the record, and starts the next one when it starts
        // a line.
        assert_eq!(
            texts("{\n\"a\": {\n{\"c\":3}"),
            [t(1, "{\n\"a\": {"), t(3, "{\"c\":3}")]
        );
    }

    #[test]
    fn a_valid_document_is_never_cut() {
        // The value of a member on the next line, starting with `{`.
        assert_eq!(
            texts("{\"status\":\"Quote\",\"payment_note\":\n{\"a\":1}}\n{\"b\":2}"),
            [
                t(1, "{\"status\":\"Quote\",\"payment_note\":\n{\"a\":1}}"),
                t(3, "{\"b\":2}")
            ]
        );
        // Elements of a nested array, each on a line of its own, from the first column.
        let nested = "{\"a\":[\n{\"b\":1},\n{\"c\":\"}{\\\"\"}\n,[\n{}]\n]}";
        assert_eq!(texts(nested), [t(1, nested)]);
        // The same inside a top-level array.
        assert_eq!(
            texts("[{\"a\":\n{\"b\":1}},\n{\"c\":\n[1,\n{\"d\":2}]}]"),
            [
                t(1, "{\"a\":\n{\"b\":1}}"),
                t(3, "{\"c\":\n[1,\n{\"d\":2}]}")
            ]
        );
    }

    #[test]
    fn a_broken_record_ends_where_a_line_starts_a_record() {
        // A missing `}`: the next records are still records.
        let input = "{\n  \"status\": \"Quote\",\n  \"job_address\": \"1 Main St\"\n\n\
                     {\"status\": \"Quote\"}\n{\"status\": \"Work Order\"}\n";
        assert_eq!(
            texts(input),
            [
                t(
                    1,
                    "{\n  \"status\": \"Quote\",\n  \"job_address\": \"1 Main St\""
                ),
                t(5, "{\"status\": \"Quote\"}"),
                t(6, "{\"status\": \"Work Order\"}")
            ]
        );
        // A broken pretty record is not cut at its nested objects, which are indented.
        let broken =
            "{\n  \"a\": {\"b\": 1} \"x\",\n  \"c\": [\n    {\"d\": 1},\n    {\"e\": 2}\n  ]";
        assert_eq!(
            texts(&format!("{broken}\n{{\"f\": 3}}")),
            [t(1, broken), t(7, "{\"f\": 3}")]
        );
        // Only a line that starts at or left of the broken record's own column.
        assert_eq!(
            texts("  {\"a\": 1 x\n    {\"b\": 2}\n{\"c\": 3}"),
            [t(1, "{\"a\": 1 x\n    {\"b\": 2}"), t(3, "{\"c\": 3}")]
        );
        // An element of an indented array, then the next element.
        let got = scan("[\n  {\n    \"a\": 1\n  ,\n  {\n    \"b\": 2\n  }\n]\n{\"c\": 3}");
        let elements: Vec<_> = got.iter().map(|(l, _, s, _)| (*l, s.clone())).collect();
        assert_eq!(
            elements,
            [
                t(2, "{\n    \"a\": 1\n  ,"),
                t(5, "{\n    \"b\": 2\n  }"),
                t(9, "{\"c\": 3}")
            ]
        );
        assert!(got.iter().all(|(_, _, _, meta)| meta.flaw.is_none()));
        // A broken record whose brackets close still ends there.
        assert_eq!(
            texts("{\"a\" 1}{\"b\":2}\n{\"c\":[1}\n{\"d\":4}"),
            [
                t(1, "{\"a\" 1}"),
                t(1, "{\"b\":2}"),
                t(2, "{\"c\":[1}"),
                t(3, "{\"d\":4}")
            ]
        );
    }

    /// A small random number generator for the property tests.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(self.0 >> 33).unwrap() % n
        }

        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }
    }

    /// Whitespace between tokens, often a newline that puts the next token (a `{` among
    /// them) in the first column.
    fn gap(rng: &mut Lcg) -> &'static str {
        rng.pick(&["", "", " ", "\n", "\n", "\r\n", "\n  ", "\t"])
    }

    /// A random JSON value, with random whitespace between its tokens.
    fn value(rng: &mut Lcg, depth: usize, out: &mut String) {
        let kind = if depth >= 4 {
            2 + rng.below(3)
        } else {
            rng.below(5)
        };
        match kind {
            0 => {
                out.push('{');
                for member in 0..rng.below(4) {
                    if member > 0 {
                        out.push_str(gap(rng));
                        out.push(',');
                    }
                    out.push_str(gap(rng));
                    string(rng, out);
                    out.push_str(gap(rng));
                    out.push(':');
                    out.push_str(gap(rng));
                    value(rng, depth + 1, out);
                }
                out.push_str(gap(rng));
                out.push('}');
            }
            1 => {
                out.push('[');
                for element in 0..rng.below(4) {
                    if element > 0 {
                        out.push_str(gap(rng));
                        out.push(',');
                    }
                    out.push_str(gap(rng));
                    value(rng, depth + 1, out);
                }
                out.push_str(gap(rng));
                out.push(']');
            }
            2 => string(rng, out),
            3 => {
                out.push_str(
                    rng.pick(&["0", "-1", "12.5e-3", "1E+2", "-0.0", "7e5", "10", "0.25"]),
                );
            }
            _ => out.push_str(rng.pick(&["true", "false", "null"])),
        }
    }

    fn string(rng: &mut Lcg, out: &mut String) {
        out.push('"');
        for _ in 0..rng.below(4) {
            out.push_str(rng.pick(&[
                "a",
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                " ",
                "\\\"",
                "\\\\",
                "\\n",
                "\\u00e9",
                "\\uD83D\\uDE00",
                "é",
                "\\/",
            ]));
        }
        out.push('"');
    }

    /// A random object record.
    fn record(rng: &mut Lcg) -> String {
        let mut out = String::from("{");
        out.push_str(gap(rng));
        string(rng, &mut out);
        out.push(':');
        out.push_str(gap(rng));
        value(rng, 1, &mut out);
        out.push_str(gap(rng));
        out.push('}');
        serde_json::from_str::<serde_json::Value>(&out).expect("a valid record");
        out
    }

    /// The 1-based line on which each record of `records`, joined by `separator`, starts.
    fn start_lines(records: &[String], separator: &str) -> Vec<usize> {
        let mut line = 1;
        records
            .iter()
            .map(|record| {
                let start = line;
                line += record.matches('\n').count() + separator.matches('\n').count();
                start
            })
            .collect()
    }

    #[test]
    fn random_valid_documents_are_never_cut() {
        let mut rng = Lcg(0x5EED_0001);
        for _ in 0..300 {
            let records: Vec<String> = (0..=rng.below(4)).map(|_| record(&mut rng)).collect();
            let lines = start_lines(&records, "\n");
            let expected: Vec<(usize, String)> =
                lines.iter().copied().zip(records.iter().cloned()).collect();
            assert_eq!(texts(&records.join("\n")), expected);
            // As the elements of a top-level array.
            let array = format!("[{}]", records.join(",\n"));
            let got = scan(&array);
            assert!(got.iter().all(|(_, _, _, meta)| meta.flaw.is_none()));
            let got: Vec<(usize, String)> = got.into_iter().map(|(l, _, s, _)| (l, s)).collect();
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn records_after_one_missing_its_last_brace_are_still_records() {
        let mut rng = Lcg(0x5EED_0002);
        for _ in 0..300 {
            let mut records: Vec<String> =
                (0..2 + rng.below(4)).map(|_| record(&mut rng)).collect();
            let broken: Vec<bool> = records.iter().map(|_| rng.below(2) == 0).collect();
            let lines = start_lines(&records, "\n");
            let mut expected = Vec::new();
            for (record, (&broken, &line)) in records.iter_mut().zip(broken.iter().zip(&lines)) {
                if broken {
                    record.pop();
                }
                expected.push((line, record.trim_end().to_owned()));
            }
            assert_eq!(texts(&records.join("\n")), expected, "{broken:?}");
        }
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
        // `{"c":3}` is the value of "b" (together they may still be valid); the `[` after them
        // breaks the record, and starts a new array.
        assert_eq!(
            texts("[{\"a\":1}, {\"b\":\n{\"c\":3}\n[{\"d\":4}]"),
            [
                t(1, "{\"a\":1}"),
                t(1, "{\"b\":\n{\"c\":3}"),
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
        const ALPHABET: &[u8] = b"{}[]\",\\ \n\r:a1\xEF\xBB\xBF0-.etu";
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
    fn an_oversize_record_keeps_the_position_of_its_first_byte() {
        let input = "\n\n\n\n   {\"a\": \"0123456789\"}\n{\"b\":1}\n";
        let got = scan_with(4, 8, input);
        assert_eq!(got.len(), 2);
        assert!(got[0].3.oversize);
        assert_eq!((got[0].0, got[0].1), (5, 4));
        assert_eq!((got[1].0, got[1].1), (6, 1));
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

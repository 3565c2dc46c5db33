//! The state machine that cuts the input into records: where each record begins and ends,
//! whether it is valid so far (see `grammar`) or broken, and the flaws of the arrays around
//! them.

use grammar::{Expect, Move};

use super::{Flaw, Meta};

mod grammar;
mod whole;

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

/// Which paths read an object or array record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Paths {
    /// The fast path (`whole`), and the machine byte by byte where it gives up.
    FastFirst,
    /// The machine alone (for the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    MachineOnly,
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

pub(super) struct Machine {
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
    /// Whether a record that begins with `{` or `[` is first tried with the fast path;
    /// the machine alone only in tests, which compare the two.
    paths: Paths,
    /// How many records the fast path read (for the tests).
    #[cfg(test)]
    pub(super) wholes: usize,
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
    pub(super) fn new(limit: usize) -> Machine {
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
            paths: Paths::FastFirst,
            #[cfg(test)]
            wholes: 0,
        }
    }

    /// The machine without its fast path, for the tests that compare the two.
    #[cfg(test)]
    pub(super) fn plain(limit: usize) -> Machine {
        Machine {
            paths: Paths::MachineOnly,
            ..Machine::new(limit)
        }
    }

    /// Reads the object or array record just begun at `bytes[0]` with the fast path, if it
    /// is valid JSON that closes within `bytes` and fits the limits: its length. The
    /// machine is left as the byte-by-byte path leaves it at the closing bracket.
    fn read_whole(&mut self, bytes: &[u8]) -> Option<usize> {
        if self.paths == Paths::MachineOnly {
            return None;
        }
        let whole = whole::whole_value(bytes, whole::MAX_DEPTH)?;
        if whole.len > self.limit {
            return None;
        }
        self.line += whole.newlines;
        self.column = match whole.last_newline {
            Some(at) => whole.len - at,
            None => self.column + whole.len,
        };
        // The record's last byte is a bracket.
        self.line_start = false;
        self.depth = 0;
        self.expect = Expect::Next;
        #[cfg(test)]
        {
            self.wholes += 1;
        }
        Some(whole.len)
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

    /// Keeps `bytes` in the open record, up to the limit. Whitespace after a complete value
    /// on its line does not count: what of it does not fit is dropped, and the record is not
    /// oversize for it (a record within the limit followed by blanks was refused as
    /// oversize; found by `fuzz/fuzz_targets/cli_split.rs`).
    fn keep(&mut self, buf: &mut Vec<u8>, bytes: &[u8]) {
        let Some(open) = &mut self.open else { return };
        if open.oversize || bytes.is_empty() {
            return;
        }
        let room = self.limit - (buf.len() - open.start);
        if bytes.len() > room {
            buf.extend_from_slice(&bytes[..room]);
            let trailing_blanks =
                self.state == State::AfterValue && bytes[room..].iter().all(|&b| is_ws(b));
            open.oversize = !trailing_blanks;
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

    /// Reads from `chunk`: how many bytes were consumed, and the record that ended, if one
    /// did. Bytes of the open record are appended to `buf`.
    pub(super) fn step(&mut self, chunk: &[u8], buf: &mut Vec<u8>) -> (usize, Option<Meta>) {
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
                        if self.state == State::Value {
                            if let Some(len) = self.read_whole(&chunk[i..]) {
                                i += len;
                                self.complete(buf, &chunk[from..i]);
                            }
                        }
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
    pub(super) fn finish(&mut self, buf: &mut Vec<u8>) -> Option<Meta> {
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

//! The JSON grammar inside an object or array record that is valid so far: what may come
//! next, byte by byte, and the first byte that no JSON document could hold there.

use super::{is_ws, Machine, Text};

/// What the JSON grammar allows next in an object or array record that is valid so far, or
/// that the record is broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Expect {
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
pub(super) enum Number {
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
pub(super) enum Move {
    /// It is taken.
    Take,
    /// It closes the record's value: the record is complete.
    Close,
    /// It ends a number before it: look at it again.
    Again,
    /// No JSON document holds it there: the record is broken.
    Break,
}

impl Machine {
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
    pub(super) fn grammar(&mut self, b: u8) -> Move {
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
    pub(super) fn mark_broken(&mut self) {
        self.text = match self.expect {
            Expect::Str(_) | Expect::Hex(..) => Text::Inside,
            Expect::Escape(_) => Text::Escaped,
            _ => Text::Outside,
        };
        self.expect = Expect::Broken;
    }
}

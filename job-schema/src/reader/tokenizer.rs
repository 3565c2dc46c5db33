//! The tokenizer: the one reader of JSON bytes in the crate.
//!
//! It checks that the body is UTF-8 as a whole (once, with `simdutf8`), then hands the walker
//! one token at a time: keys and strings sliced out of the input when they hold no escape
//! (unescaped into one scratch buffer, kept between bodies, when they do), numbers read into a
//! [`Scalar`], and values the walker does not keep skipped with the same checks. Everything it
//! reads it checks against RFC 8259, wherever the value stands, so the same bytes are JSON or
//! not whether they are a whole body, a known field's value or a skipped one. The first fault
//! ends reading with a [`SyntaxError`]: where (a byte offset, turned into a line and column
//! once, when the error is reported) and what.
//!
//! Decisions (see `docs/decisions.md`): invalid UTF-8 is malformed; a lone surrogate escape
//! (`"\ud800"` not followed by a low surrogate) is malformed; a number is JSON whatever its
//! size (`1e400` is read as an infinity, which the field then judges); `-0` is the integer 0;
//! arrays and objects nest at most [`MAX_DEPTH`] deep.

use std::borrow::Cow;
use std::cell::Cell;

use crate::float::POWERS_OF_TEN;
use crate::report::Syntax;
use crate::value::Scalar;

/// The deepest that arrays and objects may nest, the record's own object included; deeper is
/// malformed (a bound on the reader's stack, as serde_json's limit of 128 is on its own).
pub const MAX_DEPTH: usize = 128;

/// The capacity of the scratch buffer when a string first needs it.
const SCRATCH_START: usize = 1024;

/// The most scratch capacity kept between bodies.
const KEEP_SCRATCH: usize = 16 * 1024;

thread_local! {
    /// The unescaping buffer, kept between bodies so that a valid body allocates nothing.
    static SCRATCH: Cell<String> = const { Cell::new(String::new()) };
}

/// Malformed JSON was met: what the reading functions return. It carries nothing, so that a
/// result is as small as its value; the [`Tokenizer`] that met it keeps where and what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError;

/// Where malformed JSON breaks (a byte offset) and what was wrong there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fault {
    at: usize,
    what: Syntax,
}

impl Fault {
    /// What was wrong, in a few words (`expected ':'`, `EOF while parsing an object`).
    pub(crate) fn what(&self) -> Syntax {
        self.what
    }

    /// The 1-based line and column (in bytes) of the fault in `bytes`: of the byte at fault
    /// (a raw newline inside a string is at the end of its own line), or of the last byte
    /// when the input ended too early (line 1, column 0 for no input).
    pub(crate) fn position(&self, bytes: &[u8]) -> (usize, usize) {
        let at = self.at.min(bytes.len());
        let before = &bytes[..at];
        // Counted once, when the error is reported.
        #[allow(clippy::naive_bytecount)]
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = at - start + usize::from(self.at < bytes.len());
        (line, column)
    }
}

/// A string as found: borrowed from the input, or unescaped into the scratch buffer.
pub(crate) enum Text<'de, 's> {
    /// Borrowed from the input (it held no escape).
    Borrowed(&'de str),
    /// Unescaped into the tokenizer's scratch buffer.
    Copied(&'s str),
}

impl<'de> Text<'de, '_> {
    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        match *self {
            Text::Borrowed(s) | Text::Copied(s) => s,
        }
    }

    /// The text, borrowed from the input when it was, else copied.
    pub(crate) fn into_cow(self) -> Cow<'de, str> {
        match self {
            Text::Borrowed(s) => Cow::Borrowed(s),
            Text::Copied(s) => Cow::Owned(s.to_owned()),
        }
    }
}

/// The tokenizer over one body.
///
/// Public only so that generated code can pass it on (through `__private`); its methods are
/// the crate's own.
#[derive(Debug)]
pub struct Tokenizer<'de> {
    text: &'de str,
    pos: usize,
    depth: usize,
    scratch: String,
    /// The fault met, once reading returned [`SyntaxError`].
    fault: Cell<Fault>,
}

impl Drop for Tokenizer<'_> {
    fn drop(&mut self) {
        let mut scratch = std::mem::take(&mut self.scratch);
        if scratch.capacity() > 0 && scratch.capacity() <= KEEP_SCRATCH {
            scratch.clear();
            // During thread teardown the buffer is simply dropped.
            let _ = SCRATCH.try_with(|cell| cell.set(scratch));
        }
    }
}

/// A byte that ends the plain run of a string: `"`, `\` or a control character.
#[inline]
fn is_special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// A mask whose lowest set bit is the high bit of the first special byte of `chunk` (in
/// little-endian order), and 0 when no byte is special; bits above it may be set or not.
///
/// Each comparison is a borrow test: the high bit of `x - 0x20` in a byte whose own high bit
/// is clear is set exactly when `x < 0x20`, and that of `(x ^ c) - 1` exactly when `x == c`.
/// A borrow only leaves a byte that tested true, so every byte below the first special one is
/// tested exactly; a byte with its own high bit set (part of a multi-byte character) is never
/// special. Ten operations for eight bytes (an exact mask of every byte takes eleven).
#[inline]
fn first_special_mask(chunk: u64) -> u64 {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let control = chunk.wrapping_sub(ONES * 0x20);
    let quote = (chunk ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
    let backslash = (chunk ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
    (control | quote | backslash) & !chunk & HIGHS
}

/// The eight bytes of `bytes` (eight long) as a little-endian word.
#[inline]
fn word(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(bytes);
    u64::from_le_bytes(word)
}

/// A number token of the form `-?digits.digits` (no exponent) with at most 15 digits in all,
/// at `start`: its value and where it ends. `None` for anything else, which the general path reads.
///
/// With at most 15 digits the digits make an integer below 2^53 and the fraction a power of
/// ten of at most 10^22, both exact doubles, so one division, which IEEE 754 rounds
/// correctly, gives the correctly rounded value: the same double as serde_json's exact parser
/// (the `float_roundtrip` feature). This is the fast path of Clinger's algorithm, and it
/// covers the coordinates of a job body.
fn short_decimal(bytes: &[u8], start: usize) -> Option<(f64, usize)> {
    const MAX_DIGITS: usize = 15;
    let negative = bytes.get(start) == Some(&b'-');
    let whole_start = start + usize::from(negative);
    let mut mantissa: u64 = 0;
    let mut i = whole_start;
    let mut point = None;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => mantissa = mantissa * 10 + u64::from(b - b'0'),
            b'.' if point.is_none() => point = Some(i),
            _ => break,
        }
        i += 1;
        if i - whole_start > MAX_DIGITS + 1 {
            return None;
        }
    }
    let point = point?;
    let (whole, fraction) = (point - whole_start, i - point - 1);
    let leading_zero = whole > 1 && bytes[whole_start] == b'0';
    if whole == 0 || fraction == 0 || leading_zero {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E' | b'.' | b'+' | b'-')) {
        return None;
    }
    // Exact: the mantissa has at most 15 digits, below 2^53.
    #[allow(clippy::cast_precision_loss)]
    let value = mantissa as f64 / POWERS_OF_TEN[fraction];
    Some((if negative { -value } else { value }, i))
}

/// Whether `b` may continue a number token: what must not follow a number the fast paths
/// read, since the token would then be longer (or malformed).
#[inline]
fn continues_number(b: Option<&u8>) -> bool {
    matches!(b, Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'-' | b'+'))
}

/// The character a one-character escape stands for (`\n` for the `n` of `\n`), or `None`
/// for `u` and for a byte that does not make an escape.
#[inline]
fn simple_escape(escape: u8) -> Option<char> {
    Some(match escape {
        b'n' => '\n',
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b't' => '\t',
        b'r' => '\r',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        _ => return None,
    })
}

/// The input and the tokenizer's fault cell, borrowed apart from its scratch buffer, so that
/// unescaping writes to the one while it reads the other.
#[derive(Clone, Copy)]
struct Input<'a, 'de> {
    text: &'de str,
    fault: &'a Cell<Fault>,
}

impl<'de> Input<'_, 'de> {
    /// The error `what` at byte `at`, or `eof` when the input ended before it.
    #[cold]
    fn fault(self, at: usize, eof: Syntax, what: Syntax) -> SyntaxError {
        let what = if at >= self.text.len() { eof } else { what };
        self.fault.set(Fault { at, what });
        SyntaxError
    }

    /// The error for the byte at `i` that ended a plain run inside a string without being a
    /// quote or a backslash: a control character, or the end of the input.
    #[cold]
    fn string_fault(self, i: usize) -> SyntaxError {
        self.fault(i, Syntax::EofString, Syntax::ControlCharacter)
    }

    /// The input between two positions (`""` if they are not on character boundaries).
    #[inline]
    fn slice(self, from: usize, to: usize) -> &'de str {
        self.text.get(from..to).unwrap_or_default()
    }

    /// The end of the plain run that starts at `from`: the position of the next special
    /// byte, or the end of the input.
    ///
    /// Sixteen bytes a step, as two words whose masks are tested together: one branch for
    /// both, and only the lowest special byte needs to be exact ([`first_special_mask`]).
    #[inline]
    fn plain_run(self, from: usize) -> usize {
        let rest = self.text.as_bytes().get(from..).unwrap_or_default();
        let mut chunks = rest.chunks_exact(16);
        let mut i = from;
        for chunk in &mut chunks {
            let (low, high) = chunk.split_at(8);
            let low = first_special_mask(word(low));
            let high = first_special_mask(word(high));
            if low | high != 0 {
                let at = if low != 0 {
                    low.trailing_zeros()
                } else {
                    64 + high.trailing_zeros()
                };
                return i + (at / 8) as usize;
            }
            i += 16;
        }
        let rest = chunks.remainder();
        if let Some(low) = rest.get(..8) {
            let mask = first_special_mask(word(low));
            if mask != 0 {
                return i + (mask.trailing_zeros() / 8) as usize;
            }
            i += 8;
        }
        for &b in rest.get(8..).unwrap_or(rest) {
            if is_special(b) {
                break;
            }
            i += 1;
        }
        i
    }

    /// Reads the escape at `*i` (a backslash) and moves `*i` past it: the character it
    /// stands for. A `\u` escape of a high surrogate must be followed by one of a low
    /// surrogate; a lone surrogate is malformed.
    fn escape(self, i: &mut usize) -> Result<char, SyntaxError> {
        let bytes = self.text.as_bytes();
        let at = *i + 1;
        let Some(&escape) = bytes.get(at) else {
            return Err(self.fault(at, Syntax::EofString, Syntax::EofString));
        };
        *i += 2;
        if let Some(c) = simple_escape(escape) {
            return Ok(c);
        }
        let c = match escape {
            b'u' => {
                let unit = self.hex4(*i)?;
                *i += 4;
                match unit {
                    0xD800..=0xDBFF => {
                        if bytes.get(*i..*i + 2) != Some(b"\\u") {
                            return Err(self.fault(*i, Syntax::EofString, Syntax::LoneSurrogate));
                        }
                        let low = self.hex4(*i + 2)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.fault(*i, Syntax::EofString, Syntax::LoneSurrogate));
                        }
                        *i += 6;
                        let high = u32::from(unit - 0xD800) << 10;
                        let code = 0x1_0000 + high + u32::from(low - 0xDC00);
                        // Always a scalar value: U+10000 to U+10FFFF.
                        char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
                    }
                    0xDC00..=0xDFFF => {
                        return Err(self.fault(*i - 6, Syntax::EofString, Syntax::LoneSurrogate));
                    }
                    // Not a surrogate: always a scalar value.
                    _ => char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER),
                }
            }
            _ => return Err(self.fault(at, Syntax::EofString, Syntax::InvalidEscape)),
        };
        Ok(c)
    }

    /// The value of the four hex digits at `at`.
    fn hex4(self, at: usize) -> Result<u16, SyntaxError> {
        let bytes = self.text.as_bytes();
        let mut value: u16 = 0;
        for k in at..at + 4 {
            let digit = match bytes.get(k) {
                Some(&b @ b'0'..=b'9') => b - b'0',
                Some(&b @ b'a'..=b'f') => b - b'a' + 10,
                Some(&b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.fault(k, Syntax::EofString, Syntax::InvalidEscape)),
            };
            value = value * 16 + u16::from(digit);
        }
        Ok(value)
    }
}

impl<'de> Tokenizer<'de> {
    /// A tokenizer over `bytes`, or the error at the first byte that is not UTF-8.
    ///
    /// The check is `simdutf8`'s (SIMD where the CPU has it, chosen at run time): on a job
    /// body with a few accented addresses it costs a fraction of `std::str::from_utf8`, which
    /// leaves its word-at-a-time ASCII path at every non-ASCII byte.
    pub(crate) fn new(bytes: &'de [u8]) -> Result<Tokenizer<'de>, Fault> {
        let Ok(text) = simdutf8::basic::from_utf8(bytes) else {
            // Only for a malformed body: find where it breaks.
            let at = simdutf8::compat::from_utf8(bytes)
                .err()
                .map_or(0, |e| e.valid_up_to());
            return Err(Fault {
                at,
                what: Syntax::InvalidUtf8,
            });
        };
        Ok(Tokenizer {
            text,
            pos: 0,
            depth: 0,
            scratch: SCRATCH.try_with(Cell::take).unwrap_or_default(),
            fault: Cell::new(Fault {
                at: 0,
                what: Syntax::ExpectedValue,
            }),
        })
    }

    /// The fault met, once a reading function returned [`SyntaxError`].
    pub(crate) fn fault_met(&self) -> Fault {
        self.fault.get()
    }

    #[inline]
    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// The error `what` at byte `at`, or `eof` when the input ended before it.
    #[cold]
    fn fault(&self, at: usize, eof: Syntax, what: Syntax) -> SyntaxError {
        self.input().fault(at, eof, what)
    }

    /// Skips whitespace and returns the next byte, without taking it.
    #[inline]
    pub(crate) fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        // Compact bodies: no whitespace, one compare.
        let first = *bytes.get(self.pos)?;
        if first > b' ' {
            return Some(first);
        }
        while let Some(&b) = bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// The error for a value expected at the position (after whitespace).
    #[cold]
    pub(crate) fn expected_value(&mut self) -> SyntaxError {
        self.peek();
        self.fault(self.pos, Syntax::EofValue, Syntax::ExpectedValue)
    }

    /// Succeeds when nothing but whitespace is left.
    pub(crate) fn end(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.fault(
                self.pos,
                Syntax::TrailingCharacters,
                Syntax::TrailingCharacters,
            )),
        }
    }

    /// Takes `literal` (`null`, `true` or `false`; the position is at its first byte).
    pub(crate) fn literal(&mut self, literal: &[u8]) -> Result<(), SyntaxError> {
        let bytes = self.bytes();
        for (k, &expected) in literal.iter().enumerate() {
            if bytes.get(self.pos + k) != Some(&expected) {
                let at = self.pos + k;
                return Err(self.fault(at, Syntax::EofValue, Syntax::ExpectedIdent));
            }
        }
        self.pos += literal.len();
        Ok(())
    }

    /// The end of the plain run that starts at `from`: the position of the next special
    /// byte, or the end of the input.
    #[inline]
    fn plain_run(&self, from: usize) -> usize {
        self.input().plain_run(from)
    }

    /// The input and the fault, borrowed apart from the scratch buffer.
    #[inline]
    fn input(&self) -> Input<'_, 'de> {
        Input {
            text: self.text,
            fault: &self.fault,
        }
    }

    /// The input between two positions the tokenizer has read (`""` if they are not).
    #[inline]
    pub(crate) fn slice(&self, from: usize, to: usize) -> &'de str {
        self.text.get(from..to).unwrap_or_default()
    }

    /// The position: the offset of the next byte to read.
    #[inline]
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// Reads a string; the position is just after its opening quote.
    // Inlined into each value and key read: measured, the call cost about 220 instructions a
    // full job body (about 34 strings).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn string(&mut self) -> Result<Text<'de, '_>, SyntaxError> {
        let start = self.pos;
        let end = self.plain_run(start);
        if self.bytes().get(end) == Some(&b'"') {
            self.pos = end + 1;
            return Ok(Text::Borrowed(self.slice(start, end)));
        }
        self.escaped(start, end)
    }

    /// The error for the byte at `i` that ended a plain run inside a string without being a
    /// quote or a backslash: a control character, or the end of the input.
    #[cold]
    fn string_fault(&self, i: usize) -> SyntaxError {
        self.input().string_fault(i)
    }

    /// The rest of [`Tokenizer::string`] once the plain run from `start` ended at `i` on
    /// something other than the closing quote: unescapes into the scratch buffer.
    #[inline(never)]
    fn escaped(&mut self, start: usize, mut i: usize) -> Result<Text<'de, '_>, SyntaxError> {
        let Tokenizer {
            text,
            scratch,
            fault,
            ..
        } = self;
        let input = Input { text, fault };
        if input.text.as_bytes().get(i) != Some(&b'\\') {
            return Err(input.string_fault(i));
        }
        scratch.clear();
        // One allocation for the common case, kept for the next bodies.
        scratch.reserve(SCRATCH_START);
        scratch.push_str(input.slice(start, i));
        loop {
            // At a backslash: the one-character escapes here, `\u` out of line.
            match input
                .text
                .as_bytes()
                .get(i + 1)
                .copied()
                .and_then(simple_escape)
            {
                Some(simple) => {
                    scratch.push(simple);
                    i += 2;
                }
                None => scratch.push(input.escape(&mut i)?),
            }
            let from = i;
            i = input.plain_run(from);
            scratch.push_str(input.slice(from, i));
            match input.text.as_bytes().get(i) {
                Some(b'"') => break,
                Some(b'\\') => {}
                _ => return Err(input.string_fault(i)),
            }
        }
        self.pos = i + 1;
        Ok(Text::Copied(&self.scratch))
    }

    /// Skips a string, checking it as [`Tokenizer::string`] does; the position is just after
    /// its opening quote.
    pub(crate) fn skip_string(&mut self) -> Result<(), SyntaxError> {
        let mut i = self.plain_run(self.pos);
        loop {
            match self.bytes().get(i) {
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.input().escape(&mut i)?;
                    i = self.plain_run(i);
                }
                _ => return Err(self.string_fault(i)),
            }
        }
    }

    /// The end of the number token at `start`, checking its grammar
    /// (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`).
    fn number_end(&self, start: usize) -> Result<usize, SyntaxError> {
        let bytes = self.bytes();
        let mut i = start;
        let digits = |i: &mut usize| {
            let from = *i;
            while let Some(b'0'..=b'9') = bytes.get(*i) {
                *i += 1;
            }
            *i > from
        };
        if bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        match bytes.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                digits(&mut i);
            }
            _ => return Err(self.fault(i, Syntax::EofValue, Syntax::InvalidNumber)),
        }
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            if !digits(&mut i) {
                return Err(self.fault(i, Syntax::EofValue, Syntax::InvalidNumber));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = bytes.get(i) {
                i += 1;
            }
            if !digits(&mut i) {
                return Err(self.fault(i, Syntax::EofValue, Syntax::InvalidNumber));
            }
        }
        Ok(i)
    }

    /// Reads the number, `true` or `false` whose first byte is `first` (from
    /// [`Tokenizer::peek`]) as a [`Scalar`].
    #[inline]
    pub(crate) fn bare_scalar(&mut self, first: u8) -> Result<Scalar<'static>, SyntaxError> {
        match first {
            b't' => self.literal(b"true").map(|()| Scalar::Bool(true)),
            b'f' => self.literal(b"false").map(|()| Scalar::Bool(false)),
            _ => self.number(),
        }
    }

    /// Reads the number at the position as a [`Scalar`]: an integer as `Int` (or `UInt`
    /// beyond `i64`), `-0` as the integer 0; an integer beyond `u64` and any number with a
    /// fraction or an exponent as the nearest double (`Float`), which is an infinity for a
    /// number too large for a double (`1e400`).
    #[inline]
    pub(crate) fn number(&mut self) -> Result<Scalar<'static>, SyntaxError> {
        let bytes = self.bytes();
        let start = self.pos;
        // Short unsigned integers, nearly every integer of a body.
        let mut i = start;
        let mut value: u64 = 0;
        while let Some(&b @ b'0'..=b'9') = bytes.get(i) {
            if i - start == 18 {
                break;
            }
            value = value * 10 + u64::from(b - b'0');
            i += 1;
        }
        let plain = i > start
            && !(bytes[start] == b'0' && i - start > 1)
            && !continues_number(bytes.get(i));
        if plain {
            self.pos = i;
            return Ok(i64::try_from(value).map_or(Scalar::UInt(value), Scalar::Int));
        }
        if let Some((value, end)) = short_decimal(bytes, start) {
            self.pos = end;
            return Ok(Scalar::Float(value));
        }
        self.general_number(start)
    }

    /// [`Tokenizer::number`] for every other token.
    #[inline(never)]
    fn general_number(&mut self, start: usize) -> Result<Scalar<'static>, SyntaxError> {
        let end = self.number_end(start)?;
        self.pos = end;
        let token = self.slice(start, end);
        let integer = !token.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
        if integer {
            if let Ok(i) = token.parse::<i64>() {
                return Ok(Scalar::Int(i));
            }
            if let Ok(u) = token.parse::<u64>() {
                return Ok(Scalar::UInt(u));
            }
        }
        // The standard library's parser rounds correctly, as serde_json's exact one does; a
        // token of the grammar above always parses (to an infinity past the largest double).
        Ok(Scalar::Float(token.parse::<f64>().unwrap_or(f64::NAN)))
    }

    /// Enters an array or an object (the position is at its `[` or `{`).
    pub(crate) fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.fault(self.pos, Syntax::TooDeep, Syntax::TooDeep));
        }
        self.pos += 1;
        Ok(())
    }

    /// Moves to the next key of an object entered with [`Tokenizer::enter`], just after its
    /// opening quote; `false` at the `}` that closes the object (taken). `first` is true until
    /// the first key is reached. The caller reads the key ([`Tokenizer::string`], or
    /// [`Tokenizer::rest`] and [`Tokenizer::advance`]), then takes the `:` with
    /// [`Tokenizer::colon`].
    // Inlined into the object loop, where it runs once a key: measured, an outlined call cost
    // about 1,400 instructions a full job body.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn next_key(&mut self, first: &mut bool) -> Result<bool, SyntaxError> {
        // Compact bodies: the comma and the next key's quote, one compare.
        if !*first && self.bytes().get(self.pos..self.pos + 2) == Some(b",\"") {
            self.pos += 2;
            return Ok(true);
        }
        match self.peek() {
            Some(b'}') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b'"') if *first => {
                *first = false;
                self.pos += 1;
                Ok(true)
            }
            Some(b',') if !*first => {
                self.pos += 1;
                if self.peek() == Some(b'"') {
                    self.pos += 1;
                    Ok(true)
                } else {
                    Err(self.key_fault(true))
                }
            }
            _ => Err(self.key_fault(*first)),
        }
    }

    /// The error where [`Tokenizer::next_key`] found no key: at an object's start or after a
    /// `,` a key is due (`key_due`), elsewhere a `,` or the `}`.
    #[cold]
    #[inline(never)]
    fn key_fault(&self, key_due: bool) -> SyntaxError {
        let at = self.pos;
        let what = match self.bytes().get(at) {
            // Only after a comma: a `}` where the first key is due closes an empty object.
            Some(b'}') if key_due => Syntax::TrailingComma,
            _ if key_due => Syntax::KeyMustBeAString,
            _ => Syntax::ExpectedObjectComma,
        };
        self.fault(at, Syntax::EofObject, what)
    }

    /// Moves to the next element of an array entered with [`Tokenizer::enter`]: `true` at an
    /// element (the position at its first byte), `false` at the `]` that closes the array
    /// (taken). `first` is true until the first element is reached.
    #[inline]
    pub(crate) fn next_element(&mut self, first: &mut bool) -> Result<bool, SyntaxError> {
        match self.peek() {
            Some(b']') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !*first => {
                self.pos += 1;
                match self.peek() {
                    Some(b']') => Err(self.fault(self.pos, Syntax::EofList, Syntax::TrailingComma)),
                    None => Err(self.fault(self.pos, Syntax::EofList, Syntax::EofList)),
                    Some(_) => Ok(true),
                }
            }
            Some(_) if *first => {
                *first = false;
                Ok(true)
            }
            _ => Err(self.fault(self.pos, Syntax::EofList, Syntax::ExpectedListComma)),
        }
    }

    /// Takes the `:` after a key.
    #[inline]
    pub(crate) fn colon(&mut self) -> Result<(), SyntaxError> {
        // Compact bodies: the colon right after the key.
        if self.bytes().get(self.pos) == Some(&b':') {
            self.pos += 1;
            return Ok(());
        }
        if self.peek() != Some(b':') {
            return Err(self.fault(self.pos, Syntax::EofObject, Syntax::ExpectedColon));
        }
        self.pos += 1;
        Ok(())
    }

    /// Takes the opening quote of a string (the position is at it) and reads the string.
    #[inline]
    pub(crate) fn quoted(&mut self) -> Result<Text<'de, '_>, SyntaxError> {
        self.pos += 1;
        self.string()
    }

    /// The input from the position on.
    #[inline]
    pub(crate) fn rest(&self) -> &'de [u8] {
        self.bytes().get(self.pos..).unwrap_or_default()
    }

    /// Moves the position `n` bytes on, over bytes the caller has matched in
    /// [`Tokenizer::rest`].
    #[inline]
    pub(crate) fn advance(&mut self, n: usize) {
        self.pos += n;
    }

    /// Skips one value of any kind, checking it as reading it would.
    pub(crate) fn skip_value(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b'n') => self.literal(b"null"),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'-' | b'0'..=b'9') => {
                self.pos = self.number_end(self.pos)?;
                Ok(())
            }
            Some(b'"') => {
                self.pos += 1;
                self.skip_string()
            }
            Some(b'[') => {
                self.enter()?;
                let mut first = true;
                while self.next_element(&mut first)? {
                    self.skip_value()?;
                }
                Ok(())
            }
            Some(b'{') => {
                self.enter()?;
                let mut first = true;
                while self.next_key(&mut first)? {
                    self.skip_string()?;
                    self.colon()?;
                    self.skip_value()?;
                }
                Ok(())
            }
            _ => Err(self.expected_value()),
        }
    }
}

#[cfg(test)]
mod tests;

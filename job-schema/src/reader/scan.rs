//! The reader's fast path: a JSON tokenizer over a body that is valid UTF-8 as a whole.
//!
//! serde_json checks the UTF-8 of every string it hands over, one `from_utf8` call per key
//! and per value; on a job body that is a fifth of the cost of parsing it. This scanner
//! checks the whole body once, then slices keys and values out of it (borrowed, no escapes)
//! or unescapes them into one scratch buffer that is kept between bodies.
//!
//! It is walked in two ways: directly, by the reader's `direct` loop (keys, values and
//! numbers taken through its `pub(crate)` methods), and through the `serde` traits, driving
//! the same visitors as serde_json. Either way it is *never more lenient*: on anything it is
//! not sure of (malformed JSON, a surrogate escape in a skipped string, nesting deeper than
//! [`MAX_DEPTH`]) it gives up with [`Bail`], and the caller reads the body again, in the end
//! with serde_json, which decides. Numbers are read here when they are short unsigned
//! integers or short decimals (exactly, see `short_decimal`) and by serde_json otherwise. So
//! when the scanner succeeds, serde_json would have handed over the same values, and the
//! report is the same; malformed JSON gets serde_json's own error, line and column.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::value::Scalar;

/// Deserializer methods that give up: nothing in the reader calls them, and serde_json
/// decides what they would do.
macro_rules! bail {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Bail> {
            Err(Bail)
        }
    )*};
}

/// The methods of [`bail!`] that take more than a visitor.
macro_rules! bail_with_extras {
    () => {
        fn deserialize_unit_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            _visitor: V,
        ) -> Result<V::Value, Bail> {
            Err(Bail)
        }
        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            _visitor: V,
        ) -> Result<V::Value, Bail> {
            Err(Bail)
        }
        fn deserialize_tuple<V: Visitor<'de>>(
            self,
            _len: usize,
            _visitor: V,
        ) -> Result<V::Value, Bail> {
            Err(Bail)
        }
        fn deserialize_tuple_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            _len: usize,
            _visitor: V,
        ) -> Result<V::Value, Bail> {
            Err(Bail)
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            _fields: &'static [&'static str],
            _visitor: V,
        ) -> Result<V::Value, Bail> {
            Err(Bail)
        }
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _name: &'static str,
            _variants: &'static [&'static str],
            _visitor: V,
        ) -> Result<V::Value, Bail> {
            Err(Bail)
        }
    };
}

/// Nesting deeper than this gives up (serde_json's limit is 128 for values it visits).
pub(crate) const MAX_DEPTH: usize = 100;

/// The capacity of the scratch buffer when a string first needs it.
const SCRATCH_START: usize = 1024;

/// The most scratch capacity kept between bodies.
const KEEP_SCRATCH: usize = 16 * 1024;

thread_local! {
    /// The unescaping buffer, kept between bodies so that a valid body allocates nothing.
    static SCRATCH: Cell<String> = const { Cell::new(String::new()) };
}

/// The scanner gave up; serde_json reads the body instead.
#[derive(Debug)]
pub(crate) struct Bail;

impl fmt::Display for Bail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the fast path gave up")
    }
}

impl std::error::Error for Bail {}

impl de::Error for Bail {
    fn custom<T: fmt::Display>(_: T) -> Bail {
        Bail
    }
}

/// A string as found: borrowed from the input, or unescaped into the scratch buffer.
pub(crate) enum Text<'de, 's> {
    /// Borrowed from the input (it held no escape).
    Borrowed(&'de str),
    /// Unescaped into the scanner's scratch buffer.
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

/// Hands a number over as a [`Scalar`], as the reader's visitors take it.
struct NumberVisitor;

impl Visitor<'_> for NumberVisitor {
    type Value = Scalar<'static>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar<'static>, E> {
        Ok(Scalar::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar<'static>, E> {
        Ok(i64::try_from(v).map_or(Scalar::UInt(v), Scalar::Int))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar<'static>, E> {
        Ok(Scalar::Float(v))
    }
}

/// The scanner over one body.
pub(crate) struct Scanner<'de> {
    text: &'de str,
    pos: usize,
    depth: usize,
    scratch: String,
}

impl Drop for Scanner<'_> {
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

/// A mask with the high bit set in exactly the bytes of `chunk` that are special.
///
/// Each byte is first cut to its low seven bits, so that no addition carries into the next
/// byte; then the high bit of `y + 0x60` is clear exactly when `y < 0x20`, and that of
/// `(y ^ c) + 0x7f` exactly when `y == c`. A byte with its own high bit set (part of a
/// multi-byte character) is never special. Eleven operations for eight bytes.
#[inline]
fn special_mask(chunk: u64) -> u64 {
    const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low = chunk & LOWS;
    let printable = low + ONES * 0x60;
    let not_quote = (low ^ (ONES * u64::from(b'"'))) + LOWS;
    let not_backslash = (low ^ (ONES * u64::from(b'\\'))) + LOWS;
    !(printable & not_quote & not_backslash | chunk) & HIGHS
}

/// Exact powers of ten: every one up to 10^22 is a double.
pub(crate) const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A number token of the form `-?digits.digits` (no exponent) with at most 15 digits in all,
/// at `start`: its value and where it ends. `None` for anything else, which serde_json reads.
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

/// The value of four hex digits.
fn hex4(bytes: &[u8]) -> Option<u16> {
    let mut value: u16 = 0;
    for &b in bytes.get(..4)? {
        let digit = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => return None,
        };
        value = value * 16 + u16::from(digit);
    }
    Some(value)
}

impl<'de> Scanner<'de> {
    /// A scanner over `bytes`, or `None` when they are not valid UTF-8 as a whole.
    ///
    /// The check is `simdutf8`'s (SIMD where the CPU has it, chosen at run time): on a job
    /// body with a few accented addresses it costs a fraction of `std::str::from_utf8`, which
    /// leaves its word-at-a-time ASCII path at every non-ASCII byte.
    pub(crate) fn new(bytes: &'de [u8]) -> Option<Scanner<'de>> {
        let text = simdutf8::basic::from_utf8(bytes).ok()?;
        Some(Scanner {
            text,
            pos: 0,
            depth: 0,
            scratch: SCRATCH.try_with(Cell::take).unwrap_or_default(),
        })
    }

    #[inline]
    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// Skips whitespace and returns the next byte, without taking it.
    #[inline]
    pub(crate) fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// Succeeds when nothing but whitespace is left.
    pub(crate) fn end(&mut self) -> Result<(), Bail> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(Bail),
        }
    }

    /// Takes `literal` (the position is at its first byte).
    pub(crate) fn literal(&mut self, literal: &[u8]) -> Result<(), Bail> {
        let end = self.pos + literal.len();
        if self.bytes().get(self.pos..end) == Some(literal) {
            self.pos = end;
            Ok(())
        } else {
            Err(Bail)
        }
    }

    /// The end of the plain run that starts at `from`: the position of the next special
    /// byte, or the end of the input.
    #[inline]
    fn plain_run(&self, from: usize) -> usize {
        let rest = self.bytes().get(from..).unwrap_or_default();
        let mut chunks = rest.chunks_exact(8);
        let mut i = from;
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let mask = special_mask(u64::from_le_bytes(word));
            if mask != 0 {
                return i + (mask.trailing_zeros() / 8) as usize;
            }
            i += 8;
        }
        for &b in chunks.remainder() {
            if is_special(b) {
                break;
            }
            i += 1;
        }
        i
    }

    /// Reads a string; the position is just after its opening quote.
    #[inline]
    pub(crate) fn string(&mut self) -> Result<Text<'de, '_>, Bail> {
        let start = self.pos;
        let end = self.plain_run(start);
        if self.bytes().get(end) == Some(&b'"') {
            self.pos = end + 1;
            return self.text.get(start..end).map(Text::Borrowed).ok_or(Bail);
        }
        self.escaped(start, end)
    }

    /// The rest of [`Scanner::string`] once the plain run from `start` ended at `i` on
    /// something other than the closing quote: unescapes into the scratch buffer.
    #[inline(never)]
    fn escaped(&mut self, start: usize, mut i: usize) -> Result<Text<'de, '_>, Bail> {
        let text = self.text;
        if self.bytes().get(i) != Some(&b'\\') {
            return Err(Bail);
        }
        self.scratch.clear();
        // One allocation for the common case, kept for the next bodies.
        self.scratch.reserve(SCRATCH_START);
        self.scratch.push_str(text.get(start..i).ok_or(Bail)?);
        loop {
            // At a backslash.
            let bytes = self.bytes();
            let escape = *bytes.get(i + 1).ok_or(Bail)?;
            i += 2;
            match escape {
                b'"' => self.scratch.push('"'),
                b'\\' => self.scratch.push('\\'),
                b'/' => self.scratch.push('/'),
                b'b' => self.scratch.push('\u{8}'),
                b'f' => self.scratch.push('\u{c}'),
                b'n' => self.scratch.push('\n'),
                b'r' => self.scratch.push('\r'),
                b't' => self.scratch.push('\t'),
                b'u' => {
                    let unit = hex4(bytes.get(i..).ok_or(Bail)?).ok_or(Bail)?;
                    i += 4;
                    let c = match unit {
                        // A high surrogate must be followed by an escaped low one; anything
                        // else is serde_json's to judge.
                        0xD800..=0xDBFF => {
                            if bytes.get(i..i + 2) != Some(b"\\u") {
                                return Err(Bail);
                            }
                            let low = hex4(bytes.get(i + 2..).ok_or(Bail)?).ok_or(Bail)?;
                            if !(0xDC00..=0xDFFF).contains(&low) {
                                return Err(Bail);
                            }
                            i += 6;
                            let high = u32::from(unit - 0xD800) << 10;
                            char::from_u32(0x1_0000 + high + u32::from(low - 0xDC00))
                        }
                        _ => char::from_u32(u32::from(unit)),
                    };
                    self.scratch.push(c.ok_or(Bail)?);
                }
                _ => return Err(Bail),
            }
            let from = i;
            i = self.plain_run(from);
            self.scratch.push_str(text.get(from..i).ok_or(Bail)?);
            match self.bytes().get(i) {
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(Text::Copied(&self.scratch));
                }
                Some(b'\\') => {}
                _ => return Err(Bail),
            }
        }
    }

    /// Skips a string, checking it as [`Scanner::string`] does; the position is just after
    /// its opening quote.
    pub(crate) fn skip_string(&mut self) -> Result<(), Bail> {
        let mut i = self.plain_run(self.pos);
        loop {
            let bytes = self.bytes();
            match bytes.get(i) {
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    match bytes.get(i + 1) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 2,
                        Some(b'u') => {
                            let unit = hex4(bytes.get(i + 2..).ok_or(Bail)?).ok_or(Bail)?;
                            char::from_u32(u32::from(unit)).ok_or(Bail)?;
                            i += 6;
                        }
                        _ => return Err(Bail),
                    }
                    i = self.plain_run(i);
                }
                _ => return Err(Bail),
            }
        }
    }

    /// The end of the number token that starts at `from`: digits, signs, `.`, `e`, `E`.
    fn number_end(&self, from: usize) -> usize {
        let bytes = self.bytes();
        let mut i = from;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = bytes.get(i) {
            i += 1;
        }
        i
    }

    /// Takes `byte`, after whitespace.
    #[inline]
    pub(crate) fn expect(&mut self, byte: u8) -> Result<(), Bail> {
        if self.peek() != Some(byte) {
            return Err(Bail);
        }
        self.pos += 1;
        Ok(())
    }

    /// Takes the opening quote of a string (the position is at it) and reads the string.
    #[inline]
    pub(crate) fn quoted(&mut self) -> Result<Text<'de, '_>, Bail> {
        self.pos += 1;
        self.string()
    }

    /// Moves to the next key of an object entered with [`Scanner::enter`], just after its
    /// opening quote; `false` at the `}` that closes the object (taken). `first` is true until
    /// the first key is reached. The caller reads the key ([`Scanner::string`], or
    /// [`Scanner::rest`] and [`Scanner::advance`]), then takes the `:` with
    /// [`Scanner::expect`].
    #[inline]
    pub(crate) fn next_key(&mut self, first: &mut bool) -> Result<bool, Bail> {
        match self.peek().ok_or(Bail)? {
            b'}' => {
                self.leave(b'}')?;
                return Ok(false);
            }
            b'"' if *first => *first = false,
            b',' if !*first => {
                self.pos += 1;
                if self.peek() != Some(b'"') {
                    return Err(Bail);
                }
            }
            _ => return Err(Bail),
        }
        self.pos += 1;
        Ok(true)
    }

    /// The input from the position on.
    #[inline]
    pub(crate) fn rest(&self) -> &'de [u8] {
        self.bytes().get(self.pos..).unwrap_or_default()
    }

    /// Moves the position `n` bytes on, over bytes the caller has matched in
    /// [`Scanner::rest`].
    #[inline]
    pub(crate) fn advance(&mut self, n: usize) {
        self.pos += n;
    }

    /// Reads the number, `true` or `false` whose first byte is `first` (from
    /// [`Scanner::peek`]) as a [`Scalar`]; gives up on anything else.
    #[inline]
    pub(crate) fn bare_scalar(&mut self, first: u8) -> Result<Scalar<'static>, Bail> {
        match first {
            b'-' | b'0'..=b'9' => self.number_scalar(),
            b't' => self.literal(b"true").map(|()| Scalar::Bool(true)),
            b'f' => self.literal(b"false").map(|()| Scalar::Bool(false)),
            _ => Err(Bail),
        }
    }

    /// Reads a number as a [`Scalar`], exactly as serde_json hands it to a visitor.
    #[inline]
    pub(crate) fn number_scalar(&mut self) -> Result<Scalar<'static>, Bail> {
        self.number(NumberVisitor)
    }

    /// Reads a number for `visitor`: a short unsigned integer or a short decimal here, anything
    /// else through serde_json, so that the visitor sees exactly what serde_json would give it.
    fn number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        let bytes = self.bytes();
        let start = self.pos;
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
            && !matches!(
                bytes.get(i),
                Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'-' | b'+')
            );
        if plain {
            self.pos = i;
            return visitor.visit_u64(value);
        }
        if let Some((value, end)) = short_decimal(bytes, start) {
            self.pos = end;
            return visitor.visit_f64(value);
        }
        let end = self.number_end(start);
        let token = bytes.get(start..end).ok_or(Bail)?;
        let mut de = serde_json::Deserializer::from_slice(token);
        let value = de.deserialize_any(visitor).map_err(|_| Bail)?;
        de.end().map_err(|_| Bail)?;
        self.pos = end;
        Ok(value)
    }

    /// Skips a number token, checking the JSON grammar.
    fn skip_number(&mut self) -> Result<(), Bail> {
        let bytes = self.bytes();
        let mut i = self.pos;
        let digits = |i: &mut usize| {
            let from = *i;
            while let Some(b'0'..=b'9') = bytes.get(*i) {
                *i += 1;
            }
            *i - from
        };
        if bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        let first = i;
        let n = digits(&mut i);
        if n == 0 || (n > 1 && bytes[first] == b'0') {
            return Err(Bail);
        }
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            if digits(&mut i) == 0 {
                return Err(Bail);
            }
        }
        if let Some(b'e' | b'E') = bytes.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = bytes.get(i) {
                i += 1;
            }
            if digits(&mut i) == 0 {
                return Err(Bail);
            }
        }
        self.pos = i;
        Ok(())
    }

    /// Enters an array or an object.
    pub(crate) fn enter(&mut self) -> Result<(), Bail> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Bail);
        }
        self.pos += 1;
        Ok(())
    }

    /// Takes the `]` or `}` that closes what [`Scanner::enter`] entered.
    pub(crate) fn leave(&mut self, close: u8) -> Result<(), Bail> {
        if self.peek() != Some(close) {
            return Err(Bail);
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(())
    }

    /// Skips one value of any kind, checking it.
    pub(crate) fn skip_value(&mut self) -> Result<(), Bail> {
        match self.peek().ok_or(Bail)? {
            b'n' => self.literal(b"null"),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'-' | b'0'..=b'9' => self.skip_number(),
            b'"' => {
                self.pos += 1;
                self.skip_string()
            }
            b'[' => {
                self.enter()?;
                if self.peek() == Some(b']') {
                    return self.leave(b']');
                }
                loop {
                    self.skip_value()?;
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b']') => return self.leave(b']'),
                        _ => return Err(Bail),
                    }
                }
            }
            b'{' => {
                self.enter()?;
                if self.peek() == Some(b'}') {
                    return self.leave(b'}');
                }
                loop {
                    if self.peek() != Some(b'"') {
                        return Err(Bail);
                    }
                    self.pos += 1;
                    self.skip_string()?;
                    if self.peek() != Some(b':') {
                        return Err(Bail);
                    }
                    self.pos += 1;
                    self.skip_value()?;
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => return self.leave(b'}'),
                        _ => return Err(Bail),
                    }
                }
            }
            _ => Err(Bail),
        }
    }
}

impl<'de> Deserializer<'de> for &mut Scanner<'de> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.peek().ok_or(Bail)? {
            b'n' => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            b't' => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            b'-' | b'0'..=b'9' => self.number(visitor),
            b'"' => {
                self.pos += 1;
                match self.string()? {
                    Text::Borrowed(s) => visitor.visit_borrowed_str(s),
                    Text::Copied(s) => visitor.visit_str(s),
                }
            }
            b'[' => {
                self.enter()?;
                let value = visitor.visit_seq(Elements {
                    scanner: &mut *self,
                    first: true,
                })?;
                self.leave(b']')?;
                Ok(value)
            }
            b'{' => {
                self.enter()?;
                let value = visitor.visit_map(Entries {
                    scanner: &mut *self,
                    first: true,
                })?;
                self.leave(b'}')?;
                Ok(value)
            }
            _ => Err(Bail),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.skip_value()?;
        visitor.visit_unit()
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        if self.peek() != Some(b'"') {
            return Err(Bail);
        }
        self.pos += 1;
        match self.string()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Copied(s) => visitor.visit_str(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_str(visitor)
    }

    bail! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32
        deserialize_f64 deserialize_char deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier
    }
    bail_with_extras!();
}

/// A key of an object; the position is at its opening quote.
struct Key<'a, 'de> {
    scanner: &'a mut Scanner<'de>,
}

impl<'de> Key<'_, 'de> {
    #[inline]
    fn read<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.scanner.pos += 1;
        match self.scanner.string()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Copied(s) => visitor.visit_str(s),
        }
    }
}

impl<'de> Deserializer<'de> for Key<'_, 'de> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.read(visitor)
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.read(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.read(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.read(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.read(visitor)
    }

    bail! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32
        deserialize_f64 deserialize_char deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
    }
    bail_with_extras!();
}

/// The entries of an object, as serde_json's `MapAccess` reads them.
struct Entries<'a, 'de> {
    scanner: &'a mut Scanner<'de>,
    first: bool,
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = Bail;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Bail> {
        match self.scanner.peek().ok_or(Bail)? {
            b'}' => return Ok(None),
            b'"' if self.first => self.first = false,
            b',' if !self.first => {
                self.scanner.pos += 1;
                if self.scanner.peek() != Some(b'"') {
                    return Err(Bail);
                }
            }
            _ => return Err(Bail),
        }
        seed.deserialize(Key {
            scanner: &mut *self.scanner,
        })
        .map(Some)
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Bail> {
        if self.scanner.peek() != Some(b':') {
            return Err(Bail);
        }
        self.scanner.pos += 1;
        seed.deserialize(&mut *self.scanner)
    }
}

/// The elements of an array, as serde_json's `SeqAccess` reads them.
struct Elements<'a, 'de> {
    scanner: &'a mut Scanner<'de>,
    first: bool,
}

impl<'de> SeqAccess<'de> for Elements<'_, 'de> {
    type Error = Bail;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Bail> {
        match self.scanner.peek().ok_or(Bail)? {
            b']' => return Ok(None),
            _ if self.first => self.first = false,
            b',' => {
                self.scanner.pos += 1;
                match self.scanner.peek() {
                    Some(b']') | None => return Err(Bail),
                    Some(_) => {}
                }
            }
            _ => return Err(Bail),
        }
        seed.deserialize(&mut *self.scanner).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{direct_into, scan_into, serde_into};
    use super::short_decimal;
    use crate::{Job, Options, Path, Report};

    const U: &str = "c7319be2-03f5-46fc-be02-2341cca844db";

    fn corpus() -> Vec<String> {
        vec![
            format!(
                r#"{{"status": "Work Order", "uuid": "{U}", "company_uuid": "{U}",
                "job_address": "12 Rue de l'\u00c9glise, Zürich \"Nord\"\n\t\/ \ud83d\ude00",
                "job_description": "line one\nline \"two\" \\ \b\f\r",
                "lat": -27.4698, "lng": "153.0251", "geo_is_valid": 1, "invoice_sent": true,
                "quote_sent": "0", "payment_amount": 0, "related_knowledge_articles": false,
                "badges": "[\"{U}\", \"{U}\"]", "date": "2025-09-18 00:00:00",
                "customfield_xero": "x", "customfield_a\u0062": "y",
                "unknown": {{"a": [1, -2.5e3, "s\u00e9", null, true, {{}}, []], "b": {{"c": [[[]]]}}}},
                "Status": "Quote", "edit_date": "0000-00-00 00:00:00", "active": 1}}"#
            ),
            r#"{"status": "Quote", "payment_amount": -0, "payment_note": 1e5,
                "payment_method": 1E+2, "ready_to_invoice": 0.1,
                "active_network_request_uuid": 123456789012345678901234,
                "payment_date": -9223372036854775809, "geo_number": 18446744073709551615,
                "geo_city": 18446744073709551616, "geo_state": -1.5e-3, "lat": 90,
                "lng": -180.0000000000000001, "invoice_sent": 2, "x": [0, 10, 999999999999999999]}"#
                .to_owned(),
            r#"{"status": null, "status": "", "job_address": {"a": 1}, "badges": ["x"],
                "uuid": "{x}", "lat": "abc", "lng": 400, "customfield_q": 5,
                "customfield_q": "dup", "purchase_order_no": "p", "date": "2025-02-30"}"#
                .to_owned(),
            r#"[1, "two", {"three": 3}]"#.to_owned(),
            r#"  "just a string"  "#.to_owned(),
            r#"{"status": "Quote", "job_description": "\u0000 \u001f \u007f \uFFFF"}"#.to_owned(),
            format!(
                r#"{{"status": "Quote", "x": {}1{}}}"#,
                "[".repeat(99),
                "]".repeat(99)
            ),
            format!(
                r#"{{"status": "Quote", "x": {}1{}}}"#,
                "[".repeat(140),
                "]".repeat(140)
            ),
            "{}".to_owned(),
            "17".to_owned(),
            // Keys matched in the input, and keys that only look like field names: escaped,
            // a prefix or an extension of a name, a name with a space, the empty key.
            r#"{"st\u0061tus": "Quote", "statu": 1, "statuss": 2, "status ": 3, "": 4,
                "uuid\"": 5, "uuid": "x", "uuid": "y", "\u0075uid": "z", "status": "Quote"}"#
                .to_owned(),
        ]
    }

    /// Checks that, when the scanner reads `bytes`, serde_json reads the same, through the
    /// serde visitors and through the direct reader, checking and building; returns whether
    /// the scanner read it, and whether the direct reader did.
    fn agree(bytes: &[u8]) -> (bool, bool) {
        let mut scanned = true;
        let mut checked = true;
        for options in [
            Options::default(),
            Options::default().strict(),
            Options::default().record(),
        ] {
            let mut slow = Report::new();
            serde_into::<Job, false>(bytes, options, &Path::ROOT, &mut slow);
            // The direct reader agrees with serde_json's reading too.
            let mut direct = Report::new();
            let mut record = None;
            if direct_into::<Job, false>(bytes, options, &Path::ROOT, &mut direct, &mut record)
                .is_ok()
            {
                assert!(record.is_none());
                assert_eq!(direct, slow, "{}", String::from_utf8_lossy(bytes));
            } else {
                assert!(
                    direct.is_empty(),
                    "a check that gave up leaves the report as it was"
                );
                checked = false;
            }
            let mut fast = Report::new();
            if let Ok(record) = scan_into::<Job, false>(bytes, options, &Path::ROOT, &mut fast) {
                assert!(record.is_none());
                assert_eq!(fast, slow, "{}", String::from_utf8_lossy(bytes));
            } else {
                assert!(
                    fast.is_empty(),
                    "a scan that gave up leaves the report as it was"
                );
                scanned = false;
            }
            let mut slow = Report::new();
            let slow_record = serde_into::<Job, true>(bytes, options, &Path::ROOT, &mut slow);
            let mut fast = Report::new();
            if let Ok(record) = scan_into::<Job, true>(bytes, options, &Path::ROOT, &mut fast) {
                assert_eq!(fast, slow, "{}", String::from_utf8_lossy(bytes));
                assert_eq!(record, slow_record, "{}", String::from_utf8_lossy(bytes));
            } else {
                scanned = false;
            }
            let mut direct = Report::new();
            let mut record = None;
            if direct_into::<Job, true>(bytes, options, &Path::ROOT, &mut direct, &mut record)
                .is_ok()
            {
                assert_eq!(direct, slow, "{}", String::from_utf8_lossy(bytes));
                assert_eq!(record, slow_record, "{}", String::from_utf8_lossy(bytes));
            } else {
                assert!(direct.is_empty(), "{}", String::from_utf8_lossy(bytes));
                checked = false;
            }
        }
        (scanned, checked)
    }

    #[test]
    fn well_formed_bodies_take_the_fast_path_and_agree() {
        for (i, doc) in corpus().iter().enumerate() {
            let (scanned, checked) = agree(doc.as_bytes());
            // The 140-deep array is the one the scanner leaves to serde_json.
            assert_eq!(scanned, i != 7, "{doc}");
            // The check-only loop reads every object the scanner reads.
            assert_eq!(
                checked,
                scanned && doc.trim_start().starts_with('{'),
                "{doc}"
            );
        }
    }

    #[test]
    fn malformed_bodies_get_serde_json_errors() {
        for bad in [
            "",
            "{",
            r#"{"status": "Quote",}"#,
            r#"{"status" "Quote"}"#,
            r#"{"status": "Quote"} x"#,
            r#"{"status": "Qu"#,
            "{\"status\": \"a\u{1}b\"}",
            r#"{"status": "\x"}"#,
            r#"{"status": "\ud800"}"#,
            r#"{"status": "\udc00\ud800"}"#,
            r#"{"status": 01}"#,
            r#"{"status": 1.}"#,
            r#"{"status": -}"#,
            r#"{"status": 1e400}"#,
            r#"{"x": [1,]}"#,
            r#"{"x": [1 2]}"#,
            r#"{"x": {"a" 1}}"#,
            r#"{"x": tru}"#,
            r#"{"x": nul}"#,
            "{1: 2}",
            r#"{"status"#,
            r#"{"status": "Quote", "uuid""#,
        ] {
            let bytes = bad.as_bytes();
            assert_eq!(agree(bytes), (false, false), "{bad}");
        }
        // Invalid UTF-8 in a value that is skipped: serde_json accepts it, and so does the
        // fallback.
        let mut body = br#"{"status": "Quote", "unknown": "x"}"#.to_vec();
        let at = body.iter().rposition(|&b| b == b'x').unwrap();
        body[at] = 0xff;
        assert_eq!(agree(&body), (false, false));
        let report = Job::check_json(&body, Options::default());
        assert!(!report.has_errors(), "{report}");
    }

    #[test]
    fn short_decimals_are_the_doubles_serde_json_reads() {
        let mut rng = crate::test_rng::Rng::new(0x0DEC_1A7E_u64);
        let mut next = || rng.bits();
        let mut tokens: Vec<String> = [
            "0.0",
            "-0.0",
            "0.5",
            "-27.4698",
            "153.0251",
            "1.7976931348623",
            "0.000000000000001",
            "999999999999999.0",
            "9007199254740.993",
            "0.1",
            "0.30000000000000",
        ]
        .iter()
        .map(|t| (*t).to_owned())
        .collect();
        for _ in 0..20_000 {
            let whole = next() % 1_000_000;
            let places = usize::try_from(next() % 10).unwrap() + 1;
            let fraction = next() % 10u64.pow(u32::try_from(places).unwrap());
            let sign = if next() % 2 == 0 { "-" } else { "" };
            tokens.push(format!("{sign}{whole}.{fraction:0places$}"));
        }
        let mut fast = 0;
        for token in &tokens {
            let expected: f64 = serde_json::from_str(token).unwrap();
            if let Some((value, end)) = short_decimal(token.as_bytes(), 0) {
                assert_eq!(value.to_bits(), expected.to_bits(), "{token}");
                assert_eq!(end, token.len(), "{token}");
                fast += 1;
            }
        }
        assert!(fast > tokens.len() * 9 / 10, "{fast} of {}", tokens.len());
        // Not for this path: exponents, long digit runs, leading zeros, bare points.
        for token in [
            "1e5",
            "1.5e3",
            "1234567890.1234567",
            "01.5",
            "1.",
            "-.5",
            ".5",
            "1.5.2",
            "12",
        ] {
            assert_eq!(short_decimal(token.as_bytes(), 0), None, "{token}");
        }
    }

    #[test]
    fn the_mask_finds_the_first_special_byte() {
        const BYTES: &[u8] = b"\"\\\x00\x1f\x20\x21aZ\x7f\x80\xc3\xff\x5b\x5d";
        let first = |word: [u8; 8]| word.iter().position(|&b| super::is_special(b));
        let mut rng = Rng(0x00C0_FFEE);
        for _ in 0..200_000 {
            let mut word = [0u8; 8];
            for b in &mut word {
                *b = BYTES[rng.below(BYTES.len())];
            }
            let mask = super::special_mask(u64::from_le_bytes(word));
            let found = (mask != 0).then(|| (mask.trailing_zeros() / 8) as usize);
            assert_eq!(found, first(word), "{word:?}");
        }
        for b in 0..=u8::MAX {
            for at in 0..8 {
                let mut word = [b'a'; 8];
                word[at] = b;
                let mask = super::special_mask(u64::from_le_bytes(word));
                let found = (mask != 0).then(|| (mask.trailing_zeros() / 8) as usize);
                assert_eq!(found, first(word), "{word:?}");
                // Exact: the high bit of each special byte and of nothing else.
                let expected = word.iter().enumerate().fold(0u64, |m, (k, &b)| {
                    m | (u64::from(super::is_special(b)) << (8 * k + 7))
                });
                let mut mixed = [0x22u8, 0x5c, 0x1f, 0xc3, 0x80, 0x20, 0x7f, 0x00];
                mixed[at] = b;
                let exact = mixed.iter().enumerate().fold(0u64, |m, (k, &b)| {
                    m | (u64::from(super::is_special(b)) << (8 * k + 7))
                });
                assert_eq!(mask, expected, "{word:?}");
                assert_eq!(
                    super::special_mask(u64::from_le_bytes(mixed)),
                    exact,
                    "{mixed:?}"
                );
            }
        }
    }

    /// A tiny xorshift for the mutations.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            usize::try_from(self.0 % (n as u64)).unwrap()
        }
    }

    #[test]
    fn mutated_bodies_agree() {
        const ALPHABET: &[u8] = b"\"\\,:{}[]0-.eEu+n 1x\x1f\xff\xc3\xa9t";
        let mut rng = Rng(0x5EED);
        let (mut scanned, mut checked) = (0, 0);
        let mut total = 0;
        for doc in corpus() {
            for _ in 0..300 {
                let mut bytes = doc.clone().into_bytes();
                for _ in 0..=rng.below(3) {
                    let at = rng.below(bytes.len() + 1);
                    match rng.below(4) {
                        0 if at < bytes.len() => {
                            bytes.remove(at);
                        }
                        1 if at < bytes.len() => bytes[at] = ALPHABET[rng.below(ALPHABET.len())],
                        2 => bytes.truncate(at),
                        _ => bytes.insert(at, ALPHABET[rng.below(ALPHABET.len())]),
                    }
                }
                total += 1;
                let (fast, direct) = agree(&bytes);
                // The check-only loop reads every object the scanner reads.
                let object = bytes.trim_ascii_start().first() == Some(&b'{');
                assert_eq!(
                    direct,
                    fast && object,
                    "{}",
                    String::from_utf8_lossy(&bytes)
                );
                scanned += usize::from(fast);
                checked += usize::from(direct);
            }
        }
        // Many mutations keep the body well-formed (a changed letter in a string).
        assert!(scanned > total / 10, "{scanned} of {total} scanned");
        assert!(checked > total / 20, "{checked} of {total} checked");
    }
}

//! How a value from the input is shown in a report: [`echo`] (escaped and cut to
//! [`ECHO_LIMIT`] characters) and [`escape`] (escaped, nothing cut).

use std::borrow::Cow;

/// The most characters of an input value that an [`Issue`] echoes back, counted in the
/// echo as written: escapes and the `…` that marks a cut included (see [`echo`]).
///
/// [`Issue`]: super::Issue
pub const ECHO_LIMIT: usize = 64;

/// Escapes `value` and cuts it to at most [`ECHO_LIMIT`] characters, so that it is safe to
/// log.
///
/// The characters [`escape`] escapes (control characters and invisible format characters)
/// are written as their Rust escapes (`\n`, `\u{202e}`); the others as they are. When the
/// value so written takes at most [`ECHO_LIMIT`] characters, that is the echo. Otherwise the
/// echo is the longest run of its first characters and escapes (an escape is never split)
/// that takes at most `ECHO_LIMIT - 1` characters, followed by `…`. Either way the echo takes
/// at most [`ECHO_LIMIT`] characters (Unicode scalar values).
///
/// ```
/// use job_schema::report::echo;
/// assert_eq!(echo("a\tb"), "a\\tb");
/// assert_eq!(echo(&"x".repeat(1000)).chars().count(), 64);
/// // An escape that does not fit before the cut is left out whole.
/// let cut = echo(&format!("{}\u{202e}", "x".repeat(63)));
/// assert_eq!(cut, format!("{}…", "x".repeat(63)));
/// ```
pub fn echo(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(ECHO_LIMIT * 2));
    echo_into(&mut out, value);
    out
}

/// Whether `c` is escaped when echoed: control characters, and the invisible format
/// characters that can reorder or hide text in a log (bidirectional overrides and isolates,
/// zero-width characters, line and paragraph separators, the byte order mark).
fn must_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// How `c` is written in an echo or an escaped name: `None` when it is written as it is,
/// else its Rust escape (`\n`, `\u{202e}`).
fn escape_of(c: char) -> Option<std::char::EscapeDefault> {
    must_escape(c).then(|| c.escape_default())
}

/// `text` with the characters that [`echo`] escapes escaped the same way, and nothing cut:
/// for text shown whole on a terminal, such as a key in a field's path or a file name.
///
/// Control characters and the invisible format characters that can reorder or hide text
/// (bidirectional overrides and isolates, zero-width characters, line and paragraph
/// separators, the byte order mark) are written as their Rust escapes; borrowed when there
/// is none.
///
/// ```
/// use job_schema::report::escape;
/// assert_eq!(escape("a\u{202e}b\u{200b}\x1b[31m"), "a\\u{202e}b\\u{200b}\\u{1b}[31m");
/// assert_eq!(escape("status"), "status");
/// ```
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(must_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match escape_of(c) {
            Some(escaped) => out.extend(escaped),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// How much of a value with nothing to escape among its first characters is echoed.
enum Prefix {
    /// All of it: at most [`ECHO_LIMIT`] characters.
    Whole,
    /// The bytes before this offset (`ECHO_LIMIT - 1` characters), then `…`.
    Cut(usize),
}

/// Reads the UTF-8 `bytes` of a `str` up to its first [`ECHO_LIMIT`] characters, byte by
/// byte (eight at a time over printable ASCII): `None` when one of them must be escaped (see
/// [`must_escape`], here matched on its encoding), else how much of the value is echoed.
fn printable_prefix(bytes: &[u8]) -> Option<Prefix> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Printable ASCII throughout the first `ECHO_LIMIT` bytes, the common case, is settled by
    // one test over them (without early exit, so that it compiles to vector instructions):
    // the bytes are the characters.
    let head = &bytes[..bytes.len().min(ECHO_LIMIT)];
    if head
        .iter()
        .fold(true, |plain, b| plain & (0x20..0x7f).contains(b))
    {
        return Some(if bytes.len() > ECHO_LIMIT {
            Prefix::Cut(ECHO_LIMIT - 1)
        } else {
            Prefix::Whole
        });
    }
    if let Some(prefix) = unescaped_prefix(bytes) {
        return Some(prefix);
    }
    let mut at = 0;
    let mut count = 0;
    let mut cut = 0;
    while at < bytes.len() {
        if count == ECHO_LIMIT {
            return Some(Prefix::Cut(cut));
        }
        // Eight bytes at once while they stay below the cut: the printable ASCII ones before
        // the first other byte are taken together (a borrow can only mark bytes above a
        // marked one, so the lowest mark is exact).
        if count + 8 < ECHO_LIMIT {
            if let Some(chunk) = bytes.get(at..at + 8) {
                let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
                let wide = word & HIGHS;
                let low = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
                let del = word ^ (ONES * 0x7f);
                let del = del.wrapping_sub(ONES) & !del & HIGHS;
                let plain = (wide | low | del).trailing_zeros() as usize / 8;
                at += plain;
                count += plain;
                if plain == 8 {
                    continue;
                }
            }
        }
        if count == ECHO_LIMIT - 1 {
            cut = at;
        }
        let b = bytes[at];
        let next = |k: usize| bytes.get(at + k).copied().unwrap_or(0);
        let (width, escape) = match b {
            0x00..=0x1f | 0x7f => (1, true),
            0x20..=0x7e => (1, false),
            // U+0080 to U+009F, the C1 controls.
            0xc2 => (2, next(1) <= 0x9f),
            0xc3..=0xdf => (2, false),
            // U+200B–U+200F, U+2028–U+202E, U+2060–U+2069.
            0xe2 => (
                3,
                match (next(1), next(2)) {
                    (0x80, c) => matches!(c, 0x8b..=0x8f | 0xa8..=0xae),
                    (0x81, c) => matches!(c, 0xa0..=0xa9),
                    _ => false,
                },
            ),
            // U+FEFF.
            0xef => (3, next(1) == 0xbb && next(2) == 0xbf),
            0xe0..=0xef => (3, false),
            _ => (4, false),
        };
        if escape {
            return None;
        }
        at += width;
        count += 1;
    }
    Some(Prefix::Whole)
}

/// [`printable_prefix`] for text beyond ASCII with no byte that can start a character to
/// escape, the common case of a long value beyond ASCII (an address): `None` when a byte
/// among the first [`UNESCAPED_HEAD`] is a control byte, DEL, or the lead byte of a
/// character whose range holds one to escape (`0xC2`: the C1 controls; `0xE2`: the format
/// characters of U+2000–U+2FFF; `0xEF`: U+FEFF), or when the first [`ECHO_LIMIT`] characters
/// do not lie within those bytes; else how much is echoed. The test over the bytes has no
/// early exit, so that it compiles to vector instructions; the characters are then counted
/// eight bytes at a time (a character starts at every byte that is not `10xxxxxx`).
fn unescaped_prefix(bytes: &[u8]) -> Option<Prefix> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let head = &bytes[..bytes.len().min(UNESCAPED_HEAD)];
    // `&`, not `&&`: without an early exit the test compiles to vector instructions.
    #[allow(clippy::needless_bitwise_bool)]
    let plain = head.iter().fold(true, |plain, &b| {
        plain & (b >= 0x20) & (b != 0x7f) & (b != 0xc2) & (b != 0xe2) & (b != 0xef)
    });
    if !plain {
        return None;
    }
    if bytes.len() <= ECHO_LIMIT {
        return Some(Prefix::Whole);
    }
    // Where the character at index `ECHO_LIMIT - 1` starts (the cut), and whether another
    // one starts after it.
    let mut at = 0;
    let mut count = 0;
    while count + 8 < ECHO_LIMIT {
        let Some(chunk) = head.get(at..at + 8) else {
            break;
        };
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // A continuation byte has its top bit set and the next one clear.
        let continuation = (word & !(word << 1)) & (ONES << 7);
        count += 8 - continuation.count_ones() as usize;
        at += 8;
    }
    // Back up to the start of the character the chunks ended in, if they ended inside one.
    while at > 0 && at < head.len() && head[at] & 0xc0 == 0x80 {
        at -= 1;
        if head[at] & 0xc0 != 0x80 {
            count -= 1;
        }
    }
    let mut cut = None;
    while at < head.len() {
        if head[at] & 0xc0 != 0x80 {
            if count == ECHO_LIMIT - 1 {
                cut = Some(at);
            } else if count == ECHO_LIMIT {
                return cut.map(Prefix::Cut);
            }
            count += 1;
        }
        at += 1;
    }
    match cut {
        // The head is the value, and it has at most `ECHO_LIMIT` characters.
        _ if head.len() == bytes.len() => Some(Prefix::Whole),
        // The character at the cut (not echoed) takes at most four bytes: when more follow,
        // another character starts after it.
        Some(cut) if cut + 4 < bytes.len() => Some(Prefix::Cut(cut)),
        _ => None,
    }
}

/// How many first bytes of a value [`unescaped_prefix`] tests: room for [`ECHO_LIMIT`]
/// characters of one or two bytes (Latin, Greek, Cyrillic…).
const UNESCAPED_HEAD: usize = 2 * ECHO_LIMIT;

/// [`echo`], as an [`Issue`] keeps it: allocated at its size.
///
/// [`Issue`]: super::Issue
pub(super) fn echo_boxed(value: &str) -> Box<str> {
    match printable_prefix(value.as_bytes()) {
        Some(Prefix::Whole) => Box::from(value),
        Some(Prefix::Cut(at)) => {
            let mut out = String::with_capacity(at + '…'.len_utf8());
            out.push_str(&value[..at]);
            out.push('…');
            out.into_boxed_str()
        }
        None => echo(value).into_boxed_str(),
    }
}

/// [`echo`], appended to `out`.
pub(super) fn echo_into(out: &mut String, value: &str) {
    // No character to escape among the first characters, the common case: the value as it
    // is, or its first `ECHO_LIMIT - 1` characters and `…`.
    match printable_prefix(value.as_bytes()) {
        Some(Prefix::Whole) => {
            out.push_str(value);
            return;
        }
        Some(Prefix::Cut(at)) => {
            out.push_str(&value[..at]);
            out.push('…');
            return;
        }
        None => {}
    }
    // Each character or escape is written whole if what is written so far then still leaves
    // room for the `…` of a cut, or, for the last one, fits the limit; otherwise the echo is
    // cut before it. What was written before a cut takes at most `ECHO_LIMIT - 1` characters.
    let mut count = 0;
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        let escaped = escape_of(c);
        // An escape counts as the characters it takes.
        let width = escaped.as_ref().map_or(1, ExactSizeIterator::len);
        let room = if chars.as_str().is_empty() {
            ECHO_LIMIT
        } else {
            ECHO_LIMIT - 1
        };
        if count + width > room {
            out.push('…');
            break;
        }
        count += width;
        match escaped {
            Some(escaped) => out.extend(escaped),
            None => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Code, Form, Params, Phrase, Violation};

    #[test]
    fn echo_escapes_invisible_format_characters() {
        assert_eq!(echo("a\u{202E}b"), "a\\u{202e}b");
        assert_eq!(echo("\u{200B}x\u{2028}"), "\\u{200b}x\\u{2028}");
        assert_eq!(echo("\u{FEFF}"), "\\u{feff}");
        assert_eq!(echo("Zürich"), "Zürich");
    }

    #[test]
    fn echo_cuts_long_values_to_the_limit() {
        let long = "é".repeat(10_000);
        let e = echo(&long);
        assert_eq!(e.chars().count(), ECHO_LIMIT);
        assert!(e.ends_with('…'));
        assert_eq!(echo("short"), "short");
        assert_eq!(echo(&"y".repeat(64)), "y".repeat(64));
    }

    #[test]
    fn echo_takes_short_printable_ascii_as_it_is() {
        for value in [
            "",
            "x",
            "work order",
            &"y".repeat(64),
            "~!@#$%^&*()_+{}|:<>?",
        ] {
            assert_eq!(echo(value), value);
        }
        // One more character, or one control character, takes the general path.
        assert_eq!(echo(&"y".repeat(65)).chars().count(), ECHO_LIMIT);
        assert_eq!(echo("a\u{7f}b"), "a\\u{7f}b");
        let quoted = Violation::deferred(
            Code::Number,
            Form::Quoted(Phrase::NotNumber, false),
            Params::Empty,
        );
        assert_eq!(
            quoted.message(Some("a\tb")),
            "\"a\\tb\" is not a finite decimal number"
        );
    }

    /// The echo as [`echo`]'s contract states it, written plainly: the pieces (a character,
    /// or the escape of one that must be escaped), all of them when they take at most
    /// `ECHO_LIMIT` characters, else the longest run of first pieces that takes at most
    /// `ECHO_LIMIT - 1` characters, then `…`.
    fn echo_by_contract(value: &str) -> String {
        let pieces: Vec<String> = value
            .chars()
            .map(|c| {
                if must_escape(c) {
                    c.escape_default().collect()
                } else {
                    c.to_string()
                }
            })
            .collect();
        let total: usize = pieces.iter().map(|p| p.chars().count()).sum();
        if total <= ECHO_LIMIT {
            return pieces.concat();
        }
        let mut out = String::new();
        let mut width = 0;
        for piece in pieces {
            width += piece.chars().count();
            if width > ECHO_LIMIT - 1 {
                break;
            }
            out.push_str(&piece);
        }
        out.push('…');
        out
    }

    #[test]
    fn an_escape_at_the_cut_never_takes_the_echo_past_the_limit() {
        // The report of a value of 63 characters then U+202E once reached 71 characters.
        let x = |n: usize| "x".repeat(n);
        assert_eq!(echo(&format!("{}\u{202e}", x(63))), format!("{}…", x(63)));
        assert_eq!(echo(&format!("{}\n", x(63))), format!("{}…", x(63)));
        // Eight characters for the escape: 56 more fit exactly, 57 do not.
        assert_eq!(
            echo(&format!("{}\u{202e}", x(56))),
            format!("{}\\u{{202e}}", x(56))
        );
        assert_eq!(echo(&format!("{}\u{202e}", x(57))), format!("{}…", x(57)));
        assert_eq!(
            echo(&format!("{}\u{202e}yz", x(54))),
            format!("{}\\u{{202e}}yz", x(54))
        );
        assert_eq!(
            echo(&format!("{}\u{202e}yz", x(55))),
            format!("{}\\u{{202e}}…", x(55))
        );
        for escape in ["\n", "\u{0}", "\u{85}", "\u{200b}", "\u{202e}", "\u{feff}"] {
            for n in 40..80 {
                for tail in ["", "y", "\t"] {
                    let value = format!("{}{escape}{tail}", x(n));
                    let echoed = echo(&value);
                    assert!(echoed.chars().count() <= ECHO_LIMIT, "{value:?}: {echoed}");
                    let mut boxed = String::from(echo_boxed(&value));
                    assert_eq!(boxed, echoed);
                    boxed.clear();
                    echo_into(&mut boxed, &value);
                    assert_eq!(boxed, echoed);
                }
            }
        }
    }

    #[test]
    fn every_path_of_echo_agrees_with_the_contract() {
        let pieces = ["a", "é", "\n", "\u{0}", "ab", "Ōtaki ", "\u{85}"];
        let mut values = vec![String::new()];
        for n in [1, 2, 62, 63, 64, 65, 66, 130] {
            for piece in pieces {
                values.push(piece.repeat(n));
                values.push(format!("{}{piece}", "x".repeat(n)));
                values.push(format!("{piece}{}", "y".repeat(n)));
            }
        }
        for value in values {
            assert_eq!(echo(&value), echo_by_contract(&value), "{value:?}");
        }
    }

    #[test]
    fn echo_agrees_with_the_contract_on_random_text() {
        // Every character `echo` escapes beyond ASCII, its neighbours, and plain text.
        let pool: Vec<char> =
            "a Z~\u{7f}\u{80}\u{9f}\u{a0}é\u{7ff}\u{800}\u{200a}\u{200b}\u{200f}\u{2010}\
                               \u{2027}\u{2028}\u{202e}\u{202f}\u{205f}\u{2060}\u{2069}\u{206a}\
                               \u{fefe}\u{feff}\u{ff00}\u{ffff}\u{10000}😀\t\n\u{0}"
                .chars()
                .collect();
        let mut rng = crate::test_rng::Rng::new(0xEC40_u64);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..20_000 {
            // Mostly ASCII, so that the eight-byte steps are taken, with a few others.
            let len = next(150);
            let plain = next(4) != 0;
            let value: String = (0..len)
                .map(|_| {
                    if plain && next(20) != 0 {
                        char::from(b' ' + u8::try_from(next(95)).unwrap())
                    } else {
                        pool[next(pool.len())]
                    }
                })
                .collect();
            assert_eq!(echo(&value), echo_by_contract(&value), "{value:?}");
        }
    }

    #[test]
    fn text_beyond_ascii_with_nothing_to_escape_agrees_with_the_contract() {
        // Characters of one to four bytes, none of whose lead bytes can start one to escape,
        // so that the wide test over the first bytes decides; lengths around every cut.
        let pool: Vec<char> =
            "aZ ~éÖŌü\u{7ff}\u{800}中\u{1fff}\u{3000}\u{d7ff}\u{e000}😀\u{10ffff}"
                .chars()
                .collect();
        let mut rng = crate::test_rng::Rng::new(0xEC41_u64);
        let mut next = |n: usize| rng.below(n);
        let mut taken = 0;
        for _ in 0..20_000 {
            let len = next(140);
            let value: String = (0..len).map(|_| pool[next(pool.len())]).collect();
            taken += usize::from(unescaped_prefix(value.as_bytes()).is_some());
            assert_eq!(echo(&value), echo_by_contract(&value), "{value:?}");
            assert_eq!(&*echo_boxed(&value), echo_by_contract(&value), "{value:?}");
        }
        // Many values are decided there (not those whose first characters take more than
        // `UNESCAPED_HEAD` bytes), and a long address always is.
        assert!(taken > 5_000, "{taken}");
        let address = "Lot 12, Gräben Road, Ōtaki ".repeat(20);
        assert!(matches!(
            unescaped_prefix(address.as_bytes()),
            Some(Prefix::Cut(_))
        ));
        assert_eq!(echo(&address), echo_by_contract(&address));
        // The lead bytes of characters to escape send the value to the general path.
        for escaped in ["\u{85}", "\u{202e}", "\u{feff}", "\u{7f}", "\t"] {
            let value = format!("é{escaped}");
            assert!(unescaped_prefix(value.as_bytes()).is_none());
            assert_eq!(echo(&value), echo_by_contract(&value));
        }
    }

    #[test]
    fn echo_escapes_control_characters_within_the_limit() {
        assert_eq!(echo("a\nb\u{0}"), "a\\nb\\u{0}");
        let e = echo(&"\n".repeat(100));
        assert!(e.chars().count() <= ECHO_LIMIT);
        assert!(!e.contains('\n'));
    }
}

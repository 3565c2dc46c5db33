//! The regular expressions of the format rules, as JSON Schema's `pattern` takes them: the
//! ECMA-262 syntax that every engine shares (no `\d`, whose meaning differs between engines,
//! no look-around), anchored at both ends.
//!
//! Each accepts exactly the strings its rule accepts in strict mode; the tests of
//! `json_schema` compare them with the rules on every day of several centuries and on
//! generated and mutated values.
//!
//! JSON Schema specifies ECMA-262's `$`, which matches only at the end; the `$` of Python's
//! `re`, PCRE, Perl, Java and .NET also matches before a final newline, so under those
//! engines `"2026-02-10 02:53:30\n"` matches [`datetime`]. The schema's users are in every
//! language, so the fixed-length formats carry their lengths beside their patterns
//! (`maxLength`, and for `date` the lengths between its two forms refused): the lengths
//! below, which every string a pattern accepts has. Numeric text refuses [`NEWLINE`].

/// A year from 0001 to 9999: four digits, not all zero.
const YEAR: &str = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})";

/// A month and a day of it, February up to the 28th.
const MONTH_DAY: &str = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])\
                         |(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)\
                         |02-(?:0[1-9]|1[0-9]|2[0-8]))";

/// A leap year of the Gregorian calendar: divisible by 4 and not by 100 (the last two digits),
/// or divisible by 400 (the first two digits, then `00`; never 0000).
const LEAP_YEAR: &str = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])\
                         |(?:0[48]|[2468][048]|[13579][26])00)";

/// `HH:MM:SS`, 00:00:00 to 23:59:59.
const TIME: &str = "(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]";

/// A real day, `YYYY-MM-DD`.
fn day() -> String {
    format!("(?:{YEAR}-{MONTH_DAY}|{LEAP_YEAR}-02-29)")
}

/// `datetime`: `YYYY-MM-DD HH:MM:SS`, a real date and time.
pub(crate) fn datetime() -> String {
    format!("^{} {TIME}$", day())
}

/// `date`: `YYYY-MM-DD`, a real day, or a datetime.
pub(crate) fn date() -> String {
    format!("^{}(?: {TIME})?$", day())
}

/// The length of every string [`UUID`] accepts.
pub(crate) const UUID_LENGTH: usize = 36;
/// The length of every string [`datetime`] accepts, and of the long form of [`date`].
pub(crate) const DATETIME_LENGTH: usize = 19;
/// The length of the short form (`YYYY-MM-DD`) of [`date`].
pub(crate) const DATE_LENGTH: usize = 10;

/// `uuid`: 8-4-4-4-12 hex digits, either case.
pub(crate) const UUID: &str =
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// A newline anywhere, which [`NUMBER`]'s text never holds: numeric text has no fixed length
/// to bound it by, so its schema refuses this pattern (`not`) for engines whose `$` matches
/// before a final newline.
pub(crate) const NEWLINE: &str = r"\n";

/// `number` as text: JSON's number grammar with leading zeros allowed.
pub(crate) const NUMBER: &str = r"^-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$";

/// `uuid_list`: the text of a JSON array of UUID strings, with JSON whitespace around any
/// token. Inside a string, a character of a UUID may be written as a JSON escape (`\u0041`
/// is `A`), which the rule decodes as any JSON reader does.
pub(crate) fn uuid_list() -> String {
    // A hex digit, or its `\u00XX` escape (0-9 are 30-39, A-F 41-46, a-f 61-66).
    const HEX: &str = r"(?:[0-9a-fA-F]|\\u00(?:3[0-9]|[46][1-6]))";
    // A hyphen, or its escape.
    const HYPHEN: &str = r"(?:-|\\u002[dD])";
    const SPACE: &str = r"[\t\n\r ]*";
    let uuid = format!(
        "\"{HEX}{{8}}{HYPHEN}{HEX}{{4}}{HYPHEN}{HEX}{{4}}{HYPHEN}{HEX}{{4}}{HYPHEN}{HEX}{{12}}\""
    );
    format!(r"^{SPACE}\[{SPACE}(?:{uuid}{SPACE}(?:,{SPACE}{uuid}{SPACE})*)?\]{SPACE}$")
}

/// `key` with the characters that have a meaning in a pattern escaped (ECMA-262's syntax
/// characters, the only ones an escape is valid for in every engine).
pub(crate) fn escape(key: &str) -> String {
    let mut escaped = String::with_capacity(key.len());
    for c in key.chars() {
        if matches!(
            c,
            '^' | '$' | '\\' | '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|'
        ) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

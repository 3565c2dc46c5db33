//! What the bodies of the differential test are made of: a seeded generator, a JSON value
//! kept as the text it is written as, an object's field table, and text of the kinds the
//! rules judge (UUIDs, dates real and not, numbers, UUID lists, text with escapes).

use std::fmt::Write as _;

use job_schema::FieldSpec;

/// A small deterministic generator (`SplitMix64`).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A generated JSON value, kept as the text it is written as (so that `1.0`, `-0`, `1e400`,
/// escapes and repeated keys survive), with its structure for classifying it.
#[derive(Clone, Debug)]
pub enum Gen {
    /// Any value written as it is (a scalar, or an array or object the table knows nothing
    /// of).
    Raw(String),
    /// A JSON array.
    Array(Vec<Gen>),
    /// An object: each key as written (with its quotes) and its value.
    Object(Vec<(String, Gen)>),
}

impl Gen {
    pub fn raw(text: impl Into<String>) -> Gen {
        Gen::Raw(text.into())
    }

    pub fn string(text: &str) -> Gen {
        Gen::Raw(serde_json::to_string(text).unwrap())
    }

    pub fn write(&self, out: &mut String) {
        match self {
            Gen::Raw(text) => out.push_str(text),
            Gen::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Gen::Object(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(key);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// A key as JSON text.
pub fn key(name: &str) -> String {
    serde_json::to_string(name).unwrap()
}

/// The text of a decoded key (`None` if it is not a JSON string).
pub fn decoded(key: &str) -> Option<String> {
    serde_json::from_str(key).ok()
}

/// An object's table: its fields and its custom prefix.
#[derive(Clone, Copy)]
pub struct Table {
    pub fields: &'static [FieldSpec],
    pub custom_prefix: Option<&'static str>,
}

impl Table {
    pub fn nested(field: &FieldSpec) -> Table {
        Table {
            fields: field.nested.unwrap_or(&[]),
            custom_prefix: field.nested_custom_prefix,
        }
    }

    /// The field a decoded key names (its wire name or an alias).
    pub fn field(&self, key: &str) -> Option<&'static FieldSpec> {
        self.fields
            .iter()
            .find(|f| f.name == key || f.aliases.contains(&key))
    }
}

// ---------------------------------------------------------------------------------------
// Text of the kinds the rules judge.

const HEX: &[u8] = b"0123456789abcdefABCDEF";

pub fn uuid(rng: &mut Rng) -> String {
    let mut s = String::new();
    for i in 0..32 {
        if matches!(i, 8 | 12 | 16 | 20) {
            s.push('-');
        }
        s.push(char::from(*rng.pick(HEX)));
    }
    s
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

const YEARS: &[u32] = &[
    0, 1, 4, 100, 400, 1600, 1700, 1900, 1996, 2000, 2023, 2024, 2025, 2026, 2100, 2400, 9996, 9999,
];

/// A date, real or not: `real` keeps it within the calendar.
pub fn date(rng: &mut Rng, real: bool) -> String {
    let year = if rng.chance(50) {
        *rng.pick(YEARS)
    } else {
        u32::try_from(rng.below(10_000)).unwrap()
    };
    if real {
        let year = year.max(1);
        let month = 1 + u32::try_from(rng.below(12)).unwrap();
        let day = 1 + u32::try_from(rng.below(days_in(year, month) as usize)).unwrap();
        // February 29 often, since it is where calendars go wrong.
        let (month, day) = if is_leap(year) && rng.chance(20) {
            (2, 29)
        } else {
            (month, day)
        };
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        let month = rng.below(14);
        let day = if rng.chance(50) {
            28 + rng.below(5)
        } else {
            rng.below(33)
        };
        format!("{year:04}-{month:02}-{day:02}")
    }
}

pub fn time(rng: &mut Rng, real: bool) -> String {
    let (h, m, s) = if real {
        (rng.below(24), rng.below(60), rng.below(60))
    } else {
        (rng.below(26), rng.below(62), rng.below(62))
    };
    format!("{h:02}:{m:02}:{s:02}")
}

pub fn datetime(rng: &mut Rng, real: bool) -> String {
    format!("{} {}", date(rng, real), time(rng, real))
}

/// Text in the number grammar (leading zeros included), sometimes beyond a double.
pub fn number_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    if rng.chance(40) {
        s.push('-');
    }
    let digits = 1 + rng.below(4);
    for _ in 0..digits {
        s.push(char::from(b'0' + u8::try_from(rng.below(10)).unwrap()));
    }
    if rng.chance(50) {
        s.push('.');
        for _ in 0..=rng.below(6) {
            s.push(char::from(b'0' + u8::try_from(rng.below(10)).unwrap()));
        }
    }
    if rng.chance(20) {
        s.push(*rng.pick(&['e', 'E']));
        if rng.chance(50) {
            s.push(*rng.pick(&['+', '-']));
        }
        let limit = if rng.chance(10) { 400 } else { 3 };
        s.push_str(&rng.below(limit).to_string());
    }
    s
}

/// A number within `[min, max]`, written as JSON writes numbers in several ways.
pub fn number_within(rng: &mut Rng, min: f64, max: f64) -> String {
    #[allow(clippy::cast_precision_loss)]
    let t = (rng.next() % 1_000_001) as f64 / 1_000_000.0;
    let n = min + (max - min) * t;
    match rng.below(4) {
        0 => format!("{n}"),
        1 => format!("{n:e}"),
        2 => format!("{}", n.round().clamp(min.ceil(), max.floor())),
        _ => format!("{n:.3}"),
    }
}

/// A JSON string holding `text`, with some characters written as `\u` escapes (surrogate
/// pairs beyond the basic plane) and the rest as serde_json writes them.
pub fn escaped(rng: &mut Rng, text: &str) -> String {
    if !rng.chance(15) {
        return serde_json::to_string(text).unwrap();
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        if rng.chance(30) || c == '"' || c == '\\' || c < ' ' {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

const CHARS: &[char] = &[
    'a', 'Z', '0', ' ', 'é', '😀', '\u{301}', '"', '\\', '\n', '\t', '/', '\u{7f}', '\u{2028}',
    'ß', '_', '-',
];

/// Random text of `len` characters (Unicode scalar values).
pub fn text_of(rng: &mut Rng, len: usize) -> String {
    (0..len).map(|_| *rng.pick(CHARS)).collect()
}

/// A string in a `uuid_list`: the JSON text of an array of UUID strings, written plainly or
/// with whitespace and escapes.
pub fn uuid_list(rng: &mut Rng, n: usize) -> String {
    let space = |rng: &mut Rng| -> &'static str {
        if rng.chance(70) {
            ""
        } else {
            const SPACES: [&str; 4] = [" ", "\n", "\t ", "\r\n"];
            SPACES[rng.below(SPACES.len())]
        }
    };
    let mut s = String::new();
    s.push_str(space(rng));
    s.push('[');
    for i in 0..n {
        if i > 0 {
            s.push_str(space(rng));
            s.push(',');
        }
        s.push_str(space(rng));
        let id = uuid(rng);
        if rng.chance(10) {
            // A character written as its JSON escape inside the inner string.
            let at = rng.below(36);
            let mut element = String::from("\"");
            for (j, c) in id.chars().enumerate() {
                if j == at {
                    let _ = write!(element, "\\u{:04X}", u32::from(c));
                } else {
                    element.push(c);
                }
            }
            element.push('"');
            s.push_str(&element);
        } else {
            s.push('"');
            s.push_str(&id);
            s.push('"');
        }
    }
    s.push_str(space(rng));
    s.push(']');
    s.push_str(space(rng));
    s
}

use super::{short_decimal, Fault, Tokenizer};
use crate::report::Syntax;
use crate::value::Scalar;

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
    const BYTES: &[u8] = b"\"\\\x00\x1f\x20\x21aZ\x7f\x80\xc3\xff\x5b\x5d\x23\x5c\x5d";
    let first = |word: [u8; 8]| word.iter().position(|&b| super::is_special(b));
    let found = |word: [u8; 8]| {
        let mask = super::first_special_mask(u64::from_le_bytes(word));
        (mask != 0).then(|| (mask.trailing_zeros() / 8) as usize)
    };
    let mut rng = Rng(0x00C0_FFEE);
    for _ in 0..200_000 {
        let mut word = [0u8; 8];
        for b in &mut word {
            *b = BYTES[rng.below(BYTES.len())];
        }
        assert_eq!(found(word), first(word), "{word:?}");
    }
    // Every byte at every place, among plain bytes and after or before special ones.
    for b in 0..=u8::MAX {
        for at in 0..8 {
            for fill in [b'a', 0xc3, 0x7f, 0x21, 0x20] {
                let mut word = [fill; 8];
                word[at] = b;
                assert_eq!(found(word), first(word), "{word:?}");
            }
            let mut mixed = [0x22u8, 0x5c, 0x1f, 0xc3, 0x80, 0x20, 0x7f, 0x00];
            mixed[at] = b;
            assert_eq!(found(mixed), first(mixed), "{mixed:?}");
            mixed.reverse();
            assert_eq!(found(mixed), first(mixed), "{mixed:?}");
        }
    }
}

/// Where the plain run of `text` from `from` ends.
fn plain_run(text: &str, from: usize) -> usize {
    let fault = std::cell::Cell::new(Fault {
        at: 0,
        what: Syntax::ExpectedValue,
    });
    super::Input {
        text,
        fault: &fault,
    }
    .plain_run(from)
}

#[test]
fn a_plain_run_ends_at_the_first_special_byte_at_every_offset() {
    // Runs of every length from several starts, so that the 16-byte, the 8-byte and the
    // byte-by-byte parts of the scan each find the end; non-ASCII text in the run.
    for start in 0..3 {
        for len in 0..40 {
            let mut run: String = "a\u{e9}".chars().cycle().take(len).collect();
            while run.len() > len {
                run.pop();
            }
            let plain = "x".repeat(start) + &run;
            for special in ["\"", "\\", "\n", "\u{0}", "\u{1f}"] {
                for tail in ["", "tail\"", "\" and sixteen more bytes"] {
                    let text = format!("{plain}{special}{tail}");
                    assert_eq!(
                        plain_run(&text, start),
                        plain.len(),
                        "{text:?} from {start}"
                    );
                }
            }
            // No special byte: the run goes to the end of the input.
            assert_eq!(plain_run(&plain, start), plain.len(), "{plain:?}");
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

/// Skips the whole of `text` as one value.
fn skip(text: &[u8]) -> Result<(), Fault> {
    let mut tokens = Tokenizer::new(text)?;
    let read = tokens.skip_value().and_then(|()| tokens.end());
    read.map_err(|_| tokens.fault_met())
}

#[test]
fn numbers_are_read_as_their_grammar_says() {
    let read = |text: &str| {
        let mut tokens = Tokenizer::new(text.as_bytes()).unwrap();
        let value = tokens.number().unwrap();
        assert_eq!(tokens.position(), text.len(), "{text}");
        value
    };
    assert_eq!(read("0"), Scalar::Int(0));
    assert_eq!(read("-0"), Scalar::Int(0));
    assert_eq!(read("-9223372036854775808"), Scalar::Int(i64::MIN));
    assert_eq!(read("9223372036854775808"), Scalar::UInt(1 << 63));
    assert_eq!(read("18446744073709551615"), Scalar::UInt(u64::MAX));
    assert_eq!(
        read("18446744073709551616"),
        Scalar::Float(18_446_744_073_709_551_616.0)
    );
    assert_eq!(
        read("-9223372036854775809"),
        Scalar::Float(-9_223_372_036_854_775_809.0)
    );
    assert_eq!(read("1E+2"), Scalar::Float(100.0));
    assert_eq!(read("-0.0"), Scalar::Float(-0.0));
    assert_eq!(read("1e400"), Scalar::Float(f64::INFINITY));
    assert_eq!(read("-1e400"), Scalar::Float(f64::NEG_INFINITY));
    assert_eq!(read("1e-400"), Scalar::Float(0.0));
    // Every double the general path reads is serde_json's.
    for token in [
        "1.7976931348623157e308",
        "2.2250738585072014e-308",
        "0.1e1",
        "123.456e-7",
    ] {
        let expected: f64 = serde_json::from_str(token).unwrap();
        assert_eq!(read(token), Scalar::Float(expected), "{token}");
    }
    for bad in ["-", "01", "1.", ".5", "1e", "1e+", "-a", "+1", "1.e5"] {
        assert!(skip(bad.as_bytes()).is_err(), "{bad}");
    }
}

#[test]
fn faults_are_placed_at_their_byte() {
    let fault = |text: &str| {
        let e = skip(text.as_bytes()).unwrap_err();
        let (line, column) = e.position(text.as_bytes());
        (line, column, e.what().as_str())
    };
    assert_eq!(fault(""), (1, 0, "EOF while parsing a value"));
    assert_eq!(fault("{\"a\" 1}"), (1, 6, "expected `:`"));
    assert_eq!(fault("{\"a\":1,}"), (1, 8, "trailing comma"));
    assert_eq!(fault("[1,\n 2 3]"), (2, 4, "expected `,` or `]`"));
    assert_eq!(fault("{\"a\":1"), (1, 6, "EOF while parsing an object"));
    assert_eq!(fault("\"\\ud800\""), (1, 8, "lone surrogate in \\u escape"));
    assert_eq!(fault("\"\\udc00\""), (1, 2, "lone surrogate in \\u escape"));
    assert_eq!(
        fault("\"a\u{1}\""),
        (
            1,
            3,
            "control character (\\u0000-\\u001F) found while parsing a string"
        )
    );
    assert_eq!(fault("[tru]"), (1, 5, "expected ident"));
    assert_eq!(fault("1 2"), (1, 3, "trailing characters"));
    // A raw newline in a string is at the end of the line it breaks.
    assert_eq!(
        fault("[\"ab\ncd\"]"),
        (
            1,
            5,
            "control character (\\u0000-\\u001F) found while parsing a string"
        )
    );
    assert_eq!(fault("[\n1,\n"), (3, 0, "EOF while parsing a list"));
    let deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
    assert_eq!(fault(&deep).2, "recursion limit exceeded");
    let deepest = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert!(skip(deepest.as_bytes()).is_ok());
    let e = Tokenizer::new(b"[\"a\",\n\"\xff\"]").unwrap_err();
    assert_eq!(e.position(b"[\"a\",\n\"\xff\"]"), (2, 2));
    assert_eq!(e.what().as_str(), "invalid UTF-8");
    // Paired surrogates are one character.
    let mut tokens = Tokenizer::new(b"\"\\ud83d\\ude00\"").unwrap();
    tokens.advance(1);
    assert_eq!(tokens.string().unwrap().as_str(), "\u{1F600}");
}

/// The keys of the object `text`, read as the walker reads them (`next_key`, `string`,
/// `colon`, each value skipped), or the fault met.
fn object_keys(text: &str) -> Result<Vec<String>, Fault> {
    let mut tokens = Tokenizer::new(text.as_bytes())?;
    let read = |tokens: &mut Tokenizer<'_>| {
        if tokens.peek() != Some(b'{') {
            return Err(tokens.expected_value());
        }
        tokens.enter()?;
        let mut first = true;
        let mut keys = Vec::new();
        while tokens.next_key(&mut first)? {
            keys.push(tokens.string()?.as_str().to_owned());
            tokens.colon()?;
            tokens.skip_value()?;
        }
        tokens.end()?;
        Ok(keys)
    };
    read(&mut tokens).map_err(|_| tokens.fault_met())
}

/// An object's keys, or the token at which it breaks and the fault.
type Expected = Result<&'static [&'static str], (usize, Syntax)>;

#[test]
fn separators_read_the_same_with_whitespace_in_any_gap() {
    // The fast paths of `peek`, `next_key` and `colon` take compact bodies in one compare;
    // whitespace in any gap between tokens must give the same keys, and a broken object the
    // same fault, moved by the whitespace before it.
    let objects: [(&[&str], Expected); 9] = [
        (
            &["{", "\"a\"", ":", "1", ",", "\"b\"", ":", "\"x\"", "}"],
            Ok(&["a", "b"]),
        ),
        (&["{", "}"], Ok(&[])),
        (
            &["{", "\"a\"", ":", "[", "1", ",", "2", "]", "}"],
            Ok(&["a"]),
        ),
        (
            &["{", "\"a\"", ":", "1", ",", "}"],
            Err((5, Syntax::TrailingComma)),
        ),
        (
            &["{", "\"a\"", ":", "1", ",", ",", "\"b\"", ":", "2", "}"],
            Err((5, Syntax::KeyMustBeAString)),
        ),
        (
            &["{", "\"a\"", ":", "1", "\"b\"", ":", "2", "}"],
            Err((4, Syntax::ExpectedObjectComma)),
        ),
        (&["{", "\"a\"", "1", "}"], Err((2, Syntax::ExpectedColon))),
        (&["{", "\"a\"", ":", "1", ","], Err((5, Syntax::EofObject))),
        (
            &["{", ",", "\"a\"", ":", "1", "}"],
            Err((1, Syntax::KeyMustBeAString)),
        ),
    ];
    for (tokens, expected) in objects {
        for space in ["", " ", "\t", "\n", "\r", " \r\n\t "] {
            for gap in 0..=tokens.len() {
                // `space` before token `gap` (after the last one when `gap` is the length).
                let mut text = String::new();
                let mut starts = Vec::new();
                for (k, token) in tokens.iter().enumerate() {
                    if k == gap {
                        text.push_str(space);
                    }
                    starts.push(text.len());
                    text.push_str(token);
                }
                if gap == tokens.len() {
                    text.push_str(space);
                }
                starts.push(text.len());
                let got = object_keys(&text);
                match expected {
                    Ok(keys) => assert_eq!(
                        got,
                        Ok(keys.iter().map(|k| (*k).to_owned()).collect()),
                        "{text:?}"
                    ),
                    Err((at_token, what)) => {
                        let fault = got.unwrap_err();
                        assert_eq!(fault.what, what, "{text:?}");
                        // At the token that breaks the object, after any whitespace before it.
                        assert_eq!(fault.at, starts[at_token], "{text:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn every_escape_reads_as_serde_json_reads_it() {
    // The one-character escapes are taken inline by the unescaping loop, `\u` and faults
    // out of line: every ASCII byte after a backslash, first, between plain runs and last,
    // gives serde_json's text or fails where serde_json fails.
    let mut escapes: Vec<String> = (0u8..0x80)
        .map(|b| format!("\\{}", char::from(b)))
        .collect();
    escapes.extend(["\\u00e9", "\\u0000", "\\ud83d\\ude00", "\\ud800", "\\u12"].map(String::from));
    for escape in &escapes {
        for (before, after) in [
            ("", ""),
            ("abc", "xyz"),
            ("\u{e9}", "sixteen bytes or more, \u{e9}"),
        ] {
            let body = format!("\"{before}{escape}{after}\"");
            let expected = serde_json::from_str::<String>(&body).ok();
            let mut tokens = Tokenizer::new(body.as_bytes()).unwrap();
            let got = tokens.quoted().ok().map(|text| text.as_str().to_owned());
            assert_eq!(got, expected, "{body:?}");
            if got.is_some() {
                assert_eq!(tokens.position(), body.len(), "{body:?}");
            }
            // Two escapes in a row, the second through the same loop.
            let body = format!("\"{before}\\n{escape}{after}\"");
            let expected = serde_json::from_str::<String>(&body).ok();
            let mut tokens = Tokenizer::new(body.as_bytes()).unwrap();
            let got = tokens.quoted().ok().map(|text| text.as_str().to_owned());
            assert_eq!(got, expected, "{body:?}");
        }
    }
}

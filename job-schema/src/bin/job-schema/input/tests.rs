use super::*;

/// Every record of `input` as (line, column, text, flaw), read through a buffer of
/// `capacity` bytes.
fn scan_with(capacity: usize, limit: usize, input: &str) -> Vec<(usize, usize, String, Meta)> {
    let fast = scan_through(
        Scanner::with_capacity(capacity, limit, input.as_bytes()),
        input,
    );
    // The fast path (`machine::whole`) changes nothing: the byte-by-byte machine alone cuts
    // the same records, at the same positions, with the same flaws.
    let plain = scan_through(Scanner::plain(capacity, limit, input.as_bytes()), input);
    assert_eq!(
        fast, plain,
        "fast path against the machine alone, on {input:?}"
    );
    fast
}

fn scan_through(mut scanner: Scanner<&[u8]>, input: &str) -> Vec<(usize, usize, String, Meta)> {
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
    let broken = "{\n  \"a\": {\"b\": 1} \"x\",\n  \"c\": [\n    {\"d\": 1},\n    {\"e\": 2}\n  ]";
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
            out.push_str(rng.pick(&["0", "-1", "12.5e-3", "1E+2", "-0.0", "7e5", "10", "0.25"]));
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
        let mut records: Vec<String> = (0..2 + rng.below(4)).map(|_| record(&mut rng)).collect();
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

#[test]
fn blanks_after_a_value_do_not_make_its_record_oversize() {
    // Found by fuzzing (`fuzz/fuzz_targets/cli_split.rs`): a record of 12 bytes within a
    // limit of 16, then 30 blanks on its line, was dropped as oversize.
    let value = "{\"a\": \"0123\"}";
    for blanks in [" ", "\t \r"] {
        let input = format!(
            "{value}{}\n{{\"b\":1}}{}",
            blanks.repeat(10),
            blanks.repeat(10)
        );
        for capacity in [1 << 16, 1, 5] {
            let got = scan_with(capacity, 16, &input);
            assert_eq!(got.len(), 2, "{input:?}");
            for ((_, _, text, meta), expected) in got.iter().zip([value, "{\"b\":1}"]) {
                assert!(!meta.oversize, "{input:?} through {capacity}");
                assert_eq!(text.trim_end(), expected);
                assert!(text.len() <= 16);
            }
        }
    }
    // The value itself past the limit still is; so is a broken record whose junk comes
    // after blanks past the limit.
    let got = scan_with(4, 8, &format!("{value}   \n{{}}"));
    assert!(got[0].3.oversize && !got[1].3.oversize);
    let got = scan_with(4, 16, &format!("{value}{}x\n{{}}", " ".repeat(10)));
    assert!(got[0].3.oversize && !got[1].3.oversize);
}

#[test]
fn ndjson_records_take_the_fast_path() {
    let mut rng = Lcg(0x5EED_0003);
    let records: Vec<String> = (0..50)
        .map(|_| record(&mut rng).replace('\n', " "))
        .collect();
    let input = records.join("\n");
    let mut scanner = Scanner::new(input.as_bytes());
    let mut buf = Vec::new();
    let mut count = 0;
    while scanner.next_record(&mut buf).unwrap().is_some() {
        count += 1;
    }
    assert_eq!(count, 50);
    assert_eq!(scanner.machine.wholes, 50);
}

#[test]
fn mutated_records_are_cut_as_the_machine_alone_cuts_them() {
    // One byte of valid records replaced, removed or added: the fast path gives up at the
    // fault or reads a different valid document, and either way `scan_with` checks that
    // the records are the byte-by-byte machine's.
    const BYTES: &[u8] = b"{}[]\",\\ \n:a1-.eu0";
    let mut rng = Lcg(0x5EED_0004);
    for _ in 0..3000 {
        let records: Vec<String> = (0..=rng.below(3)).map(|_| record(&mut rng)).collect();
        let mut input = records
            .join(rng.pick(&["\n", "\n\n", " ", "\n  "]))
            .into_bytes();
        let at = rng.below(input.len());
        let byte = BYTES[rng.below(BYTES.len())];
        match rng.below(3) {
            0 => input[at] = byte,
            1 => {
                input.remove(at);
            }
            _ => input.insert(at, byte),
        }
        let text = String::from_utf8_lossy(&input).into_owned();
        for capacity in [1 << 16, 7] {
            scan_with(capacity, MAX_RECORD_BYTES, &text);
        }
        scan_with(1 << 16, 3 + rng.below(40), &text);
    }
}

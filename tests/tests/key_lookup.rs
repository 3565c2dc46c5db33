//! The reader's key lookup (the generated match on the key's length and bytes, matched in the
//! input, and the scan for the keys it does not match there) on names that need escaping in
//! JSON, long names, aliases, a name that is the start of another and a key at the very end
//! of the input: each key lands in its field, and a near miss is an unknown key.

use job_schema::{Code, Options, Schema};

#[derive(Schema, Default, Debug, serde::Deserialize)]
struct Keys {
    #[serde(alias = "quoteSent")]
    quote_sent: Option<String>,
    quote_sent_stamp: Option<String>,
    a_name_of_thirty_one_bytes_long: Option<String>,
    a_name_of_thirty_two_bytes_long_: Option<String>,
    #[serde(rename = "with\"quote")]
    with_quote: Option<String>,
    x: Option<String>,
}

fn read(body: &str) -> Keys {
    match Keys::from_json(body.as_bytes()) {
        Ok(read) => {
            assert!(read.warnings.is_empty(), "{body}: {:?}", read.warnings);
            read.record
        }
        Err(report) => panic!("{body}: {report}"),
    }
}

/// `body` read as `S`, which must hold no error (warnings allowed).
fn read_valid<S: Schema>(body: &str) -> S {
    match S::from_json(body.as_bytes()) {
        Ok(read) => read.record,
        Err(report) => panic!("{body}: {report}"),
    }
}

/// Asserts that of the fields `got`, only the one at `index` holds `"v"` (the others none).
fn only_at(got: &[&Option<String>], index: usize, body: &str) {
    for (at, value) in got.iter().enumerate() {
        let expected = (at == index).then(|| "v".to_owned());
        assert_eq!(**value, expected, "{body}, field {at}");
    }
}

#[test]
fn every_name_finds_its_field_wherever_it_stands() {
    // Names of 31 and 32 bytes, either side of a word boundary of the comparison with the
    // input (and of the 32-byte window of the decision table that was tried and reverted).
    assert_eq!("a_name_of_thirty_one_bytes_long".len(), 31);
    assert_eq!("a_name_of_thirty_two_bytes_long_".len(), 32);
    let fields = [
        ("quote_sent", 0),
        ("quoteSent", 0),
        ("quote_sent_stamp", 1),
        ("a_name_of_thirty_one_bytes_long", 2),
        ("a_name_of_thirty_two_bytes_long_", 3),
        ("with\\\"quote", 4),
        ("x", 5),
    ];
    for (key, field) in fields {
        // Alone (the key within 32 bytes of the end), and first of a longer body.
        for body in [
            format!("{{\"{key}\":\"v\"}}"),
            format!("{{\"{key}\": \"v\", \"padding_key_for_length\": null, \"more\": 1}}"),
        ] {
            // The padding keys are unknown: warnings, not errors.
            let record: Keys = read_valid(&body);
            let got = [
                &record.quote_sent,
                &record.quote_sent_stamp,
                &record.a_name_of_thirty_one_bytes_long,
                &record.a_name_of_thirty_two_bytes_long_,
                &record.with_quote,
                &record.x,
            ];
            only_at(&got, field, &body);
        }
    }
    assert_eq!(
        read(r#"{"x":"1","quote_sent":"2"}"#).quote_sent.as_deref(),
        Some("2")
    );
}

#[test]
fn a_near_miss_is_an_unknown_key() {
    for key in [
        "quote_sen",
        "quote_sent_",
        "quote_sent_stam",
        "quote_sent_stampp",
        "Quote_sent",
        "xx",
        "a_name_of_thirty_one_bytes_lon",
        "a_name_of_thirty_one_bytes_long_",
        "a_name_of_thirty_two_bytes_long",
        "a_name_of_thirty_two_bytes_long__",
        "quote\\u005fsent_",
    ] {
        for tail in ["", ", \"a_key_after_it\": 1"] {
            let body = format!("{{\"{key}\": \"v\"{tail}}}");
            let report = Keys::check_json(body.as_bytes(), Options::default());
            assert!(report.errors.is_empty(), "{body}: {report}");
            assert_eq!(report.warnings[0].code, Code::UnknownField, "{body}");
            assert_eq!(
                report.warnings[0].field,
                key.replace("\\u005f", "_"),
                "{body}"
            );
        }
    }
}

#[test]
fn an_escaped_key_is_the_same_name() {
    let record = read(r#"{"quote\u005fsent": "v"}"#);
    assert_eq!(record.quote_sent.as_deref(), Some("v"));
    let record = read(r#"{"\u0078": "v"}"#);
    assert_eq!(record.x.as_deref(), Some("v"));
}

/// Names chosen against the ways a generated key match can go wrong (written for a tree of
/// byte tests, measured and not kept, step 18b; they hold for any form): lengths either side
/// of 8 and 16 bytes (words of the comparison), names that are the start of
/// others in a chain, a long shared start that only a late byte tells apart, names that
/// differ in their last byte only, one that differs from another at its first byte only, a
/// name with a two-byte character, and an alias.
#[derive(Schema, Default, Debug, serde::Deserialize)]
struct Tree {
    seven_7: Option<String>,
    eight_88: Option<String>,
    nine_9999: Option<String>,
    sixteen_16161616: Option<String>,
    seventeen_1717171: Option<String>,
    ab: Option<String>,
    abc: Option<String>,
    abcd: Option<String>,
    abcd_efgh_ijkl: Option<String>,
    abcd_efgh_ijkm: Option<String>,
    payment_x: Option<String>,
    payment_xy: Option<String>,
    payment_y: Option<String>,
    bbcd: Option<String>,
    #[serde(rename = "naïve")]
    naive: Option<String>,
    #[serde(alias = "Seven_7")]
    z: Option<String>,
}

/// Every name of `Tree` as it is written in JSON, with its field's index.
const TREE_NAMES: [(&str, usize); 17] = [
    ("seven_7", 0),
    ("eight_88", 1),
    ("nine_9999", 2),
    ("sixteen_16161616", 3),
    ("seventeen_1717171", 4),
    ("ab", 5),
    ("abc", 6),
    ("abcd", 7),
    ("abcd_efgh_ijkl", 8),
    ("abcd_efgh_ijkm", 9),
    ("payment_x", 10),
    ("payment_xy", 11),
    ("payment_y", 12),
    ("bbcd", 13),
    ("naïve", 14),
    ("z", 15),
    ("Seven_7", 15),
];

/// What `__field_at` must answer, written the plain way: the field whose name followed by
/// its quote starts `rest` (at most one can), with the name's length.
fn oracle(rest: &[u8]) -> Option<(usize, usize)> {
    TREE_NAMES.iter().find_map(|&(name, index)| {
        let quoted = format!("{name}\"");
        rest.starts_with(quoted.as_bytes())
            .then_some((index, name.len()))
    })
}

#[test]
fn the_generated_match_agrees_with_comparing_every_name() {
    use job_schema::__private::Plumbing;
    assert_eq!("sixteen_16161616".len(), 16);
    assert_eq!("seventeen_1717171".len(), 17);
    // Every name with every ending: its quote (a match only if nothing is missing), a byte
    // more, an escape, the end of the input; and every start of every name.
    let endings: [&[u8]; 8] = [
        b"\"",
        b"\":1}",
        b"\" : \"v\"",
        b"_\"",
        b"\\\"\"",
        b"\\u0022\"",
        b"x",
        b"",
    ];
    let mut tried = 0;
    for (name, _) in TREE_NAMES {
        for cut in 0..=name.len() {
            for ending in endings {
                let mut rest = name.as_bytes()[..cut].to_vec();
                rest.extend_from_slice(ending);
                assert_eq!(
                    Tree::__field_at(&rest),
                    oracle(&rest),
                    "{}",
                    String::from_utf8_lossy(&rest)
                );
                tried += 1;
            }
        }
    }
    // Each name found whole, with each of its ends.
    for (name, index) in TREE_NAMES {
        assert_eq!(
            Tree::__field_at(format!("{name}\":null}}").as_bytes()),
            Some((index, name.len()))
        );
    }
    // Near misses: every byte of every quoted name replaced by bytes that the names use, a
    // quote, a backslash and a byte of a two-byte character, at every position.
    let alphabet = b"\"\\_abcdefghijklmnopqrstuvwxyzABS0123456789\xc3\xaf ";
    for (name, _) in TREE_NAMES {
        let quoted = format!("{name}\"\": 1}}");
        for at in 0..=name.len() {
            for &byte in alphabet {
                let mut rest = quoted.as_bytes().to_vec();
                rest[at] = byte;
                assert_eq!(
                    Tree::__field_at(&rest),
                    oracle(&rest),
                    "{}",
                    String::from_utf8_lossy(&rest)
                );
                tried += 1;
            }
        }
    }
    assert!(tried > 5_000, "{tried}");
}

#[test]
fn tree_names_land_in_their_fields_through_the_reader() {
    for (name, index) in TREE_NAMES {
        // Alone at the end of the input (where the bytes after the key run out), first of
        // a longer body, and escaped (the scan's path).
        let escape = |c: char| format!("\\u{:04x}", c as u32);
        let first = name.chars().next().unwrap_or('?');
        let last = name.chars().next_back().unwrap_or('?');
        let first_escaped = format!("{}{}", escape(first), &name[first.len_utf8()..]);
        let last_escaped = format!("{}{}", &name[..name.len() - last.len_utf8()], escape(last));
        for body in [
            format!("{{\"{name}\":\"v\"}}"),
            format!("{{\"{name}\":\"v\",\"{}\":null}}", "unknown_key_after"),
            format!("{{\"{first_escaped}\":\"v\"}}"),
            format!("{{\"{last_escaped}\":\"v\"}}"),
        ] {
            let record: Tree = read_valid(&body);
            let got = [
                &record.seven_7,
                &record.eight_88,
                &record.nine_9999,
                &record.sixteen_16161616,
                &record.seventeen_1717171,
                &record.ab,
                &record.abc,
                &record.abcd,
                &record.abcd_efgh_ijkl,
                &record.abcd_efgh_ijkm,
                &record.payment_x,
                &record.payment_xy,
                &record.payment_y,
                &record.bbcd,
                &record.naive,
                &record.z,
            ];
            only_at(&got, index, &body);
        }
    }
}

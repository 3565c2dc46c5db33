use super::*;

#[test]
fn a_plainly_good_list_is_one_serde_reads_as_good() {
    let mut rng = crate::test_rng::Rng::new(0x00B4_D6E5_u64);
    let mut next = |n: usize| rng.below(n);
    let pieces = [
        A, B, "\"", ",", "[", "]", " ", "\n", "\t", "x", "\\", "\\u0035", "-", "é", "null", "{}",
    ];
    let (mut plain, mut good) = (0, 0);
    for round in 0..60_000 {
        // A list of 0 to 3 UUIDs with random spacing, then (mostly) a few random edits.
        let mut list = String::from(if next(9) == 0 { " [" } else { "[" });
        for i in 0..next(4) {
            if i > 0 {
                list.push_str([",", " , ", ",\n"][next(3)]);
            }
            list.push('"');
            list.push_str([A, B][next(2)]);
            list.push('"');
        }
        list.push_str(["]", "] ", " ]"][next(3)]);
        if round % 3 != 0 {
            for _ in 0..=next(2) {
                let mut at = next(list.len() + 1);
                while !list.is_char_boundary(at) {
                    at -= 1;
                }
                match next(3) {
                    0 => list.insert_str(at, pieces[next(pieces.len())]),
                    1 if at < list.len() => drop(list.remove(at)),
                    _ => list.truncate(at),
                }
            }
        }
        let serde_good = scan(&list, usize::MAX).is_ok_and(|(bad, _)| bad.is_empty());
        if plainly_good(&list) {
            plain += 1;
            assert!(serde_good, "{list:?}");
        }
        good += usize::from(serde_good);
    }
    // Most good lists are settled plainly, and the cases are varied.
    assert!(plain > 15_000 && plain < 40_000, "{plain}");
    assert!(good > plain, "{good} {plain}");
}

const A: &str = "5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17";
const B: &str = "A0C3E5F7-1B2D-4E6F-8A9B-0C1D2E3F4A5B";

fn errors(value: &str, mode: Mode) -> Vec<(Option<usize>, Violation)> {
    let mut out = Vec::new();
    check(value, mode, |i, v| out.push((i, v)));
    out
}

#[test]
fn good_lists_pass() {
    for good in [
        "[]".to_owned(),
        " [ ] ".to_owned(),
        format!(r#"["{A}"]"#),
        format!(r#"["{A}","{B}"]"#),
        format!("[ \"{A}\" ,\n\"{B}\" ]"),
        // An escaped character still makes a UUID.
        format!(r#"["\u0035{}"]"#, &A[1..]),
    ] {
        assert!(errors(&good, Mode::Strict).is_empty(), "{good:?}");
        assert!(errors(&good, Mode::Lax).is_empty(), "{good:?}");
    }
}

#[test]
fn empty_string_is_the_empty_list_only_in_lax() {
    assert!(errors("", Mode::Lax).is_empty());
    let e = errors("", Mode::Strict);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].0, None);
    assert_eq!(e[0].1.code, Code::UuidList);
}

#[test]
fn each_bad_element_is_its_own_error() {
    let e = errors(&format!(r#"["{A}", "x", 3]"#), Mode::Lax);
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].0, Some(1));
    assert_eq!(e[0].1.code, Code::UuidList);
    assert_eq!(e[0].1.params.index(), Some(1));
    assert_eq!(e[0].1.message(None), "element 1, \"x\", is not a UUID");
    assert_eq!(e[1].0, Some(2));
    assert_eq!(e[1].1.params.index(), Some(2));
    assert_eq!(
        e[1].1.message(None),
        "element 2 is a number, not a UUID string"
    );
}

#[test]
fn every_kind_of_bad_element() {
    let e = errors(
        &format!(
            r#"["", null, true, 1.5, -1, [1, [2]], {{"a": [{{}}]}}, "{{{A}}}", "a\nb", "{A}"]"#
        ),
        Mode::Lax,
    );
    let indices: Vec<_> = e.iter().map(|(i, _)| *i).collect();
    assert_eq!(
        indices,
        [
            Some(0),
            Some(1),
            Some(2),
            Some(3),
            Some(4),
            Some(5),
            Some(6),
            Some(7),
            Some(8)
        ]
    );
    assert_eq!(e[0].1.message(None), "element 0, \"\", is not a UUID");
    assert_eq!(e[1].1.message(None), "element 1 is null, not a UUID string");
    assert_eq!(
        e[5].1.message(None),
        "element 5 is an array, not a UUID string"
    );
    assert_eq!(
        e[6].1.message(None),
        "element 6 is an object, not a UUID string"
    );
    // The escaped newline is echoed escaped.
    assert_eq!(e[8].1.message(None), "element 8, \"a\\nb\", is not a UUID");
}

#[test]
fn not_a_list_is_one_error() {
    for bad in [
        "{}".to_owned(),
        "not json".to_owned(),
        "URGENT,HIGH_PRIORITY".to_owned(),
        " \n[".to_owned(),
        format!(r#""{A}""#),
        A.to_owned(),
        "3".to_owned(),
        "null".to_owned(),
        "[".to_owned(),
        "[,]".to_owned(),
        "[1,]".to_owned(),
        format!(r#"["{A}"]x"#),
        format!(r#"["{A}"] []"#),
        // Element errors are not reported when the list is malformed further on.
        format!(r#"["x", 3, "{A}""#),
        "[".repeat(10_000),
    ] {
        let e = errors(&bad, Mode::Lax);
        assert_eq!(e.len(), 1, "{bad:?}");
        assert_eq!(e[0].0, None);
        assert_eq!(e[0].1.code, Code::UuidList);
        assert_eq!(e[0].1.params.index(), None);
        let message = e[0].1.message(None);
        if bad.trim_start().starts_with('[') {
            assert_eq!(
                message,
                r#"must be a JSON array of UUIDs encoded in a string, such as "[\"<uuid>\", \"<uuid>\"]""#
            );
        } else {
            assert_eq!(
                message,
                r#"is not a JSON array: the list must be a JSON array of UUIDs encoded in a string, such as "[\"<uuid>\", \"<uuid>\"]", not names or a comma-separated list"#
            );
        }
        assert_eq!(e[0].1.params.format(), Some(r#"["<uuid>", "<uuid>"]"#));
    }
}

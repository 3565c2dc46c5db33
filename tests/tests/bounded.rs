//! Bounded reports: a report keeps the first `ISSUE_LIMIT` issues in report order (every
//! error, then every warning) and counts the rest in `omitted`, while it reads.

use std::collections::BTreeMap;

use job_schema::report::{ECHO_LIMIT, ISSUE_LIMIT};
use job_schema::rules::uuid_list;
use job_schema::{Code, Job, Mode, Options, Path, Report, Schema, Sink, Validate};

/// A body of `count` copies of `entry`, comma-separated, in one object.
fn object_of(entry: &str, count: usize) -> String {
    format!("{{{}}}", vec![entry; count].join(","))
}

/// The text of a `uuid_list` of `count` bad elements (numbers).
fn bad_list(count: usize) -> String {
    format!("[{}]", vec!["1"; count].join(","))
}

#[test]
fn repeated_keys_keep_the_first_thousand_and_count_the_rest() {
    let body = object_of(r#""status":"Quote""#, 5_000);
    for report in [
        Job::check_json(body.as_bytes(), Options::default()),
        Job::from_json(body.as_bytes()).unwrap_err(),
    ] {
        assert_eq!(report.errors.len(), ISSUE_LIMIT);
        assert!(report
            .errors
            .iter()
            .all(|i| i.code == Code::DuplicateField && i.field == "status"));
        assert!(report.warnings.is_empty());
        assert_eq!(report.omitted, 4_999 - ISSUE_LIMIT);
        assert!(report.has_errors());
    }
}

#[test]
fn the_report_stays_small_while_it_reads() {
    // An unbounded reader would hold 19,999 issues (room for 32,768) before it could cut
    // them.
    let body = object_of(r#""status":"Quote""#, 20_000);
    let report = Job::check_json(body.as_bytes(), Options::default());
    assert_eq!(report.omitted, 19_999 - ISSUE_LIMIT);
    assert!(
        report.errors.capacity() <= 4 * ISSUE_LIMIT,
        "{}",
        report.errors.capacity()
    );
    // Unknown keys draw warnings; the same holds for them.
    let keys: Vec<String> = (0..20_000).map(|i| format!(r#""k{i}":1"#)).collect();
    let body = format!(r#"{{"status":"Quote",{}}}"#, keys.join(","));
    let report = Job::check_json(body.as_bytes(), Options::default());
    assert_eq!(report.omitted, 20_000 - ISSUE_LIMIT);
    assert!(report.warnings.capacity() <= 4 * ISSUE_LIMIT);
}

#[test]
fn many_unknown_keys_keep_the_first_in_input_order_and_make_the_record_invalid() {
    let keys: Vec<String> = (0..5_000).map(|i| format!(r#""k{i}":1"#)).collect();
    let body = format!(r#"{{"status":"Quote",{}}}"#, keys.join(","));
    let report = Job::check_json(body.as_bytes(), Options::default());
    assert!(report.errors.is_empty());
    let fields: Vec<&str> = report.warnings.iter().map(|i| &*i.field).collect();
    let expected: Vec<String> = (0..ISSUE_LIMIT).map(|i| format!("k{i}")).collect();
    assert_eq!(fields, expected);
    assert_eq!(report.omitted, 5_000 - ISSUE_LIMIT);
    // Warnings alone would not fail a record; omitted issues do.
    assert!(report.has_errors());
    assert!(!report.is_empty());
    assert!(report.clone().into_result().is_err());
    assert!(Job::from_json(body.as_bytes()).is_err());
    // In strict mode they are errors, bounded the same way.
    let strict = Job::check_json(body.as_bytes(), Options::default().strict());
    assert_eq!(strict.errors.len(), ISSUE_LIMIT);
    assert_eq!(strict.omitted, 5_000 - ISSUE_LIMIT);
}

#[test]
fn five_thousand_bad_badges_give_the_first_thousand_and_a_count() {
    let list = bad_list(5_000);
    let body = serde_json::json!({ "status": "Quote", "badges": list }).to_string();
    let expected: Vec<String> = (0..ISSUE_LIMIT).map(|i| format!("badges[{i}]")).collect();
    let built = Job {
        status: "Quote".into(),
        badges: Some(list.clone()),
        ..Job::default()
    };
    for report in [
        Job::check_json(body.as_bytes(), Options::default()),
        Job::from_json(body.as_bytes()).unwrap_err(),
        built.validate().unwrap_err(),
    ] {
        let fields: Vec<&str> = report.errors.iter().map(|i| &*i.field).collect();
        assert_eq!(fields, expected);
        assert!(report.errors.iter().all(|i| i.code == Code::UuidList));
        assert_eq!(report.omitted, 5_000 - ISSUE_LIMIT);
    }
    // The rule gathers only what it is given room for, and counts the rest exactly.
    let mut passed = 0;
    let beyond = uuid_list::check_within(&list, Mode::Lax, 10, |_, _| passed += 1);
    assert_eq!((passed, beyond), (10, 4_990));
    // Its unbounded form still passes on every bad element, in order.
    let mut indices = Vec::new();
    uuid_list::check(&list, Mode::Lax, |i, _| indices.push(i));
    assert_eq!(indices, (0..5_000).map(Some).collect::<Vec<_>>());
}

#[test]
fn a_batch_shares_one_bound() {
    let job = |bad| Job {
        status: "Quote".into(),
        badges: Some(bad_list(bad)),
        ..Job::default()
    };
    let batch = [job(600), job(600), job(3)];
    let mut report = Report::new();
    let mut sink = Sink::new(&mut report, Options::default());
    for (i, job) in batch.iter().enumerate() {
        job.validate_into(&Path::ROOT.index(i), &mut sink);
    }
    assert_eq!(report.errors.len(), ISSUE_LIMIT);
    assert_eq!(report.errors[599].field, "[0].badges[599]");
    assert_eq!(report.errors[600].field, "[1].badges[0]");
    assert_eq!(report.errors[999].field, "[1].badges[399]");
    assert_eq!(report.omitted, 200 + 3);
    // Appending keeps the bound and the count.
    let mut more = Job::check_json(
        object_of(r#""status":"Quote""#, 3).as_bytes(),
        Options::default(),
    );
    assert_eq!(more.errors.len(), 2);
    report.append(&mut more);
    assert_eq!(report.errors.len(), ISSUE_LIMIT);
    assert_eq!(report.omitted, 205);
}

#[test]
fn errors_push_warnings_out_of_a_full_report() {
    // 990 unknown-key warnings, then errors on later records of a batch: errors come first
    // in report order, so each one kept pushes the last warning out.
    let mut report = Job::check_json(
        format!(
            r#"{{"status":"Quote",{}}}"#,
            (0..990)
                .map(|i| format!(r#""k{i}":1"#))
                .collect::<Vec<_>>()
                .join(",")
        )
        .as_bytes(),
        Options::default(),
    );
    assert_eq!((report.errors.len(), report.warnings.len()), (0, 990));
    let mut errors = Job::check_json(
        object_of(r#""status":"Quote""#, 31).as_bytes(),
        Options::default(),
    );
    report.append(&mut errors);
    assert_eq!((report.errors.len(), report.warnings.len()), (30, 970));
    assert_eq!(report.warnings[969].field, "k969");
    assert_eq!(report.omitted, 20);
}

#[test]
fn omitted_is_serialized_and_displayed_only_when_not_zero() {
    let few = Job::check_json(
        object_of(r#""status":"Quote""#, 3).as_bytes(),
        Options::default(),
    );
    assert_eq!(few.omitted, 0);
    assert!(!few.to_json().contains("omitted"));
    assert!(!few.to_string().contains("more issue"));

    let many = Job::check_json(
        object_of(r#""status":"Quote""#, 1_500).as_bytes(),
        Options::default(),
    );
    // After the lists, as DESIGN.md has it.
    assert!(many.to_json().ends_with(r#"],"omitted":499}"#));
    let text = many.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), ISSUE_LIMIT + 1);
    assert_eq!(lines[ISSUE_LIMIT], "… and 499 more issues");
    assert!(lines[ISSUE_LIMIT - 1].starts_with("status: "));
}

#[test]
fn a_body_read_again_counts_its_omitted_issues_once() {
    // Nesting deeper than the fast tokenizer goes, at the end of the body: the body is read
    // a second time, and what the first reading counted is taken back.
    let deep = format!("{}{}", "[".repeat(110), "]".repeat(110));
    let body = format!(
        r#"{{"status":"Quote",{},"x":{deep}}}"#,
        vec![r#""status":"Quote""#; 3_000].join(",")
    );
    let report = Job::check_json(body.as_bytes(), Options::default());
    assert_eq!(report.errors.len(), ISSUE_LIMIT);
    // 3,000 duplicates (enough to be cut while reading) and the unknown key `x`.
    assert_eq!(report.omitted, 3_000 + 1 - ISSUE_LIMIT);
    // Malformed JSON replaces the record's issues, omitted ones included.
    let broken = format!("{},", &body[..body.len() - 1]);
    let report = Job::check_json(broken.as_bytes(), Options::default());
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].code, Code::JsonSyntax);
    assert_eq!(report.omitted, 0);
}

/// Four text fields and custom keys: a body whose keys come in any order.
#[derive(Schema, Default, Debug)]
struct Wide {
    #[schema(max_len = 1)]
    a: Option<String>,
    #[schema(max_len = 1)]
    b: Option<String>,
    #[schema(max_len = 1)]
    c: Option<String>,
    #[schema(max_len = 1)]
    d: Option<String>,
    #[schema(custom_prefix = "x_")]
    custom: BTreeMap<String, String>,
}

/// `Wide` inside another record, after a field of its own.
#[derive(Schema, Debug)]
struct Outer {
    #[schema(max_len = 1)]
    z: Option<String>,
    inner: Option<Wide>,
}

/// One issue as the test compares them: field, code, echoed value.
type Seen = (String, Code, Option<String>);

/// An issue the oracle expects: its rank in field order (4 for custom and unknown keys),
/// its arrival, whether it is a warning, and what it looks like.
#[derive(Clone)]
struct Expected {
    rank: usize,
    arrival: usize,
    warning: bool,
    seen: Seen,
}

/// A body of `keys` keys for `Wide` and the issues it draws, worked out from the keys
/// alone. `field_share` percent of the keys are fields, whose places mostly fall as the body
/// goes on (so that the first issues in field order arrive last); the others are custom
/// keys and (`unknown_share` percent of them) unknown keys, whose issues go after every
/// field's.
fn wide_body(
    keys: usize,
    field_share: u64,
    unknown_share: u64,
    start: u64,
) -> (String, Vec<Expected>) {
    let mut state = start;
    let mut next = |n: u64| {
        // A linear congruential generator (Knuth's MMIX constants).
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    let names = ["a", "b", "c", "d"];
    let mut seen_fields = [false; 4];
    let (mut customs, mut unknowns) = (0, 0);
    let mut entries = Vec::new();
    let mut expected = Vec::new();
    for arrival in 0..keys {
        // A field's rank falls from 3 to 0 over the body, with noise.
        let falling = 3 - (arrival * 4 / keys).min(3);
        let rank = if next(100) >= field_share {
            4
        } else if next(4) == 0 {
            usize::try_from(next(4)).unwrap()
        } else {
            falling
        };
        let (entry, seen, warning) = if rank < 4 {
            let name = names[rank];
            let value = format!("long{arrival}");
            let entry = format!(r#""{name}":"{value}""#);
            if seen_fields[rank] {
                let seen = (name.to_owned(), Code::DuplicateField, None);
                (entry, seen, false)
            } else {
                seen_fields[rank] = true;
                (entry, (name.to_owned(), Code::MaxLen, Some(value)), false)
            }
        } else if next(100) < unknown_share {
            // An unknown key, sometimes one already given.
            if unknowns > 0 && next(5) == 0 {
                let name = format!("u{}", next(unknowns));
                let entry = format!(r#""{name}":1"#);
                (entry, (name, Code::DuplicateField, None), false)
            } else {
                let name = format!("u{unknowns}");
                unknowns += 1;
                let entry = format!(r#""{name}":1"#);
                (entry, (name, Code::UnknownField, None), true)
            }
        } else if customs > 0 && next(5) == 0 {
            let name = format!("x_{}", next(customs));
            let entry = format!(r#""{name}":{arrival}"#);
            (entry, (name, Code::DuplicateField, None), false)
        } else {
            // A custom key with a number: a `type` error echoing it.
            let name = format!("x_{customs}");
            customs += 1;
            let entry = format!(r#""{name}":{arrival}"#);
            (entry, (name, Code::Type, Some(arrival.to_string())), false)
        };
        entries.push(entry);
        expected.push(Expected {
            rank,
            arrival,
            warning,
            seen,
        });
    }
    (format!("{{{}}}", entries.join(",")), expected)
}

/// The report an unbounded reader gives for `expected` issues (under `prefix`, after the
/// `before` errors): errors and warnings each sorted by rank, then arrival; then the first
/// `ISSUE_LIMIT` of them in report order and the count of the rest.
fn first_issues(
    mut expected: Vec<Expected>,
    before: &[Seen],
    prefix: &str,
    strict: bool,
) -> (Vec<Seen>, Vec<Seen>, usize) {
    expected.sort_by_key(|e| (e.rank, e.arrival));
    let mut errors: Vec<Seen> = before.to_vec();
    let mut warnings = Vec::new();
    for e in expected {
        let (field, code, value) = e.seen;
        let seen = (format!("{prefix}{field}"), code, value);
        if e.warning && !strict {
            warnings.push(seen);
        } else {
            errors.push(seen);
        }
    }
    let omitted = (errors.len() + warnings.len()).saturating_sub(ISSUE_LIMIT);
    errors.truncate(ISSUE_LIMIT);
    warnings.truncate(ISSUE_LIMIT - errors.len());
    (errors, warnings, omitted)
}

fn seen(report: &Report) -> (Vec<Seen>, Vec<Seen>, usize) {
    let list = |issues: &[job_schema::Issue]| -> Vec<Seen> {
        issues
            .iter()
            .map(|i| {
                (
                    i.field.to_string(),
                    i.code,
                    i.value.as_deref().map(str::to_owned),
                )
            })
            .collect()
    };
    (list(&report.errors), list(&report.warnings), report.omitted)
}

#[test]
fn out_of_order_keys_keep_exactly_the_first_issues_in_field_order() {
    // Mostly fields' errors (the last keys' issues come first), and mostly unknown keys
    // (then some warnings are kept too, after every error).
    for (keys, field_share, unknown_share, seed) in
        [(6_000, 70, 20, 1), (6_000, 70, 20, 2), (3_000, 5, 97, 3)]
    {
        let (body, expected) = wide_body(keys, field_share, unknown_share, seed);
        for strict in [false, true] {
            let options = if strict {
                Options::default().strict()
            } else {
                Options::default()
            };
            let want = first_issues(expected.clone(), &[], "", strict);
            assert!(want.2 > 0, "the body draws more issues than a report keeps");
            if !strict {
                let kept_warnings = want.1.len();
                assert!(
                    (kept_warnings > 0) == (unknown_share > 90),
                    "{kept_warnings} {} {} {seed}",
                    expected.iter().filter(|e| e.warning).count(),
                    expected.len()
                );
            }
            let checked = Wide::check_json(body.as_bytes(), options);
            assert_eq!(seen(&checked), want, "{keys} {seed} {strict}");
            let read = Wide::from_json_with(body.as_bytes(), options).unwrap_err();
            assert_eq!(seen(&read), want, "{keys} {seed} {strict}");

            // The same object nested, after keys of the outer record that go before it.
            let outer = format!(
                r#"{{"inner":{body},{}}}"#,
                (0..300)
                    .map(|i| format!(r#""z":"v{i}""#))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            let mut before = vec![("z".to_owned(), Code::MaxLen, Some("v0".to_owned()))];
            before.extend((1..300).map(|_| ("z".to_owned(), Code::DuplicateField, None)));
            let want = first_issues(expected.clone(), &before, "inner.", strict);
            let nested = Outer::check_json(outer.as_bytes(), options);
            assert_eq!(seen(&nested), want, "nested {keys} {seed} {strict}");
        }
    }
}

/// Whether `pointer` is a well-formed RFC 6901 pointer: empty, or `/` then segments in which
/// every `~` starts `~0` or `~1`.
fn well_formed_pointer(pointer: &str) -> bool {
    let bytes = pointer.as_bytes();
    (bytes.is_empty() || bytes[0] == b'/')
        && bytes
            .iter()
            .enumerate()
            .all(|(i, &b)| b != b'~' || matches!(bytes.get(i + 1), Some(b'0' | b'1')))
}

/// The issues of `report` about keys (field not a field of `Job`), each checked against the
/// bound on a key from the input: `field` at most `ECHO_LIMIT` characters and `pointer` at
/// most `1 + 2 × ECHO_LIMIT`, both starting with the first characters of `key` (the
/// pointer's `~` and `/` escaped), and cut with `…`.
fn check_cut_key_issues(report: &Report, key: &str, expected: &[(Code, bool)]) {
    let kept: String = key.chars().take(ECHO_LIMIT - 1).collect();
    let escaped = kept.replace('~', "~0").replace('/', "~1");
    let found: Vec<(Code, bool)> = report
        .errors
        .iter()
        .map(|i| (i, true))
        .chain(report.warnings.iter().map(|i| (i, false)))
        .filter(|(i, _)| i.field != "status")
        .map(|(issue, error)| {
            assert!(issue.field.chars().count() <= ECHO_LIMIT, "{}", issue.field);
            assert!(issue.pointer.chars().count() <= 1 + 2 * ECHO_LIMIT);
            assert_eq!(issue.field, format!("{kept}…"));
            assert_eq!(issue.pointer, format!("/{escaped}…"));
            assert!(well_formed_pointer(&issue.pointer), "{}", issue.pointer);
            (issue.code, error)
        })
        .collect();
    assert_eq!(found, expected);
}

/// `check_json` and `from_json` on `body`: the two reports (`from_json`'s warnings alone when
/// it accepts the body), which must be equal.
fn both_doors(body: &[u8]) -> Report {
    let checked = Job::check_json(body, Options::default());
    let built = match Job::from_json(body) {
        Ok(parsed) => Report {
            warnings: parsed.warnings,
            ..Report::default()
        },
        Err(report) => report,
    };
    assert_eq!(checked, built);
    checked
}

#[test]
fn a_long_key_is_cut_in_field_and_pointer_as_a_value_is_in_its_echo() {
    // A 5 MB unknown key (once a 10 MB line of `check --format json`).
    let key = "k".repeat(5_000_000);
    let body = format!(r#"{{"status": "Quote", "{key}": 1}}"#);
    let report = both_doors(body.as_bytes());
    check_cut_key_issues(&report, &key, &[(Code::UnknownField, false)]);
    assert!(report.to_json().len() < 400, "{}", report.to_json().len());
    assert!(report.to_string().len() < 200, "{report}");

    // A 1 MB custom key with a value that is not a string: its `type` error.
    let custom = format!("customfield_{}", "a".repeat(1_000_000));
    let body = format!(r#"{{"status": "Quote", "{custom}": 17}}"#);
    let report = both_doors(body.as_bytes());
    check_cut_key_issues(&report, &custom, &[(Code::Type, true)]);
    // With a string, the record keeps the key whole: it is data, not a report.
    let body = format!(r#"{{"status": "Quote", "{custom}": "v"}}"#);
    let read = Job::from_json(body.as_bytes()).expect("a custom field");
    assert!(read.warnings.is_empty());
    assert_eq!(
        read.record.custom_fields.get(&custom).map(String::as_str),
        Some("v")
    );

    // A 1 MB key twice, unknown or custom: the warning or nothing, then `duplicate_field`.
    let unknown = "u".repeat(1_000_000);
    for (key, expected) in [
        (
            &unknown,
            &[(Code::DuplicateField, true), (Code::UnknownField, false)][..],
        ),
        (&custom, &[(Code::DuplicateField, true)][..]),
    ] {
        let body = format!(r#"{{"status": "Quote", "{key}": "a", "{key}": "b"}}"#);
        let report = both_doors(body.as_bytes());
        check_cut_key_issues(&report, key, expected);
    }

    // Characters of three bytes after one of one: the 64th byte falls inside a character,
    // and the cut is on a character boundary, counted in characters.
    let wide = format!("a{}", "€".repeat(100_000));
    let body = format!(r#"{{"status": "Quote", "{wide}": 1}}"#);
    let report = both_doors(body.as_bytes());
    check_cut_key_issues(&report, &wide, &[(Code::UnknownField, false)]);
    assert_eq!(
        report.warnings[0].field,
        format!("a{}…", "€".repeat(ECHO_LIMIT - 2))
    );
    // Written as JSON escapes, the same key and the same cut.
    let escaped = format!(
        r#"{{"status": "Quote", "a{}": 1}}"#,
        "\\u20ac".repeat(100_000)
    );
    assert_eq!(both_doors(escaped.as_bytes()), report);

    // `~` and `/` are escaped in the pointer after the cut: well formed, and no escape split.
    let slashes = "~/".repeat(100_000);
    let body = format!(r#"{{"status": "Quote", "{slashes}": 1}}"#);
    let report = both_doors(body.as_bytes());
    check_cut_key_issues(&report, &slashes, &[(Code::UnknownField, false)]);

    // A key of exactly `ECHO_LIMIT` characters is shown whole; one more is cut.
    for (len, cut) in [(ECHO_LIMIT, false), (ECHO_LIMIT + 1, true)] {
        let key = "é".repeat(len);
        let body = format!(r#"{{"status": "Quote", "{key}": 1}}"#);
        let report = both_doors(body.as_bytes());
        assert_eq!(report.warnings[0].field.ends_with('…'), cut);
        assert_eq!(report.warnings[0].field.chars().count(), ECHO_LIMIT);
    }
}

#[test]
fn sixty_keys_of_thirty_kb_make_a_report_of_a_few_kb() {
    // Once a 200 from `serve` with a 3.6 MB body. Distinct keys: their first characters
    // differ, so the cut ones do too.
    let keys: Vec<String> = (0..60)
        .map(|i| format!("{i:02}{}", "x".repeat(30_000)))
        .collect();
    let entries: Vec<String> = keys.iter().map(|k| format!(r#""{k}": 1"#)).collect();
    let body = format!(r#"{{"status": "Quote", {}}}"#, entries.join(", "));
    assert!(body.len() > 1_800_000);
    let report = both_doors(body.as_bytes());
    assert_eq!(report.warnings.len(), 60);
    for (issue, key) in report.warnings.iter().zip(&keys) {
        assert_eq!(issue.code, Code::UnknownField);
        assert_eq!(issue.field, format!("{}…", &key[..ECHO_LIMIT - 1]));
    }
    // Each warning takes 263 bytes of JSON, 66 and 67 of them its field and pointer (63
    // characters, `…` in three bytes, and the pointer's `/`): under 18 KB in all, from a
    // body of 1.8 MB.
    let json = report.to_json();
    let one = serde_json::to_string(&report.warnings[0]).unwrap();
    assert_eq!(one.len(), 263, "{one}");
    assert!(json.len() < 18_000, "{}", json.len());
    assert!(report.to_string().len() < 60 * 150);
}

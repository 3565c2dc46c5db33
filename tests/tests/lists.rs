//! `Vec<T>` fields: each rule of the field applies to every element, reported at its index;
//! a JSON type error in one element hides none of the others; `required` on a list means
//! present and not empty; lists of structs report `items[2].name`. The JSON reader and
//! `validate()` on the built record agree.

use job_schema::{Code, Options, Report, Schema, Validate};

#[derive(Schema, Debug, PartialEq)]
struct Line {
    #[schema(required, max_len = 5)]
    name: String,
    #[schema(range(min = 0, max = 100))]
    quantity: Option<i64>,
}

#[derive(Schema, Debug, PartialEq)]
struct Order {
    #[schema(required, uuid)]
    staff: Vec<String>,
    #[schema(max_len = 3, enum_values("a", "bb", "ccc"))]
    tags: Option<Vec<String>>,
    #[schema(bool01)]
    flags: Vec<u8>,
    #[schema(number, range(min = -90, max = 90))]
    lats: Vec<f64>,
    lines: Vec<Line>,
}

const U: &str = "c7319be2-03f5-46fc-be02-2341cca844db";

/// (field, pointer, code) of every error.
fn errors(report: &Report) -> Vec<(String, String, Code)> {
    let issues = report.errors.iter();
    issues
        .map(|i| (i.field.to_string(), i.pointer.to_string(), i.code))
        .collect()
}

fn e(field: &str, pointer: &str, code: Code) -> (String, String, Code) {
    (field.to_owned(), pointer.to_owned(), code)
}

/// Checks `body` both ways (check-only and building) and returns the report.
fn read(body: &str, options: Options) -> Report {
    let checked = Order::check_json(body.as_bytes(), options);
    let built = Order::from_json_with(body.as_bytes(), options)
        .err()
        .unwrap_or_default();
    assert_eq!(errors(&checked), errors(&built), "{body}");
    checked
}

#[test]
fn every_rule_applies_to_every_element_at_its_index() {
    let body = format!(
        r#"{{"staff": ["{U}", "nope", "{U}", "x"], "tags": ["a", "dddd", "bb", "e"],
            "flags": [0, 1, 2, 1], "lats": [-27.5, 91, "12.5", "abc"]}}"#
    );
    let report = read(&body, Options::default());
    assert_eq!(
        errors(&report),
        [
            e("staff[1]", "/staff/1", Code::Uuid),
            e("staff[3]", "/staff/3", Code::Uuid),
            e("tags[1]", "/tags/1", Code::MaxLen),
            e("tags[1]", "/tags/1", Code::EnumValues),
            e("tags[3]", "/tags/3", Code::EnumValues),
            e("flags[2]", "/flags/2", Code::Bool01),
            e("lats[1]", "/lats/1", Code::Range),
            e("lats[3]", "/lats/3", Code::Number),
        ]
    );
    assert_eq!(report.errors[0].value.as_deref(), Some("nope"));
}

#[test]
fn a_type_error_in_one_element_hides_none_of_the_others() {
    let body = format!(
        r#"{{"staff": [7, "nope", null, ["{U}"], {{}}, "{U}", true], "flags": ["x", 3, 1.5]}}"#
    );
    let report = read(&body, Options::default());
    assert_eq!(
        errors(&report),
        [
            e("staff[0]", "/staff/0", Code::Type),
            e("staff[1]", "/staff/1", Code::Uuid),
            e("staff[2]", "/staff/2", Code::Type),
            e("staff[3]", "/staff/3", Code::Type),
            e("staff[4]", "/staff/4", Code::Type),
            e("staff[6]", "/staff/6", Code::Type),
            e("flags[0]", "/flags/0", Code::Type),
            e("flags[1]", "/flags/1", Code::Bool01),
            e("flags[2]", "/flags/2", Code::Type),
        ]
    );
    // An element's type error names the element's types, not the list's; a flag's names
    // the values a flag takes, but a list of flags given something else takes an array.
    assert_eq!(report.errors[0].message(), "expected string, got integer 7");
    let flag = &report.errors[6];
    assert!(
        flag.message().starts_with("expected 0 or 1 (or true"),
        "{flag}"
    );
    let report = read(r#"{"staff": [""], "flags": 1}"#, Options::default());
    assert_eq!(
        report.errors[0].message(),
        "expected null or array, got integer 1"
    );
    // Lax forms of a value are lax forms of an element: `true` and "1" are flags.
    let report = read(
        r#"{"staff": [""], "flags": [true, "1"]}"#,
        Options::default(),
    );
    assert_eq!(errors(&report), []);
    let report = read(
        r#"{"staff": [""], "flags": [true]}"#,
        Options::default().strict(),
    );
    assert_eq!(
        errors(&report),
        [
            e("staff[0]", "/staff/0", Code::Uuid),
            e("flags[0]", "/flags/0", Code::Type)
        ]
    );
}

#[test]
fn required_on_a_list_means_present_and_not_empty() {
    for body in [
        "{}",
        r#"{"staff": []}"#,
        r#"{"staff": null}"#,
        r#"{"staff": ""}"#,
    ] {
        let report = read(body, Options::default());
        assert_eq!(
            errors(&report),
            [e("staff", "/staff", Code::Required)],
            "{body}"
        );
    }
    // Something other than an array is the list's own type error.
    for body in [r#"{"staff": "x"}"#, r#"{"staff": 1}"#, r#"{"staff": {}}"#] {
        let report = read(body, Options::default());
        assert_eq!(
            errors(&report),
            [e("staff", "/staff", Code::Type)],
            "{body}"
        );
        let message = report.errors[0].message();
        assert!(
            message.starts_with("expected null or array, got"),
            "{message}"
        );
    }
    // An empty string is an element like any other; `required` is not asked of it.
    let report = read(r#"{"staff": [""]}"#, Options::default());
    assert_eq!(errors(&report), []);
}

#[test]
fn lists_of_structs_report_each_element_below_its_index() {
    let body = format!(
        r#"{{"staff": ["{U}"], "lines": [{{"name": "bolt"}}, {{"name": "washers", "quantity": 101}},
            {{"quantity": 1}}, 5, {{"name": "nut", "extra": 1}}]}}"#
    );
    let report = read(&body, Options::default());
    assert_eq!(
        errors(&report),
        [
            e("lines[1].name", "/lines/1/name", Code::MaxLen),
            e("lines[1].quantity", "/lines/1/quantity", Code::Range),
            e("lines[2].name", "/lines/2/name", Code::Required),
            e("lines[3]", "/lines/3", Code::Type),
        ]
    );
    assert_eq!(report.warnings[0].field, "lines[4].extra");
    assert_eq!(report.warnings[0].pointer, "/lines/4/extra");
}

#[test]
fn a_list_is_built_in_order_and_validates_as_it_was_read() {
    let body = format!(
        r#"{{"staff": ["{U}", "{U}"], "tags": ["a", "bb"], "flags": [1, true, "0"],
            "lats": [1.5, "-2"], "lines": [{{"name": "bolt", "quantity": 3}}, {{"name": "nut"}}]}}"#
    );
    let order = Order::from_json(body.as_bytes()).expect("valid").record;
    assert_eq!(order.staff, [U, U]);
    assert_eq!(
        order.tags.as_deref(),
        Some(&["a".to_owned(), "bb".to_owned()][..])
    );
    assert_eq!(order.flags, [1, 1, 0]);
    assert_eq!(order.lats, [1.5, -2.0]);
    assert_eq!(
        order.lines,
        [
            Line {
                name: "bolt".into(),
                quantity: Some(3)
            },
            Line {
                name: "nut".into(),
                quantity: None
            },
        ]
    );
    assert!(order.validate().is_ok());

    // The same issues from a record built in code as from the JSON reader.
    let bad = Order {
        staff: vec![U.into(), "nope".into()],
        tags: Some(vec!["dddd".into()]),
        flags: vec![2],
        lats: vec![91.0],
        lines: vec![Line {
            name: String::new(),
            quantity: Some(-1),
        }],
    };
    let from_code = bad.validate().unwrap_err();
    let body = r#"{"staff": ["c7319be2-03f5-46fc-be02-2341cca844db", "nope"], "tags": ["dddd"],
        "flags": [2], "lats": [91], "lines": [{"name": "", "quantity": -1}]}"#;
    let from_json = read(body, Options::default());
    assert_eq!(errors(&from_code), errors(&from_json));
    assert_eq!(errors(&from_json).len(), 7, "{from_json}");
    // An empty required list built in code is as missing as an absent one.
    let empty = Order {
        staff: vec![],
        tags: None,
        flags: vec![],
        lats: vec![],
        lines: vec![],
    };
    assert_eq!(
        errors(&empty.validate().unwrap_err()),
        [e("staff", "/staff", Code::Required)]
    );
}

#[test]
fn the_field_table_says_which_fields_are_lists() {
    let lists: Vec<(&str, bool)> = Order::FIELDS.iter().map(|f| (f.name, f.list)).collect();
    assert_eq!(
        lists,
        [
            ("staff", true),
            ("tags", true),
            ("flags", true),
            ("lats", true),
            ("lines", true)
        ]
    );
    assert!(Order::FIELDS[1].optional);
    assert_eq!(Order::FIELDS[4].nested.map(<[_]>::len), Some(2));
    assert!(!Line::FIELDS[0].list);
}

#[test]
fn mutated_list_bodies_never_panic_and_both_doors_agree() {
    const ALPHABET: &[u8] = b"\"\\,:{}[]0-.eu+n 1x\xff";
    let body = format!(
        r#"{{"staff": ["{U}", "x"], "tags": ["a", "dddd"], "flags": [1, true, "0", 7],
            "lats": [1.5, "-2", 91], "lines": [{{"name": "bolt", "quantity": 3}}, {{"name": ""}}]}}"#
    );
    let mut state = 0x5EED_u64;
    let mut below = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % n as u64).unwrap()
    };
    let mut malformed = 0;
    for _ in 0..5_000 {
        let mut bytes = body.clone().into_bytes();
        for _ in 0..=below(3) {
            let at = below(bytes.len() + 1);
            match below(3) {
                0 if at < bytes.len() => drop(bytes.remove(at)),
                1 if at < bytes.len() => bytes[at] = ALPHABET[below(ALPHABET.len())],
                _ => bytes.insert(at, ALPHABET[below(ALPHABET.len())]),
            }
        }
        let checked = Order::check_json(&bytes, Options::default());
        let built = Order::from_json(&bytes).err().unwrap_or_default();
        let shown = String::from_utf8_lossy(&bytes);
        let misfit =
            |i: &&job_schema::Issue| i.message().ends_with("does not fit this field's type");
        let without = |r: &Report| -> Vec<(String, Code)> {
            let kept = r.errors.iter().filter(|i| !misfit(i));
            kept.map(|i| (i.field.to_string(), i.code)).collect()
        };
        assert_eq!(without(&checked), without(&built), "{shown}");
        malformed += usize::from(checked.errors.iter().any(|i| i.code == Code::JsonSyntax));
    }
    assert!((1_000..4_900).contains(&malformed), "{malformed}");
}

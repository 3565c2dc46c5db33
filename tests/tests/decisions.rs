//! The decisions of `docs/decisions.md` that no other test holds: an integer that does not
//! fit the field's Rust type, a number beyond a double in a float field, an absent field of
//! a non-`Option` type, `&'static str` fields, the types a `number` field lists, and which
//! field types take every value of their shape, and where `""` is kept as the empty text.

use job_schema::{Code, Job, Options, Schema, Validate};
use job_schema_tests::{errors, pairs};

/// Fields with no rule that could reject a value their type cannot hold.
#[derive(Debug, Default, PartialEq, Schema)]
struct Counters {
    /// A small count, with no rule.
    small: Option<u8>,
    /// A name that must be sent.
    #[schema(required, max_len = 5)]
    name: String,
    /// A count that is `0` when absent.
    count: u32,
}

/// A record whose text borrows `'static` strings: it can be validated, not read.
#[derive(Debug, Schema)]
struct Labels {
    /// A short label.
    #[schema(max_len = 3)]
    label: &'static str,
}

#[test]
fn an_integer_too_large_for_a_flag_is_the_flag_rule_error_only() {
    for (value, code) in [
        ("300", Code::Bool01),
        ("-1", Code::Bool01),
        ("18446744073709551615", Code::Bool01),
        // Past 64 bits an integer is a floating-point number to the reader, as to serde_json.
        ("18446744073709551616", Code::Type),
    ] {
        let body = format!(r#"{{"status": "Quote", "active": {value}}}"#);
        let want = pairs(&[("active", code)]);
        let checked = Job::check_json(body.as_bytes(), Options::default());
        assert_eq!(errors(&checked), want, "{body}");
        let Err(read) = Job::from_json(body.as_bytes()) else {
            panic!("{body} must be rejected");
        };
        assert_eq!(errors(&read), want, "{body}");
    }
}

#[test]
fn an_integer_too_large_for_a_field_without_a_rule_is_a_type_error_when_read() {
    let body = br#"{"name": "ab", "small": 300}"#;
    let Err(read) = Counters::from_json(body) else {
        panic!("300 does not fit a u8");
    };
    assert_eq!(errors(&read), pairs(&[("small", Code::Type)]));
    assert_eq!(read.errors[0].value.as_deref(), Some("300"));
    // Only building finds it: a check passes the value, as `check_json` documents.
    assert!(!Counters::check_json(body, Options::default()).has_errors());
    // A value that fits is read.
    let fits = Counters::from_json(br#"{"name": "ab", "small": 255}"#).unwrap();
    assert_eq!(fits.record.small, Some(255));
}

/// A staff code: text of the form `S` and digits; anything else does not fit.
#[derive(Debug)]
struct StaffCode(u32);

impl job_schema::FieldValue for StaffCode {
    const SHAPE: job_schema::Shape = job_schema::Shape::Text;
    fn scalar(&self) -> Option<job_schema::Scalar<'_>> {
        None
    }
    fn from_scalar(scalar: job_schema::Scalar<'_>) -> Option<Self> {
        scalar
            .as_str()?
            .strip_prefix('S')?
            .parse()
            .ok()
            .map(StaffCode)
    }
    fn unset() -> Self {
        StaffCode(0)
    }
}

/// Values whose type can refuse them, beside a rule that fails first.
#[derive(Debug, Schema)]
struct Shift {
    /// At most five characters.
    #[schema(max_len = 5)]
    name: String,
    /// A small count, with no rule.
    small: Option<u8>,
    /// Who works the shift.
    staff: Option<StaffCode>,
    /// The staff codes of the helpers.
    helpers: Vec<StaffCode>,
}

#[test]
fn a_value_its_type_cannot_hold_is_reported_after_an_earlier_error_too() {
    // `from_json` stops building once a body has an error (the record is dropped): the
    // values read after it must still draw their `type` error, as when nothing came before.
    let misfits = pairs(&[
        ("small", Code::Type),
        ("staff", Code::Type),
        ("helpers[1]", Code::Type),
    ]);
    let tail = r#""small": 300, "staff": "X7", "helpers": ["S1", "T2", "S3"]"#;
    let clean = format!(r#"{{"name": "ab", {tail}}}"#);
    let Err(read) = Shift::from_json(clean.as_bytes()) else {
        panic!("{clean} must be rejected");
    };
    assert_eq!(errors(&read), misfits, "{clean}");
    let after = format!(r#"{{"name": "abcdefg", {tail}}}"#);
    let Err(read) = Shift::from_json(after.as_bytes()) else {
        panic!("{after} must be rejected");
    };
    let mut want = pairs(&[("name", Code::MaxLen)]);
    want.extend(misfits);
    assert_eq!(errors(&read), want, "{after}");
    let echoes: Vec<_> = read.errors.iter().map(|i| i.value.as_deref()).collect();
    assert_eq!(
        echoes,
        [Some("abcdefg"), Some("300"), Some("X7"), Some("T2")],
        "{after}"
    );
    // Values that fit, after the error, draw nothing.
    let fits = br#"{"name": "abcdefg", "small": 255, "staff": "S7", "helpers": ["S1"]}"#;
    let Err(read) = Shift::from_json(fits) else {
        panic!("a name of seven characters must be rejected");
    };
    assert_eq!(errors(&read), pairs(&[("name", Code::MaxLen)]));
    // The same body read whole, when it has no error.
    let good = Shift::from_json(br#"{"name": "ab", "staff": "S7", "helpers": ["S1", "S2"]}"#)
        .expect("a good shift");
    assert_eq!(good.record.staff.map(|s| s.0), Some(7));
    assert_eq!(
        good.record.helpers.iter().map(|s| s.0).collect::<Vec<_>>(),
        [1, 2]
    );
}

#[test]
fn an_absent_field_of_a_non_option_type_takes_its_unset_value() {
    let parsed = Counters::from_json(br#"{"name": "ab"}"#).unwrap();
    assert_eq!(
        parsed.record,
        Counters {
            small: None,
            name: "ab".to_owned(),
            count: 0,
        }
    );
    // Absence is an error only where the field says `required`.
    let Err(report) = Counters::from_json(br#"{"count": 3}"#) else {
        panic!("name is required");
    };
    assert_eq!(errors(&report), pairs(&[("name", Code::Required)]));
}

#[test]
fn static_str_fields_are_validated_but_not_read() {
    let labels = Labels { label: "long" };
    let report = labels.validate().unwrap_err();
    assert_eq!(errors(&report), pairs(&[("label", Code::MaxLen)]));
    assert!(Labels { label: "ok" }.validate().is_ok());
    let Err(read) = Labels::from_json(br#"{"label": "ok"}"#) else {
        panic!("a 'static string cannot be read from input");
    };
    assert_eq!(errors(&read), pairs(&[("label", Code::Type)]));
}

/// Float fields with and without a rule that rejects a number beyond a double.
#[derive(Debug, Schema)]
struct Floats {
    /// No rule.
    plain: Option<f64>,
    /// No rule, and narrower.
    narrow: Option<f32>,
    /// A list without rules.
    many: Vec<f64>,
    /// `range` only.
    #[schema(range(min = -1, max = 1))]
    bounded: Option<f64>,
}

#[test]
fn a_number_beyond_a_double_in_a_float_field_is_an_error_in_both_doors() {
    let body = br#"{"plain": 1e400, "many": [1, -1e400], "bounded": -1e400}"#;
    let checked = Floats::check_json(body, Options::default());
    let built = Floats::from_json(body).unwrap_err();
    for report in [&checked, &built] {
        assert_eq!(
            errors(report),
            pairs(&[
                ("plain", Code::Type),
                ("many[1]", Code::Type),
                ("bounded", Code::Range)
            ]),
            "{report}"
        );
        // Shown as written, in the echo and in the message: never `inf`.
        for issue in &report.errors {
            assert!(!issue.message().contains("inf"), "{}", issue.message());
        }
        assert_eq!(report.errors[0].value.as_deref(), Some("1e400"));
        assert_eq!(
            report.errors[2].message(),
            "-1e400 is outside the range -1 to 1"
        );
    }
    // A finite number beyond `f32` does not fit it: building finds it, as for integers.
    let body = br#"{"narrow": 1e39}"#;
    assert!(!Floats::check_json(body, Options::default()).has_errors());
    let built = Floats::from_json(body).unwrap_err();
    assert_eq!(errors(&built), pairs(&[("narrow", Code::Type)]));
    let fits = Floats::from_json(br#"{"narrow": 1.5e38}"#).expect("fits an f32");
    assert_eq!(fits.record.narrow, Some(1.5e38));
}

/// `number` on each kind of field it may sit on.
#[derive(Debug, Default, Schema)]
struct NumberFields {
    /// A count written as a number.
    #[schema(number)]
    count: Option<u32>,
    /// A price as a float.
    #[schema(number)]
    price: Option<f64>,
    /// A price as text.
    #[schema(number)]
    text: Option<String>,
}

#[test]
fn the_types_a_field_lists_are_the_types_its_reader_takes() {
    // What a `type` error says a field expects, and what `fields` and the JSON Schema list,
    // come from `element_types`; the reader must take exactly those (finite values aside).
    // It listed strings and numbers for the integer field, which the reader refuses.
    let samples = [
        (job_schema::JsonType::String, r#""5""#),
        (job_schema::JsonType::Integer, "5"),
        (job_schema::JsonType::Number, "1.5"),
        (job_schema::JsonType::Boolean, "true"),
    ];
    let mut type_errors = 0;
    for options in [Options::default(), Options::default().strict()] {
        for spec in NumberFields::FIELDS {
            let listed = spec.element_types(options.mode);
            for (ty, json) in samples {
                let body = format!(r#"{{"{}": {json}}}"#, spec.name);
                let report = NumberFields::check_json(body.as_bytes(), options);
                let type_error = report.errors.iter().find(|issue| issue.code == Code::Type);
                // JSON's numbers include its integers.
                let takes = listed.contains(ty)
                    || (ty == job_schema::JsonType::Integer
                        && listed.contains(job_schema::JsonType::Number));
                assert_eq!(
                    type_error.is_none(),
                    takes,
                    "{body} in {:?}: lists {listed:?}",
                    options.mode
                );
                if let Some(issue) = type_error {
                    type_errors += 1;
                    assert_eq!(
                        issue.params.expected(),
                        Some(spec.json_types(options.mode)),
                        "{body}"
                    );
                }
            }
        }
    }
    // The integer field refuses strings, floats and booleans in both modes, at least.
    assert!(type_errors >= 6, "{type_errors}");
}

/// What a field type says of the values of its shape: whether it takes them all, its shape,
/// and its `fits`.
type Claim = (bool, job_schema::Shape, fn(job_schema::Scalar<'_>) -> bool);

/// The [`Claim`] of `T`.
fn claim<T: job_schema::FieldValue>() -> Claim {
    (T::TAKES_ALL_OF_SHAPE, T::SHAPE, T::fits)
}

/// Every type that says it takes every scalar of its shape does: the reader skips asking
/// `fits` about such a value after a body's first error, so a wrong claim would lose a
/// `type` error. The types that do not say so each refuse some value of their shape.
#[test]
fn a_type_that_takes_all_of_its_shape_fits_every_value_of_it() {
    use job_schema::{AnyScalar, Scalar, Shape};

    let strings = ["", "0", "x", "Ōtaki", "0000-00-00 00:00:00", "\u{0}"].map(Scalar::Str);
    let integers = [0, 1, -1, i64::MIN, i64::MAX]
        .map(Scalar::Int)
        .into_iter()
        .chain([Scalar::UInt(u64::MAX)]);
    let numbers = integers
        .clone()
        .chain([0.5, -1e308, 1e308, f64::MIN_POSITIVE].map(Scalar::Float));
    let of_shape = |shape: Shape| -> Vec<Scalar<'static>> {
        match shape {
            Shape::Text | Shape::Any => strings.to_vec(),
            Shape::Integer => integers.clone().collect(),
            Shape::Float => numbers.clone().collect(),
            Shape::Bool => vec![Scalar::Bool(true), Scalar::Bool(false)],
            Shape::Nested => Vec::new(),
        }
    };
    let takes_all = [
        ("String", claim::<String>()),
        ("Box<str>", claim::<Box<str>>()),
        ("f64", claim::<f64>()),
        ("bool", claim::<bool>()),
        ("AnyScalar", claim::<AnyScalar>()),
    ];
    for (name, (says, shape, fits)) in takes_all {
        assert!(says, "{name}");
        for value in of_shape(shape) {
            assert!(fits(value), "{name} refuses {value:?}");
        }
    }
    let refuses_some = [
        ("u8", claim::<u8>()),
        ("i64", claim::<i64>()),
        ("u64", claim::<u64>()),
        ("f32", claim::<f32>()),
        ("&'static str", claim::<&'static str>()),
        ("a FieldValue of the user's", claim::<StaffCode>()),
    ];
    for (name, (says, shape, fits)) in refuses_some {
        assert!(!says, "{name}");
        assert!(
            of_shape(shape).into_iter().any(|value| !fits(value)),
            "{name} takes all: it could say so"
        );
    }
}

/// A text field with a `number` rule, whose type takes every string but no number.
#[derive(Debug, Schema)]
struct Amounts {
    /// At most five characters.
    #[schema(max_len = 5)]
    name: String,
    /// A number, written as text or (lax) as a JSON number.
    #[schema(number)]
    amount: Option<String>,
}

#[test]
fn a_lax_form_its_type_cannot_hold_is_reported_after_an_earlier_error_too() {
    // `String` takes every string, so after a body's first error a string value of a text
    // field is not asked about; a JSON number that lax mode lets through still is.
    let clean = Amounts::from_json(br#"{"name": "ab", "amount": 5}"#).unwrap_err();
    assert_eq!(errors(&clean), pairs(&[("amount", Code::Type)]));
    let after = Amounts::from_json(br#"{"name": "abcdefg", "amount": 5}"#).unwrap_err();
    assert_eq!(
        errors(&after),
        pairs(&[("name", Code::MaxLen), ("amount", Code::Type)])
    );
    assert_eq!(after.errors[1].to_string(), clean.errors[0].to_string());
    // A string draws nothing, before or after an error.
    let text = Amounts::from_json(br#"{"name": "ab", "amount": "5"}"#).expect("text fits");
    assert_eq!(text.record.amount.as_deref(), Some("5"));
    let after = Amounts::from_json(br#"{"name": "abcdefg", "amount": "5"}"#).unwrap_err();
    assert_eq!(errors(&after), pairs(&[("name", Code::MaxLen)]));
}

#[test]
fn an_empty_text_is_kept_where_the_field_holds_text_and_unset_where_it_cannot() {
    let body = br#"{"status": "Quote", "job_address": "", "company_uuid": "", "lat": ""}"#;
    let parsed = Job::from_json(body).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    // A plain text field keeps the empty text; a UUID or number field cannot hold it.
    assert_eq!(parsed.record.job_address.as_deref(), Some(""));
    assert_eq!(parsed.record.company_uuid, None);
    assert_eq!(parsed.record.lat, None);
    // The canonical form keeps the empty text and passes strict mode.
    let canonical = parsed.record.to_json();
    assert!(canonical.contains(r#""job_address":"""#), "{canonical}");
    assert!(!canonical.contains("company_uuid"), "{canonical}");
    let strict = Job::check_json(canonical.as_bytes(), Options::default().strict());
    assert!(strict.is_empty(), "{strict:?}");
}

//! The decisions of `docs/decisions.md` that no other test holds: an integer that does not
//! fit the field's Rust type, a number beyond a double in a float field, an absent field of
//! a non-`Option` type, and `&'static str` fields.

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

//! The integer rules on `u8`, `i32`, `i64` and their `Option`s.

use job_schema::{Code, Rule, Schema, Shape, Validate};

#[derive(Schema)]
struct Job {
    #[schema(bool01)]
    active: u8,
    #[schema(bool01)]
    is_quote: Option<u8>,
    #[schema(enum_values(0, 1, 2))]
    priority: i32,
    #[schema(enum_values(-1, 10))]
    level: Option<i64>,
    #[schema(required, range(min = 1, max = 5))]
    rating: i64,
    #[schema(number, range(min = -10, max = 10))]
    offset: Option<i32>,
}

fn main() {
    assert_eq!(Job::FIELDS[0].rules, [Rule::Bool01]);
    assert_eq!(Job::FIELDS[2].rules, [Rule::EnumInts(&[0, 1, 2])]);
    assert_eq!(Job::FIELDS[3].rules, [Rule::EnumInts(&[-1, 10])]);
    assert_eq!(
        Job::FIELDS[4].rules,
        [Rule::Required, Rule::Range { min: 1.0, max: 5.0 }]
    );
    assert!(Job::FIELDS.iter().all(|f| f.shape == Shape::Integer));

    let good = Job {
        active: 1,
        is_quote: None,
        priority: 2,
        level: Some(-1),
        rating: 5,
        offset: Some(-10),
    };
    assert_eq!(good.validate(), Ok(()));

    let bad = Job {
        active: 2,
        is_quote: Some(7),
        priority: 3,
        level: Some(9),
        rating: 0,
        offset: Some(11),
    };
    let report = bad.validate().unwrap_err();
    let found: Vec<(&str, Code)> = report
        .errors
        .iter()
        .map(|i| (&*i.field, i.code))
        .collect();
    assert_eq!(
        found,
        [
            ("active", Code::Bool01),
            ("is_quote", Code::Bool01),
            ("priority", Code::EnumValues),
            ("level", Code::EnumValues),
            ("rating", Code::Range),
            ("offset", Code::Range),
        ],
        "{report}"
    );
    assert_eq!(report.errors[0].value.as_deref(), Some("2"));
}

//! `number` and `range` on floats, and a format rule on `AnyScalar`.

use job_schema::{AnyScalar, Code, Rule, Schema, Shape, Validate};

#[derive(Schema)]
struct Job {
    #[schema(number, range(min = -180, max = 180))]
    lng: f64,
    #[schema(range(min = 0.5, max = 1.5))]
    ratio: Option<f64>,
    #[schema(number, deprecated)]
    payment_amount: Option<AnyScalar>,
    #[schema(date)]
    legacy_date: AnyScalar,
}

fn main() {
    assert_eq!(Job::FIELDS[0].shape, Shape::Float);
    assert_eq!(Job::FIELDS[2].shape, Shape::Any);
    assert_eq!(Job::FIELDS[3].rules, [Rule::Date]);

    let good = Job {
        lng: 151.2093,
        ratio: Some(1.5),
        payment_amount: None,
        legacy_date: AnyScalar::from("2024-05-01"),
    };
    assert_eq!(good.validate(), Ok(()));

    let bad = Job {
        lng: 181.0,
        ratio: Some(0.25),
        payment_amount: Some(AnyScalar::from("12.50")),
        legacy_date: AnyScalar::from("01/05/2024"),
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
            ("lng", Code::Range),
            ("ratio", Code::Range),
            ("legacy_date", Code::Date),
        ],
        "{report}"
    );
    assert_eq!(report.errors[0].params.max(), Some(180.0));
    // A deprecated field that is present warns, and its value is still checked.
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(report.warnings[0].code, Code::Deprecated);
    assert_eq!(report.warnings[0].field, "payment_amount");
}

//! Every text rule on every text type: `String`, `&'static str`, `Box<str>` and `Option`s.

use job_schema::{Code, Rule, Schema, Shape, Validate};

const UUID: &str = "123e4567-e89b-12d3-a456-426614174000";

#[derive(Schema)]
struct Job {
    #[schema(required, max_len = 10)]
    description: String,
    #[schema(enum_values("Quote", "Work Order"), max_len = 10)]
    status: &'static str,
    #[schema(uuid)]
    company_uuid: Box<str>,
    #[schema(datetime)]
    date: Option<String>,
    #[schema(date)]
    work_order_date: Option<&'static str>,
    #[schema(uuid_list)]
    badges: Option<Box<str>>,
    #[schema(number, range(min = -90, max = 90))]
    lat: String,
    #[schema(range(min = 0, max = 100.5))]
    discount: Option<String>,
}

fn valid() -> Job {
    Job {
        description: "Fix tap".into(),
        status: "Quote",
        company_uuid: UUID.into(),
        date: Some("2024-05-01 09:30:00".into()),
        work_order_date: Some("2024-05-01"),
        badges: Some(format!("[\"{UUID}\"]").into()),
        lat: "-33.8688".into(),
        discount: None,
    }
}

fn main() {
    let rules: Vec<&[Rule]> = Job::FIELDS.iter().map(|f| f.rules).collect();
    assert_eq!(rules[0], [Rule::Required, Rule::MaxLen(10)]);
    assert_eq!(rules[1], [Rule::MaxLen(10), Rule::EnumStrs(&["Quote", "Work Order"])]);
    assert_eq!(rules[2], [Rule::Uuid]);
    assert_eq!(rules[3], [Rule::Datetime]);
    assert_eq!(rules[4], [Rule::Date]);
    assert_eq!(rules[5], [Rule::UuidList]);
    assert_eq!(rules[6], [Rule::Number, Rule::Range { min: -90.0, max: 90.0 }]);
    assert_eq!(rules[7], [Rule::Range { min: 0.0, max: 100.5 }]);
    assert!(Job::FIELDS.iter().all(|f| f.shape == Shape::Text));
    let optional: Vec<bool> = Job::FIELDS.iter().map(|f| f.optional).collect();
    assert_eq!(optional, [false, false, false, true, true, true, false, true]);

    assert_eq!(valid().validate(), Ok(()));

    let bad = Job {
        description: "A description that is too long".into(),
        status: "Invoice",
        company_uuid: "not-a-uuid".into(),
        date: Some("2024-05-01".into()),
        work_order_date: Some("yesterday".into()),
        badges: Some("[\"nope\"]".into()),
        lat: "-91".into(),
        discount: Some("101".into()),
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
            ("description", Code::MaxLen),
            ("status", Code::EnumValues),
            ("company_uuid", Code::Uuid),
            ("date", Code::Datetime),
            ("work_order_date", Code::Date),
            ("badges[0]", Code::UuidList),
            ("lat", Code::Range),
            ("discount", Code::Range),
        ],
        "{report}"
    );
    assert_eq!(report.errors[0].params.limit(), Some(10));

    let empty = Job {
        description: String::new(),
        ..valid()
    };
    let report = empty.validate().unwrap_err();
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].code, Code::Required);
}

//! Allowed values that every other rule of their field accepts: the derive takes them, and
//! the runtime passes each one (the derive restates the rules; this is where the two are
//! held together at the edges: inclusive and fractional bounds, leap days, either case, lax
//! mode's unset values).

use job_schema::{Code, Options, Schema, Validate};

#[derive(Default, Schema)]
struct Job {
    #[schema(enum_values(5, 7, 9), range(min = 5, max = 9))]
    priority: Option<i64>,
    #[schema(range(min = -3.5, max = 0), enum_values(-3, 0))]
    offset: Option<i32>,
    #[schema(bool01, enum_values(0, 1), range(min = 0, max = 1))]
    invoice_sent: Option<u8>,
    #[schema(bool01, range(min = 0.5, max = 7))]
    quote_sent: Option<u8>,
    // The runtime compares an integer as an `f64`: 2^53 + 1 reads as 2^53, within the range.
    #[schema(enum_values(9007199254740993), range(min = 0, max = 9007199254740992))]
    huge: Option<i64>,
    #[schema(
        uuid,
        max_len = 36,
        enum_values(
            "5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17",
            "5F1B7E42-36A4-4C09-9D3E-2B1F0C6A8E17",
            ""
        )
    )]
    company_uuid: Option<String>,
    #[schema(
        datetime,
        max_len = 19,
        enum_values("2024-02-29 23:59:59", "0001-01-01 00:00:00", "0000-00-00 00:00:00")
    )]
    start_date: Option<String>,
    #[schema(
        date,
        max_len = 10,
        enum_values("2000-02-29", "9999-12-31", "0000-00-00")
    )]
    work_order_date: Option<String>,
    #[schema(date, enum_values("2024-02-29 00:00:00", "0000-00-00 00:00:00"))]
    completion_date: Option<String>,
    #[schema(number, enum_values("007", "-1.5e3", "1E+2"))]
    amount: Option<String>,
    #[schema(range(min = 0.5, max = 1.5), enum_values("0.5", "1.5", "1e0"))]
    ratio: Option<String>,
}

/// The fields' lists, each value as a body of its own; lax mode's unset values last.
const CASES: &[(&str, &[&str], &[&str])] = &[
    ("priority", &["5", "7", "9"], &[]),
    ("offset", &["-3", "0"], &[]),
    ("invoice_sent", &["0", "1"], &[]),
    ("quote_sent", &["1"], &[]),
    ("huge", &["9007199254740993"], &[]),
    (
        "company_uuid",
        &[
            "\"5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17\"",
            "\"5F1B7E42-36A4-4C09-9D3E-2B1F0C6A8E17\"",
        ],
        &["\"\""],
    ),
    (
        "start_date",
        &["\"2024-02-29 23:59:59\"", "\"0001-01-01 00:00:00\""],
        &["\"0000-00-00 00:00:00\""],
    ),
    (
        "work_order_date",
        &["\"2000-02-29\"", "\"9999-12-31\""],
        &["\"0000-00-00\""],
    ),
    (
        "completion_date",
        &["\"2024-02-29 00:00:00\""],
        &["\"0000-00-00 00:00:00\""],
    ),
    ("amount", &["\"007\"", "\"-1.5e3\"", "\"1E+2\""], &[]),
    ("ratio", &["\"0.5\"", "\"1.5\"", "\"1e0\""], &[]),
];

fn main() {
    let strict = Options::default().strict();
    for (field, values, unset) in CASES {
        for value in *values {
            let body = format!("{{\"{field}\": {value}}}");
            let lax = Job::check_json(body.as_bytes(), Options::default());
            assert!(!lax.has_errors(), "{body}: {lax}");
            let report = Job::check_json(body.as_bytes(), strict);
            assert!(!report.has_errors(), "{body} (strict): {report}");
        }
        // Lax mode reads these as unset; strict mode judges them by the format.
        for value in *unset {
            let body = format!("{{\"{field}\": {value}}}");
            let lax = Job::check_json(body.as_bytes(), Options::default());
            assert!(!lax.has_errors(), "{body}: {lax}");
            let report = Job::check_json(body.as_bytes(), strict);
            assert_eq!(report.errors.len(), 1, "{body} (strict): {report}");
        }
    }

    // `validate()` on a built record agrees.
    let job = Job {
        priority: Some(9),
        offset: Some(-3),
        invoice_sent: Some(0),
        quote_sent: Some(1),
        huge: Some(9_007_199_254_740_993),
        company_uuid: Some("5F1B7E42-36A4-4C09-9D3E-2B1F0C6A8E17".into()),
        start_date: Some("2024-02-29 23:59:59".into()),
        work_order_date: Some("2000-02-29".into()),
        completion_date: Some("2024-02-29 00:00:00".into()),
        amount: Some("-1.5e3".into()),
        ratio: Some("1e0".into()),
    };
    assert_eq!(job.validate_with(strict), Ok(()));

    // The rules still apply: a value off the list, and a flag the range excludes.
    let job = Job {
        priority: Some(6),
        quote_sent: Some(0),
        ..Job::default()
    };
    let report = job.validate().unwrap_err();
    let found: Vec<(&str, Code)> = report.errors.iter().map(|i| (&*i.field, i.code)).collect();
    assert_eq!(
        found,
        [("priority", Code::EnumValues), ("quote_sent", Code::Range)]
    );
}

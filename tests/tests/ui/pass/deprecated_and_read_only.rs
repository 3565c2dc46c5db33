//! `deprecated = "note"`, bare `deprecated` and `read_only` warn when the field is sent.

use job_schema::{Code, FieldClass, Options, Schema, Validate};

#[derive(Schema)]
struct Job {
    #[schema(deprecated = "use total_invoice_amount")]
    payment_amount: Option<String>,
    #[schema(deprecated, max_len = 3)]
    legacy_code: Option<String>,
    #[schema(read_only)]
    edit_date: Option<String>,
    #[schema(required)]
    status: String,
}

fn main() {
    assert_eq!(
        Job::FIELDS[0].class,
        FieldClass::Deprecated(Some("use total_invoice_amount"))
    );
    assert_eq!(Job::FIELDS[1].class, FieldClass::Deprecated(None));
    assert_eq!(Job::FIELDS[2].class, FieldClass::ReadOnly);
    assert_eq!(Job::FIELDS[3].class, FieldClass::Writable);

    let unsent = Job {
        payment_amount: None,
        legacy_code: None,
        edit_date: None,
        status: "Quote".into(),
    };
    assert!(unsent.report(Options::default()).is_empty());

    let sent = Job {
        payment_amount: Some("10".into()),
        legacy_code: Some("ABCD".into()),
        edit_date: Some("2024-05-01 00:00:00".into()),
        status: "Quote".into(),
    };
    // Warnings alone do not fail validation; the rule on a deprecated field still holds.
    let report = sent.validate().unwrap_err();
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].code, Code::MaxLen);
    let warnings: Vec<(&str, Code)> = report
        .warnings
        .iter()
        .map(|i| (&*i.field, i.code))
        .collect();
    assert_eq!(
        warnings,
        [
            ("payment_amount", Code::Deprecated),
            ("legacy_code", Code::Deprecated),
            ("edit_date", Code::ReadOnly),
        ]
    );
    assert_eq!(
        report.warnings[0].params.note(),
        Some("use total_invoice_amount")
    );
    assert_eq!(
        report.warnings[0].message(),
        "is deprecated: use total_invoice_amount"
    );
}

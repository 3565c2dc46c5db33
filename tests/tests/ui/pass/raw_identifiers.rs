//! `r#type` becomes the wire name `type`.

use job_schema::{Code, Schema, Validate};

#[derive(Schema)]
struct Job {
    #[schema(enum_values("Quote", "Work Order"))]
    r#type: String,
    #[schema(max_len = 2)]
    r#match: Option<String>,
}

fn main() {
    assert_eq!(Job::FIELDS[0].name, "type");
    assert_eq!(Job::FIELDS[0].ident, "type");
    assert_eq!(Job::FIELDS[1].name, "match");

    let job = Job {
        r#type: "Invoice".into(),
        r#match: Some("abc".into()),
    };
    let report = job.validate().unwrap_err();
    assert_eq!(report.errors[0].field, "type");
    assert_eq!(report.errors[0].pointer, "/type");
    assert_eq!(report.errors[0].code, Code::EnumValues);
    assert_eq!(report.errors[1].field, "match");

    let parsed = Job::from_json(br#"{"type": "Quote", "match": "ab"}"#).unwrap();
    assert_eq!(parsed.record.r#type, "Quote");
}

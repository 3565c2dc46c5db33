//! Typed values (features `uuid`, `chrono`): a `Uuid`, `NaiveDateTime` or `NaiveDate` field
//! implies its format rule, plain, in an `Option` or a `Vec`, beside `required`, `read_only`
//! and `deprecated`; writing the implied rule as well is allowed (redundant). The generated
//! code draws no lint under `deny(warnings)`.

#![deny(warnings, unused_qualifications)]

use chrono::{NaiveDate, NaiveDateTime};
use job_schema::{Code, Rule, Schema};
use uuid::Uuid;

#[derive(Debug, Schema)]
struct Visit {
    #[schema(required, uuid)]
    id: Uuid,
    #[schema(read_only)]
    edited: Option<NaiveDateTime>,
    #[schema(deprecated, date)]
    old_day: Option<NaiveDate>,
    days: Vec<NaiveDate>,
}

fn main() {
    let rules: Vec<&[Rule]> = Visit::FIELDS.iter().map(|f| f.rules).collect();
    assert_eq!(
        rules,
        [
            &[Rule::Required, Rule::Uuid][..],
            &[Rule::Datetime],
            &[Rule::Date],
            &[Rule::Date],
        ]
    );
    let body = br#"{"id": "5F1B7E42-36A4-4C09-9D3E-2B1F0C6A8E17", "days": ["2026-01-02", "2026-01-03 10:00:00"]}"#;
    let visit = Visit::from_json(body).unwrap().record;
    assert_eq!(visit.id.to_string(), "5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17");
    assert_eq!(visit.days[1], NaiveDate::from_ymd_opt(2026, 1, 3).unwrap());
    let report = Visit::from_json(br#"{"id": "x", "edited": "2026-01-02T10:00:00"}"#).unwrap_err();
    let codes: Vec<Code> = report.errors.iter().map(|e| e.code).collect();
    assert_eq!(codes, [Code::Uuid, Code::Datetime]);
}

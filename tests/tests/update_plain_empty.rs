//! A plain (non-`Option`) text field holding `""` in the update direction, on a user's
//! struct: `validate()` judges it absent, whatever the struct's serde attributes; the reader
//! judges the JSON serde writes, so the record and its JSON agree only when the empty text is
//! skipped when serialized (docs/decisions.md, "A plain field holding `""` in the update
//! direction is unset"; the `Schema` derive's docs, "Plain fields in the update direction").

use job_schema::{Code, Options, Schema, Validate};
use serde::{Deserialize, Serialize};

/// Writes `"kind": ""` when `kind` is empty.
#[derive(Schema, Serialize, Deserialize, Debug, PartialEq)]
struct Plain {
    #[schema(enum_values("a", "b"), max_len = 1)]
    kind: String,
}

/// Leaves an empty `kind` out of its JSON, as `Job::status` does.
#[derive(Schema, Serialize, Deserialize, Debug, PartialEq)]
struct Skipping {
    #[schema(enum_values("a", "b"), max_len = 1)]
    #[serde(skip_serializing_if = "String::is_empty")]
    kind: String,
}

fn update(strict: bool) -> Options {
    let options = Options::default().update();
    if strict {
        options.strict()
    } else {
        options
    }
}

#[test]
fn validate_judges_an_empty_plain_field_absent_in_update_with_or_without_the_attribute() {
    for strict in [false, true] {
        assert!(Plain {
            kind: String::new()
        }
        .validate_with(update(strict))
        .is_ok());
        assert!(Skipping {
            kind: String::new()
        }
        .validate_with(update(strict))
        .is_ok());
        // A value other than `""` is still judged, in both structs.
        let wrong = Plain { kind: "c".into() }
            .validate_with(update(strict))
            .unwrap_err();
        assert_eq!(wrong.errors[0].code, Code::EnumValues);
        let wrong = Skipping { kind: "c".into() }
            .validate_with(update(strict))
            .unwrap_err();
        assert_eq!(wrong.errors[0].code, Code::EnumValues);
    }
    // In the create direction `""` is a value like any other (the field is not required).
    let create = Options::default().strict();
    let report = Plain {
        kind: String::new(),
    }
    .validate_with(create)
    .unwrap_err();
    assert_eq!(report.errors[0].code, Code::EnumValues);
}

#[test]
fn without_the_attribute_a_strict_update_of_the_serialized_record_reports_the_empty_text() {
    let json = serde_json::to_string(&Plain {
        kind: String::new(),
    })
    .unwrap();
    assert_eq!(json, r#"{"kind":""}"#);
    let report = Plain::check_json(json.as_bytes(), update(true));
    let found: Vec<(&str, Code)> = report.errors.iter().map(|i| (&*i.field, i.code)).collect();
    assert_eq!(found, [("kind", Code::EnumValues)]);
    // Lax mode takes `""` as the unset value it is, so there the two agree.
    assert!(!Plain::check_json(json.as_bytes(), update(false)).has_errors());
}

#[test]
fn with_the_attribute_the_record_and_its_json_agree() {
    let record = Skipping {
        kind: String::new(),
    };
    let json = serde_json::to_string(&record).unwrap();
    assert_eq!(json, "{}");
    for strict in [false, true] {
        let report = Skipping::check_json(json.as_bytes(), update(strict));
        assert!(!report.has_errors(), "{report}");
        // Read back, the record is the one written, and it passes its own check again.
        let read = Skipping::from_json_with(json.as_bytes(), update(strict)).unwrap();
        assert_eq!(read.record, record);
        assert!(read.record.validate_with(update(strict)).is_ok());
    }
}

//! A user's own field type: a newtype implementing `FieldValue` with its public items only
//! (the shape, the scalar view, building from a scalar, the unset value) reads, validates and
//! reports like the text it wraps, alone, in a list and in an `Option`. (It takes `required`,
//! `deprecated` and `read_only`; a format rule on it does not compile, with the reason at the
//! rule: see the ui case `rule_on_user_field_type`.)

use job_schema::{Code, FieldValue, Options, Scalar, Schema, Shape, Validate};

/// A staff member's id: a UUID kept as its canonical lower-case text.
#[derive(Clone, Debug, Default, PartialEq)]
struct StaffId(String);

impl FieldValue for StaffId {
    const SHAPE: Shape = Shape::Text;

    fn scalar(&self) -> Option<Scalar<'_>> {
        Some(Scalar::Str(&self.0))
    }

    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        scalar.as_str().map(|s| StaffId(s.to_ascii_lowercase()))
    }

    fn unset() -> Self {
        StaffId::default()
    }
}

#[derive(Debug, Schema)]
struct Visit {
    #[schema(required)]
    staff: StaffId,
    helpers: Vec<StaffId>,
    backup: Option<StaffId>,
}

const U: &str = "C7319BE2-03F5-46FC-BE02-2341CCA844DB";

#[test]
fn a_newtype_field_reads_validates_and_reports_as_its_text() {
    let body = format!(r#"{{"staff": "{U}", "helpers": ["{U}"], "backup": "{U}"}}"#);
    let visit = Visit::from_json(body.as_bytes()).expect("valid").record;
    assert_eq!(visit.staff, StaffId(U.to_ascii_lowercase()));
    assert_eq!(visit.helpers.len(), 1);
    assert_eq!(visit.backup.as_ref(), Some(&visit.staff));
    // Present and valid: `validate()` agrees with the reader (no "is required").
    assert!(visit.validate().is_ok(), "{:?}", visit.validate());

    let body = br#"{"staff": "", "helpers": ["x", 7], "backup": 5}"#;
    for report in [
        Visit::check_json(body, Options::default()),
        Visit::from_json(body).unwrap_err(),
    ] {
        let found: Vec<(&str, Code)> = report.errors.iter().map(|i| (&*i.field, i.code)).collect();
        assert_eq!(
            found,
            [
                ("staff", Code::Required),
                ("helpers[1]", Code::Type),
                ("backup", Code::Type),
            ]
        );
        // A type error names the text type the newtype reads, not a contradiction.
        assert_eq!(
            report.errors[2].message(),
            "expected null or string, got integer 5"
        );
    }
    let missing = Visit::check_json(b"{}", Options::default());
    assert_eq!(missing.errors[0].code, Code::Required);
}

// The struct and tests every edition crate compiles: included by `src/lib.rs` of each, after
// the edition's own imports (`extern crate` in 2015). Written to compile in every edition.

/// A nested struct.
#[derive(Schema, Deserialize, Debug, PartialEq)]
pub struct Address {
    /// Text with a length limit.
    #[schema(required, max_len = 20)]
    pub city: String,
    /// A number in a range.
    #[schema(range(min = -90, max = 90))]
    pub lat: Option<f64>,
}

/// Every kind of field: text, integers, `f64`, `bool`, `Option`, `Vec`, a nested struct, a
/// `custom_prefix` map, and serde's `rename_all`, `rename` and `alias`.
#[derive(Schema, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    /// Text, renamed.
    #[schema(required, uuid)]
    #[serde(rename = "uuid")]
    pub id: String,
    /// Optional text from a list.
    #[schema(enum_values("Quote", "Work Order"))]
    pub status: Option<String>,
    /// An integer flag.
    #[schema(bool01)]
    pub active: u8,
    /// An optional integer from a list.
    #[schema(enum_values(1, 2, 3))]
    pub priority: Option<i64>,
    /// A float in a range.
    #[schema(range(min = 0, max = 100_000))]
    pub total_amount: f64,
    /// An optional `bool`.
    pub paid: Option<bool>,
    /// A list of UUIDs.
    #[schema(uuid)]
    pub staff_uuids: Vec<String>,
    /// A nested struct, also read as `site`.
    #[serde(alias = "site")]
    pub address: Option<Address>,
    /// Custom keys.
    #[schema(custom_prefix = "customfield_")]
    #[serde(flatten)]
    pub custom: BTreeMap<String, String>,
}

/// serde's `Deserialize` through the reader (`#[schema(deserialize)]`), with serde's
/// `rename_all` and a nested struct that derives serde's own.
#[derive(Schema, Debug, PartialEq)]
#[schema(deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Visit {
    /// Text with a length limit.
    #[schema(required, max_len = 20)]
    pub site_address: String,
    /// An integer flag.
    #[schema(bool01)]
    pub confirmed: Option<u8>,
    /// A nested struct.
    pub address: Option<Address>,
}

/// A body every rule accepts, with the nested struct under its alias and one custom key.
pub const VALID: &[u8] = br#"{
    "uuid": "0b1e4a6c-2f5d-4c3e-9a8b-7d6e5f4a3b2c",
    "status": "Work Order",
    "active": 1,
    "priority": 2,
    "totalAmount": 12.5,
    "paid": true,
    "staffUuids": ["5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"],
    "site": {"city": "Sydney", "lat": -33.9},
    "customfield_colour": "red"
}"#;

/// A body that breaks one rule per field, and sends an unknown key.
pub const INVALID: &[u8] = br#"{
    "uuid": "nope",
    "status": "quote",
    "active": 2,
    "priority": 7,
    "totalAmount": -1,
    "paid": "yes",
    "staffUuids": ["5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "x"],
    "address": {"city": "", "lat": 91},
    "colour": "blue"
}"#;

/// The `(field, code)` of each issue, in order.
pub fn codes(issues: &[Issue]) -> Vec<(String, Code)> {
    issues.iter().map(|i| (i.field.to_string(), i.code)).collect()
}

#[cfg(test)]
mod common_tests {
    use job_schema::{Options, Validate};

    use super::*;

    #[test]
    fn wire_names_follow_serde() {
        let names: Vec<&str> = Job::FIELDS.iter().map(|f| f.name).collect();
        assert_eq!(
            names,
            [
                "uuid",
                "status",
                "active",
                "priority",
                "totalAmount",
                "paid",
                "staffUuids",
                "address"
            ]
        );
        assert_eq!(Job::CUSTOM_PREFIX, Some("customfield_"));
    }

    #[test]
    fn valid_body_reads_as_serde_reads_it() {
        let report = Job::check_json(VALID, Options::default().strict());
        assert!(report.is_empty(), "{}", report);
        let parsed = Job::from_json(VALID).unwrap();
        assert!(parsed.warnings.is_empty());
        let from_serde: Job = serde_json::from_slice(VALID).unwrap();
        assert_eq!(parsed.record, from_serde);
        assert_eq!(
            parsed.record.address,
            Some(Address {
                city: "Sydney".to_owned(),
                lat: Some(-33.9)
            })
        );
        assert_eq!(
            parsed.record.custom.get("customfield_colour").map(String::as_str),
            Some("red")
        );
        assert!(parsed.record.validate().is_ok());
    }

    #[test]
    fn deserialize_reads_through_the_rules() {
        let body = r#"{"siteAddress": "1 Main St", "confirmed": true, "address": {"city": "Perth"}}"#;
        let visit: Visit = serde_json::from_str(body).unwrap();
        assert_eq!(visit, Visit::from_json(body.as_bytes()).unwrap().record);
        assert_eq!(visit.confirmed, Some(1));
        let body = r#"{"siteAddress": "", "confirmed": 2, "address": {"city": ""}}"#;
        let error = serde_json::from_str::<Visit>(body).unwrap_err();
        assert_eq!(
            error.to_string(),
            Visit::from_json(body.as_bytes()).unwrap_err().to_string()
        );
        assert_eq!(error.to_string().lines().count(), 3);
    }

    #[test]
    fn invalid_body_gives_the_expected_codes() {
        let report = Job::check_json(INVALID, Options::default());
        assert_eq!(
            codes(&report.errors),
            [
                ("uuid".to_owned(), Code::Uuid),
                ("status".to_owned(), Code::EnumValues),
                ("active".to_owned(), Code::Bool01),
                ("priority".to_owned(), Code::EnumValues),
                ("totalAmount".to_owned(), Code::Range),
                ("paid".to_owned(), Code::Type),
                ("staffUuids[1]".to_owned(), Code::Uuid),
                ("address.city".to_owned(), Code::Required),
                ("address.lat".to_owned(), Code::Range),
            ]
        );
        assert_eq!(
            codes(&report.warnings),
            [("colour".to_owned(), Code::UnknownField)]
        );
    }
}

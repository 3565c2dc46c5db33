//! `#[schema(deserialize)]`: serde's `Deserialize` through the reader, for a struct that does
//! not derive serde's own. serde_json reads it, with serde's attributes, a nested struct and
//! a list, and a body with errors fails with the report's text.

use job_schema::Schema;

#[derive(Debug, PartialEq, Schema)]
#[schema(deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Visit {
    #[schema(required, max_len = 20)]
    site_address: String,
    #[schema(bool01)]
    confirmed: Option<u8>,
    stops: Vec<Stop>,
}

#[derive(Debug, PartialEq, Schema)]
#[schema(deserialize)]
struct Stop {
    #[schema(required, datetime)]
    at: String,
}

fn main() {
    let body = r#"{"siteAddress": "1 Main St", "confirmed": true, "stops": [{"at": "2026-03-01 09:00:00"}]}"#;
    let visit: Visit = serde_json::from_str(body).unwrap();
    assert_eq!(visit.confirmed, Some(1));
    assert_eq!(visit, Visit::from_json(body.as_bytes()).unwrap().record);

    let body = r#"{"siteAddress": "", "stops": [{"at": "9am"}], "colour": "blue"}"#;
    let error = serde_json::from_str::<Visit>(body).unwrap_err();
    assert_eq!(
        error.to_string(),
        Visit::from_json(body.as_bytes()).unwrap_err().to_string()
    );
    let fields: Vec<String> = error
        .to_string()
        .lines()
        .map(|line| line.split(':').next().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["siteAddress", "stops[0].at", "colour"]);

    let value = serde_json::json!([{"at": "2026-03-01 09:00:00"}, {"at": "2026-03-02 10:00:00"}]);
    let stops: Vec<Stop> = serde_json::from_value(value).unwrap();
    assert_eq!(stops[1].at, "2026-03-02 10:00:00");
}

//! Wire names follow `#[serde(rename)]` and `#[serde(rename_all)]`.

use job_schema::{Code, Schema, Validate};

#[derive(Schema, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Contact {
    #[schema(max_len = 3)]
    first_name: String,
    #[serde(rename = "MOBILE")]
    mobile_phone: Option<String>,
    email: String,
}

#[derive(Schema, serde::Deserialize)]
struct Job {
    #[serde(rename = "job_description")]
    #[schema(required)]
    description: String,
    #[serde(rename(deserialize = "contact_details"))]
    contact: Contact,
}

fn main() {
    let names: Vec<&str> = Contact::FIELDS.iter().map(|f| f.name).collect();
    assert_eq!(names, ["firstName", "MOBILE", "email"]);
    assert_eq!(Contact::FIELDS[0].ident, "first_name");
    let names: Vec<&str> = Job::FIELDS.iter().map(|f| f.name).collect();
    assert_eq!(names, ["job_description", "contact_details"]);

    let job = Job {
        description: String::new(),
        contact: Contact {
            first_name: "Alexandra".into(),
            mobile_phone: None,
            email: String::new(),
        },
    };
    let report = job.validate().unwrap_err();
    let found: Vec<(&str, Code)> = report
        .errors
        .iter()
        .map(|i| (&*i.field, i.code))
        .collect();
    assert_eq!(
        found,
        [
            ("job_description", Code::Required),
            ("contact_details.firstName", Code::MaxLen),
        ],
        "{report}"
    );

    let read = Job::check_json(
        br#"{"description": "x", "job_description": "Fix tap", "contact_details": {"firstName": "Al", "email": ""}}"#,
        job_schema::Options::default(),
    );
    // The Rust name is not a wire name: `description` is an unknown key.
    assert!(read.errors.is_empty(), "{read}");
    assert_eq!(read.warnings.len(), 1);
    assert_eq!(read.warnings[0].code, Code::UnknownField);
    assert_eq!(read.warnings[0].field, "description");
}

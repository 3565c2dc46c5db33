//! serde attributes that `job-schema` honours (wire names, aliases, defaults, skips,
//! `deny_unknown_fields`, `flatten` on the custom map) and those it ignores because they
//! change nothing that `Deserialize` reads (serialization, bounds, paths, messages).

use std::collections::BTreeMap;

use job_schema::{Code, Options, Schema};

#[derive(Clone, serde::Serialize)]
struct Wire {
    status: String,
}

impl From<Job> for Wire {
    fn from(job: Job) -> Wire {
        Wire { status: job.status }
    }
}

fn upper<S: serde::Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&value.to_uppercase())
}

fn quote() -> String {
    "Quote".to_owned()
}

#[derive(Clone, Debug, Default, Schema, serde::Serialize, serde::Deserialize)]
#[serde(rename = "JobBody", tag = "kind", bound = "", crate = "serde")]
#[serde(expecting = "a job body", rename_all(serialize = "UPPERCASE", deserialize = "camelCase"))]
struct Job {
    #[serde(default = "quote", alias = "state", alias = "job_status")]
    #[schema(enum_values("Quote", "Work Order"))]
    status: String,
    #[serde(rename(serialize = "desc", deserialize = "job_description"))]
    #[serde(skip_serializing_if = "String::is_empty", serialize_with = "upper")]
    #[schema(max_len = 10)]
    description: String,
    #[serde(skip_serializing, bound = "")]
    purchase_order: Option<String>,
    #[serde(skip)]
    cache: Vec<Vec<u8>>,
    #[serde(skip_deserializing)]
    computed: String,
    #[serde(flatten)]
    #[schema(custom_prefix = "customfield_")]
    custom: BTreeMap<String, String>,
}

#[derive(Debug, Schema, serde::Serialize, serde::Deserialize)]
#[serde(into = "Wire", deny_unknown_fields, default)]
struct Strict {
    #[serde(alias = "state")]
    status: String,
}

impl Default for Strict {
    fn default() -> Strict {
        Strict { status: quote() }
    }
}

impl From<Strict> for Wire {
    fn from(strict: Strict) -> Wire {
        Wire { status: strict.status }
    }
}

impl Clone for Strict {
    fn clone(&self) -> Strict {
        Strict { status: self.status.clone() }
    }
}

fn main() {
    let names: Vec<&str> = Job::FIELDS.iter().map(|f| f.name).collect();
    assert_eq!(names, ["status", "job_description", "purchaseOrder"]);

    let body = br#"{"state": "Work Order", "job_description": "Fix", "kind": "Job", "customfield_x": "1"}"#;
    let read = Job::from_json(body).unwrap();
    assert_eq!(read.record.status, "Work Order");
    assert_eq!(read.record.description, "Fix");
    assert_eq!(read.record.custom.len(), 1);
    // The tag is serialization's: a key like any other to the reader.
    assert_eq!(read.warnings.len(), 1);
    assert_eq!((&*read.warnings[0].field, read.warnings[0].code), ("kind", Code::UnknownField));
    let serde_read: Job = serde_json::from_slice(body).unwrap();
    assert_eq!(serde_read.status, read.record.status);

    // A missing field takes serde's default.
    let read = Job::from_json(b"{}").unwrap();
    assert_eq!(read.record.status, "Quote");

    // Rules apply to a value read under an alias, named by the wire name.
    let report = Job::check_json(br#"{"job_status": "quote"}"#, Options::default());
    assert_eq!((&*report.errors[0].field, report.errors[0].code), ("status", Code::EnumValues));

    // `deny_unknown_fields`: an unknown key is an error, in lax mode too.
    let report = Strict::check_json(br#"{"state": "Quote", "extra": 1}"#, Options::default());
    assert_eq!(report.errors.len(), 1, "{report}");
    assert_eq!((&*report.errors[0].field, report.errors[0].code), ("extra", Code::UnknownField));
    assert!(serde_json::from_str::<Strict>(r#"{"state": "Quote", "extra": 1}"#).is_err());
    let read = Strict::from_json(b"{}").unwrap();
    assert_eq!(read.record.status, "Quote");
}

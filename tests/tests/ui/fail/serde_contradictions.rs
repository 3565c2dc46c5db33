//! Schema rules that contradict what serde reads: `required` on a field serde may leave
//! out, a rule on a field serde skips, custom keys that serde would deny, two fields that
//! accept one key.

use std::collections::BTreeMap;

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[serde(default)]
    #[schema(required)]
    status: String,
    #[serde(skip)]
    #[schema(max_len = 5, uuid)]
    cache: String,
    #[serde(alias = "status")]
    state: String,
    #[serde(rename = "ref", alias = "job_ref")]
    reference: String,
    #[serde(alias = "job_ref")]
    other_reference: String,
}

#[derive(Schema)]
#[serde(default, deny_unknown_fields)]
struct Strict {
    #[schema(required)]
    status: String,
    #[schema(custom_prefix = "customfield_")]
    #[serde(flatten)]
    custom: BTreeMap<String, String>,
}

fn main() {}

//! serde container attributes that change what serde reads are rejected at their key, all
//! in one build; an unknown one and an unknown casing too.

use job_schema::Schema;

struct Wire;

#[derive(Schema)]
#[serde(transparent)]
#[serde(from = "Wire", try_from = "Wire")]
#[serde(rename_all_fields = "camelCase", untagged)]
#[serde(content = "c", field_identifier, variant_identifier)]
#[serde(deny_unknown_field)]
#[serde(rename_all = "Title Case")]
struct Job {
    status: String,
}

fn main() {}

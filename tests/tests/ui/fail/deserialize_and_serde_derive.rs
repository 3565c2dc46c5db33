// `#[schema(deserialize)]` implements serde's `Deserialize`: a struct that derives serde's own
// keeps it by leaving the attribute out, and cannot have both.

use job_schema::Schema;

#[derive(Schema, serde::Deserialize)]
#[schema(deserialize)]
struct Visit {
    #[schema(required)]
    site: String,
}

fn main() {}

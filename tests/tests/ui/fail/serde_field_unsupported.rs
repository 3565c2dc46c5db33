//! serde field attributes that change what serde reads are rejected at their key, all in
//! one build, as are malformed ones.

use job_schema::Schema;

mod wire {
    pub fn deserialize() {}
}

#[derive(Schema)]
struct Contact {
    name: String,
}

#[derive(Schema)]
struct Job {
    #[serde(with = "wire")]
    status: String,
    #[serde(deserialize_with = "wire::deserialize")]
    description: String,
    #[serde(flatten)]
    contact: Contact,
    #[serde(other)]
    note: String,
    #[serde(rename(deserialise = "x"))]
    address: String,
    #[serde(alias = 5)]
    mobile: String,
}

fn main() {}

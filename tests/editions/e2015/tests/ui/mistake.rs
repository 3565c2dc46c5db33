extern crate job_schema;

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(max_len = 0)]
    description: String,
    #[schema(bool01)]
    active: String,
}

fn main() {}

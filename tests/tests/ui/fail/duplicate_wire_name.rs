use job_schema::Schema;

#[derive(Schema, serde::Serialize)]
struct Job {
    #[serde(rename = "status")]
    state: String,
    status: String,
}

fn main() {}

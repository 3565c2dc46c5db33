use job_schema::Schema;

#[derive(Schema)]
struct Job {
    tags: std::collections::HashMap<String, String>,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Part {
    name: String,
}

#[derive(Schema)]
struct Job {
    #[schema(max_len = 5)]
    counts: Vec<i64>,
    #[schema(bool01)]
    names: Vec<String>,
    #[schema(uuid)]
    parts: Vec<Part>,
}

fn main() {}

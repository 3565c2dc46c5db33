use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(bool01)]
    active: String,
}

fn main() {}

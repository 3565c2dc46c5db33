use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema("x", max_len = 0)]
    description: String,
}

fn main() {}

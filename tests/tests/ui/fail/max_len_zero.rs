use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(max_len = 0)]
    description: String,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(max_len = -3)]
    description: String,
}

fn main() {}

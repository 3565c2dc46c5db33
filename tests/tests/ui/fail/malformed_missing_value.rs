use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(max_len =)]
    description: String,
}

fn main() {}

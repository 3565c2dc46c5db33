use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(max_len = 10)]
    #[schema(max_len = 20)]
    description: String,
}

fn main() {}

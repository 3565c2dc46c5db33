use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(a::b, max_len = 0)]
    description: String,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
#[schema(max_len = 3)]
struct Job {
    description: String,
}

fn main() {}

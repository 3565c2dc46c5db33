use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(max_len = 10)]
    active: i32,
}

fn main() {}

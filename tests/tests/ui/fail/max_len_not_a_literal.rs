use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(max_len = 1 + 2)]
    a: String,
    #[schema(max_len = 1.5)]
    b: String,
    #[schema(max_len = 99999999999999999999999999999999999999999999)]
    c: String,
    #[schema(max_len = LIMIT)]
    d: String,
}

const LIMIT: usize = 3;

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job<T> {
    #[schema(max_len = 10)]
    description: T,
}

fn main() {}

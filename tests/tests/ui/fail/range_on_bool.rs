use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(range(min = 0, max = 1))]
    active: bool,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(enum_values(0, 1))]
    active: String,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(enum_values("Quote", 1))]
    status: String,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(enum_values())]
    status: String,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(enum_values = "Quote")]
    status: String,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(enum_values("Quote", "Work Order", "Quote"))]
    status: String,
}

fn main() {}

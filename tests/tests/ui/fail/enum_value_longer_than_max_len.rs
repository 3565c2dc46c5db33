use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(max_len = 5, enum_values("Quote", "Work Order"))]
    status: String,
}

fn main() {}

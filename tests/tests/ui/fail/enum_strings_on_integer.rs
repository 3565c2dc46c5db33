use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(enum_values("Quote", "Work Order"))]
    status: u8,
}

fn main() {}

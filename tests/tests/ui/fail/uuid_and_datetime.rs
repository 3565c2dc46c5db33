use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(uuid, datetime)]
    company_uuid: String,
}

fn main() {}

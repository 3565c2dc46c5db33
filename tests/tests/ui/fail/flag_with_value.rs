use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(required = true, uuid(strict))]
    company_uuid: String,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(uuid)]
    company_uuid: i64,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(max_lenght = 500)]
    description: String,
    #[schema(uuid, uuid)]
    company_uuid: String,
    #[schema(max_len = 0)]
    address: String,
    #[schema(enum_values())]
    status: String,
}

fn main() {}

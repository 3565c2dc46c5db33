use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(, max_len = 36,, uuid,)]
    company_uuid: String,
    #[schema(range(min = 1, max = 2,,), enum_values("1",, "2"))]
    lat: String,
}

fn main() {}

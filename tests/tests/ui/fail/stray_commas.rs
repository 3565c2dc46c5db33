use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(, max_len = 3,, uuid,)]
    company_uuid: String,
    #[schema(range(min = 1, max = 2,,), enum_values("a",, "b"))]
    lat: String,
}

fn main() {}

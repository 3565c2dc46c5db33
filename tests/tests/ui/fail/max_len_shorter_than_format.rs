use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(uuid, max_len = 35)]
    company_uuid: Option<String>,
    #[schema(max_len = 18, datetime)]
    start_date: Option<String>,
    #[schema(date, max_len = 9)]
    work_order_date: Option<String>,
}

fn main() {}

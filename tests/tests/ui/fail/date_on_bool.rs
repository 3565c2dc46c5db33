use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(date)]
    work_order_date: bool,
}

fn main() {}

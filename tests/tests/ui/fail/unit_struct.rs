use job_schema::Schema;

#[derive(Schema)]
struct Job;

fn main() {}

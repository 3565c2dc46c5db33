use job_schema::Schema;

#[derive(Schema)]
struct Job(String, u8);

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    badges: Vec<String>,
}

fn main() {}

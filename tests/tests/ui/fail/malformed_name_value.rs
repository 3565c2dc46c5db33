use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema = "x"]
    description: String,
}

fn main() {}

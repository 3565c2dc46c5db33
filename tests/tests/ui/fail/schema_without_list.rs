use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema]
    description: String,
}

fn main() {}

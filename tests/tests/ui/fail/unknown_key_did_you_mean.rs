use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(max_lenght = 500)]
    description: String,
}

fn main() {}

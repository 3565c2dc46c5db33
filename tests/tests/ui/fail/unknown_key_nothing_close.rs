use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(color = "blue")]
    description: String,
}

fn main() {}

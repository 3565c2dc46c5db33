use job_schema::Schema;

#[derive(Schema)]
#[schema(crate = "facade::job_schema")]
struct Job {
    #[schema(max_len = 3)]
    description: String,
}

fn main() {}

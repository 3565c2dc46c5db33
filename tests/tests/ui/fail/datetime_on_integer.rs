use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(datetime)]
    date: Option<u32>,
}

fn main() {}

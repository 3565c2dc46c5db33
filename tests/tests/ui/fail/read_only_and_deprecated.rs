use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(read_only, deprecated)]
    edit_date: String,
}

fn main() {}

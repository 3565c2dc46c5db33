use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(custom_prefix = "customfield_")]
    custom: String,
}

fn main() {}

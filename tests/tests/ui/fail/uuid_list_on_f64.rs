use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(uuid_list)]
    badges: f64,
}

fn main() {}

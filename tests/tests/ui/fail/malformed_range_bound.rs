use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(range(mid = 3))]
    lat: f64,
}

fn main() {}

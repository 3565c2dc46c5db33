use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(range(min = 90, max = -90))]
    lat: f64,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(range(min = 1, min = 2, max = 3))]
    lat: f64,
    #[schema(range(min = "a", max = 1.0e400))]
    lng: f64,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(range(min = -90))]
    lat: f64,
    #[schema(range = 90)]
    lng: f64,
}

fn main() {}

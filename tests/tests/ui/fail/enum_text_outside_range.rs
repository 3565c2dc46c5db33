use job_schema::Schema;

#[derive(Schema)]
struct Job {
    // Text under `range` must be a number within it.
    #[schema(range(min = 0, max = 10), enum_values("0", "10.5", "ten", "-1e1"))]
    rating: Option<String>,
    // With `number` too, a value that is not a number is reported once.
    #[schema(number, range(min = -90, max = 90), enum_values("-90", "north", "91"))]
    lat: String,
}

fn main() {}

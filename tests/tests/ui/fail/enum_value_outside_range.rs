use job_schema::Schema;

#[derive(Schema)]
struct Job {
    // Every allowed value below `min`.
    #[schema(enum_values(1, 2, 3), range(min = 5, max = 9))]
    priority: Option<i64>,
    // Above a fractional `max`, the range written first.
    #[schema(range(min = 0, max = 2.5), enum_values(0, 2, 3))]
    level: i32,
    // Below a fractional `min`.
    #[schema(enum_values(-1, 0), range(min = -0.5, max = 0.5))]
    offset: Option<i32>,
}

fn main() {}

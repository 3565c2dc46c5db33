use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(max_len = [1, 2], uuid(((x))), enum_values(-"a", x), max_len = 3 uuid)]
    description: String,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(enum_values(Status::Quote, -"a", 9223372036854775808))]
    status: i64,
}

enum Status {
    Quote,
}

fn main() {}

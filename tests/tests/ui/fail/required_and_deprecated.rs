use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(required, deprecated)]
    payment_amount: String,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(deprecated = 3)]
    payment_amount: String,
    #[schema(deprecated("use total"))]
    total_invoice_amount: String,
}

fn main() {}

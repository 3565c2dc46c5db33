use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(bool01, range(min = 2, max = 5))]
    invoice_sent: Option<u8>,
    #[schema(range(min = 0.25, max = 0.75), bool01)]
    quote_sent: u8,
}

fn main() {}

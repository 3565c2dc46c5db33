use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(bool01, enum_values(0, 1, 2))]
    invoice_sent: Option<u8>,
    #[schema(enum_values(-1, 1), bool01)]
    quote_sent: i64,
}

fn main() {}

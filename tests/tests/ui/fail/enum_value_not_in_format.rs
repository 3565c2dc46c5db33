use job_schema::Schema;

#[derive(Schema)]
struct Job {
    #[schema(
        uuid,
        enum_values(
            "5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17",
            "{5f1b7e42-36a4-4c09-9d3e-2b1f0c6a8e17}"
        )
    )]
    company_uuid: Option<String>,
    #[schema(
        enum_values("2024-02-29 10:00:00", "2025-02-29 10:00:00", "2024-03-01T10:00:00"),
        datetime
    )]
    start_date: Option<String>,
    #[schema(date, enum_values("2024-01-31", "2024-04-31", "31/01/2024"))]
    work_order_date: Option<String>,
    #[schema(number, enum_values("12.5", "12,5", "NaN"))]
    amount: String,
}

fn main() {}

use job_schema::Schema;

#[derive(Schema)]
enum Status {
    Quote,
    WorkOrder,
}

fn main() {}

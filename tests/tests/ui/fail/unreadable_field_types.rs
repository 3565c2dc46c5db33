use job_schema::Schema;

#[derive(Schema)]
struct Job {
    lists: Vec<Vec<String>>,
    maybe: Vec<Option<String>>,
    twice: Option<Option<u8>>,
    fine: Option<Vec<String>>,
}

fn main() {}

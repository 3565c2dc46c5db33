use job_schema::homes::Home;
use job_schema::Schema;

const HOMES: &[Home] = &[];
const NOT_HOMES: &[&str] = &["job_number"];

#[derive(Schema)]
#[schema(homes)]
struct NoValue {
    description: String,
}

#[derive(Schema)]
#[schema(homes = "HOMES")]
struct AString {
    description: String,
}

#[derive(Schema)]
#[schema(homes = HOMES, homes = HOMES)]
struct Twice {
    description: String,
}

#[derive(Schema)]
#[schema(homes = NOT_HOMES)]
struct NotATable {
    description: String,
}

fn main() {}

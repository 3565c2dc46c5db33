use job_schema::Schema;
use std::collections::BTreeMap;

#[derive(Schema)]
struct Job {
    #[schema(custom_prefix)]
    a: BTreeMap<String, String>,
    #[schema(custom_prefix = "")]
    b: BTreeMap<String, String>,
    #[schema(custom_prefix = "y_", max_len = 3)]
    c: BTreeMap<String, String>,
}

fn main() {}

use chrono::{NaiveDate, NaiveDateTime};
use job_schema::Schema;
use uuid::Uuid;

// A typed field implies its format rule: another format rule, or a rule for text, is a
// mistake at the rule's key.
#[derive(Schema)]
struct Visit {
    #[schema(date)]
    start: NaiveDateTime,
    #[schema(datetime)]
    day: Option<NaiveDate>,
    #[schema(max_len = 36)]
    id: Uuid,
    #[schema(uuid)]
    when: Vec<NaiveDate>,
}

fn main() {}

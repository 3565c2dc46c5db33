//! Doc comments on fields become the field table's `doc`.

use job_schema::Schema;

/// A job.
#[derive(Schema)]
struct Job {
    /// What the job is for.
    ///
    /// Shown on the job card.
    #[schema(max_len = 500)]
    description: String,
    #[doc = " Set by the API."]
    #[schema(read_only)]
    uuid: Option<String>,
    status: String,
}

fn main() {
    assert_eq!(
        Job::FIELDS[0].doc,
        "What the job is for.\n\nShown on the job card."
    );
    assert_eq!(Job::FIELDS[1].doc, "Set by the API.");
    assert_eq!(Job::FIELDS[2].doc, "");
}

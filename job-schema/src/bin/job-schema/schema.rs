//! `job-schema schema`: the JSON Schema (draft 2020-12) of the job record, built from its
//! field table by `Job::json_schema`, as pretty-printed JSON. `docs/schemas/` holds its
//! output for the lax and the strict create schema.

use std::process::ExitCode;

use job_schema::Job;

use crate::args::{read_options, SchemaArgs};
use crate::output::print_all;

/// Prints the schema; exit status 2 when standard output cannot be written.
pub fn run(args: &SchemaArgs) -> ExitCode {
    let options = read_options(args.strict, args.record, args.update);
    let mut text = serde_json::to_string_pretty(&Job::json_schema(options)).unwrap_or_default();
    text.push('\n');
    print_all(&text)
}

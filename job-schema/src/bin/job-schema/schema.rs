//! `job-schema schema`: the JSON Schema (draft 2020-12) of the job record, built from its
//! field table by `Job::json_schema`, as pretty-printed JSON. `docs/schemas/` holds its
//! output for the lax and the strict create schema.

use std::io::{self, Write};
use std::process::ExitCode;

use job_schema::{Job, Options};

use crate::args::SchemaArgs;

/// Prints the schema; exit status 2 when standard output cannot be written.
pub fn run(args: &SchemaArgs) -> ExitCode {
    let mut options = Options::default();
    if args.strict {
        options = options.strict();
    }
    if args.record {
        options = options.record();
    } else if args.update {
        options = options.update();
    }
    let mut text = serde_json::to_string_pretty(&Job::json_schema(options)).unwrap_or_default();
    text.push('\n');
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("job-schema: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}

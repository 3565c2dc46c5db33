//! `job-schema`: check ServiceM8 job records from the command line.
//!
//! ```text
//! job-schema check [--strict] [--record | --update] [--format text|json] [--quiet] [FILE|-]...
//! job-schema fields [--format text|json|markdown]
//! job-schema schema [--strict] [--record | --update]
//! ```
//!
//! `check` reads one JSON object, an array of objects, NDJSON or objects one after another
//! from each FILE (or standard input), checks every record with the rules of the job record,
//! and prints every error and warning. Exit status: 0 when every record is valid, 1 when
//! some record is invalid, 2 on a usage error or an unreadable input. `fields` prints the
//! field table (`--format markdown`: the page committed as `docs/FIELDS.md`). Built with the
//! `cli` feature.

mod args;
mod check;
mod fields;
mod input;
mod output;
mod schema;
mod serve;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    // clap prints usage errors and exits with status 2.
    let cli = Cli::parse();
    match &cli.command {
        Command::Check(args) => check::run(args),
        Command::Fields(args) => fields::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Schema(args) => schema::run(args),
    }
}

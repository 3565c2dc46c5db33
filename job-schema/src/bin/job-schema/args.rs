//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Names every problem in ServiceM8 job records before they cost a request.
#[derive(Debug, Parser)]
#[command(name = "job-schema", version, about, arg_required_else_help = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check job records in files or on standard input.
    ///
    /// Each input may hold one JSON object (compact or pretty-printed), a JSON array of
    /// objects, NDJSON (one object per line; blank lines are skipped) or objects one after
    /// another; the form is detected, not configured. Records are read one at a time, so
    /// memory does not grow with the size of the input. A valid JSON document is never split,
    /// however its lines are laid out. A malformed record is that record's `json_syntax`
    /// error, and the records after it are still checked: it ends before the next line that
    /// starts with `{` or `[` at or left of the column where it started.
    ///
    /// Exit status: 0 when every record is valid (warnings allowed unless --strict),
    /// 1 when some record is invalid, 2 on a usage error or an unreadable file (the other
    /// files are still checked).
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),

    /// Print the field table of the job record: name, class, JSON types, rules, description.
    ///
    /// `--format markdown` writes the whole reference page, the table with what each rule
    /// and issue code means; `docs/FIELDS.md` is its output.
    Fields(FieldsArgs),

    /// Serve a local stand-in for ServiceM8's job endpoints, for integration tests.
    ///
    /// `POST /api_1.0/job.json` creates a job: 200 `{"errorCode": 0, "message": "OK"}`, the
    /// record's uuid in `x-record-uuid`. `GET /api_1.0/job.json` lists the records,
    /// `GET /api_1.0/job/{uuid}.json` reads one, `POST /api_1.0/job/{uuid}.json` updates one
    /// from a partial body (no field is required), `DELETE /api_1.0/job/{uuid}.json` marks it
    /// inactive (`active` 0). A bad body, or malformed JSON, gets 400 with `{"errorCode":
    /// 1000, "message": "An error occurred completing your request"}` and the whole report
    /// (`errors`, `warnings`). Other answers: 404 (no such record or path), 413 (a body over
    /// 2 MiB), 415 (a `Content-Type` other than `application/json`), 429 (over
    /// `--rate-limit`).
    ///
    /// Listens on 127.0.0.1 and prints `listening on http://127.0.0.1:PORT` on standard output
    /// when ready. Exit status 2 when it cannot start.
    Serve(ServeArgs),
    /// Print the JSON Schema (draft 2020-12) of the job record, built from its field table.
    ///
    /// Lax create by default; `docs/schemas/` holds the lax and the strict create schema.
    Schema(SchemaArgs),
}

const CHECK_AFTER_HELP: &str = "\
Text output: one line per issue, `FILE:LINE: field: message [code]` (warnings read
`FILE:LINE: warning: field: message [code]`), where LINE is the line the record starts on (for
malformed JSON, the line of the error), then one summary line. Records without issues print
nothing. Colour is used only when standard output is a terminal and NO_COLOR is unset.

JSON output: exactly one line per record and nothing else:
{\"source\": FILE or \"-\", \"record\": 0-based index in its input, \"line\": 1-based start line,
 \"valid\": bool, \"errors\": [Issue...], \"warnings\": [Issue...]}";

/// The options of `check`.
// Each bool is a command-line flag of its own.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Strict mode: only the canonical form of the OpenAPI text is accepted, and every
    /// warning becomes an error.
    #[arg(long)]
    pub strict: bool,

    /// Read stored records (one element of a GET response) instead of create request
    /// bodies: read-only fields draw no warning.
    #[arg(long, conflicts_with = "update")]
    pub record: bool,

    /// Read partial update bodies (`POST /api_1.0/job/{uuid}.json`): no field is required.
    #[arg(long)]
    pub update: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Print only the summary line (text); with --format json, print nothing: the exit
    /// status tells the result.
    #[arg(long, short)]
    pub quiet: bool,

    /// Files to check; `-` (or none) reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// The options of `fields`.
#[derive(Debug, clap::Args)]
pub struct FieldsArgs {
    /// Output format: an aligned table, one JSON array of fields, or a Markdown page.
    #[arg(long, value_enum, default_value_t = FieldsFormat::Text)]
    pub format: FieldsFormat,

    /// Print the keys that are not fields but have a home (a field under another name,
    /// another endpoint) instead of the fields.
    #[arg(long)]
    pub homes: bool,
}

/// The options of `serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The port to listen on, on 127.0.0.1; 0 takes any free port (the address is printed).
    #[arg(long, default_value_t = 0)]
    pub port: u16,

    /// Answer 429 (with Retry-After) beyond N requests a minute, as ServiceM8 does beyond
    /// 180: a fixed window of 60 s opened by the first request, counting every request.
    /// Off by default.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub rate_limit: Option<u32>,

    /// Strict mode: create and update bodies (and --data records) are accepted only in the
    /// canonical form, and every warning is an error.
    #[arg(long)]
    pub strict: bool,

    /// Preload records from FILE (stored records: one JSON object, an array or NDJSON),
    /// checked in the record direction; a record with an error is reported on standard
    /// error and skipped, and one whose uuid the store holds already is skipped. A record
    /// without a uuid gets one made from its place in the file and its bytes.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Keep the records in FILE, an append-only journal of JSON lines (one stored record a
    /// line), synced to disk before each write is acknowledged, and replayed at start. A
    /// torn last line (the server killed mid-write) is cut off, and the file is compacted
    /// when it holds more than twice as many lines as records. Without it, records live in
    /// memory.
    #[arg(long, value_name = "FILE")]
    pub store: Option<PathBuf>,
}

/// The options of `schema`.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// The strict-mode schema: only the canonical form, deprecated fields and unknown keys
    /// rejected.
    #[arg(long)]
    pub strict: bool,

    /// The schema of a stored record: read-only fields expected.
    #[arg(long, conflicts_with = "update")]
    pub record: bool,

    /// The schema of a partial update body: no field required.
    #[arg(long)]
    pub update: bool,
}

/// How `fields` prints the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FieldsFormat {
    /// An aligned table, each field followed by its description.
    Text,
    /// One JSON array of fields.
    Json,
    /// A Markdown page: the table, and what each rule and issue code means.
    Markdown,
}

/// How results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable lines.
    Text,
    /// Machine-readable JSON.
    Json,
}

/// The reading options that `--strict`, `--record` and `--update` ask for (the two
/// directions conflict in clap, so at most one is set).
pub fn read_options(strict: bool, record: bool, update: bool) -> job_schema::Options {
    let mut options = job_schema::Options::default();
    if strict {
        options = options.strict();
    }
    if record {
        options = options.record();
    } else if update {
        options = options.update();
    }
    options
}

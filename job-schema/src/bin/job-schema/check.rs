//! `job-schema check`: read records, check them on every core, print them in input order.
//!
//! One thread reads and cuts the input into batches of records ([`crate::input::Scanner`]),
//! worker threads check the batches, and the calling thread prints the results in input
//! order. A fixed number of batch buffers circulate between them (reader → workers →
//! printer → reader), so memory is bounded whatever the size of the input, and the buffers
//! are reused.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path as FsPath;
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;

use clap::CommandFactory;
use indicatif::{ProgressBar, ProgressStyle};
use job_schema::report::escape;
use job_schema::{Code, Issue, Job, Options, Params, Path, Report, Violation};

use crate::args::{CheckArgs, Cli, Format};
use crate::input::{Flaw, Meta, Scanner, MAX_RECORD_BYTES};
use crate::output::{self, Printer, Source, Totals};

/// At most this many records go in one batch.
const BATCH_RECORDS: usize = 256;
/// A batch is sent once its records hold this many bytes.
const BATCH_BYTES: usize = 1 << 20;
/// A batch buffer that grew past this (for a huge record) is not kept for reuse.
const KEEP_BUFFER: usize = 8 << 20;
/// Files from this size on get a progress bar (when standard error is a terminal).
const PROGRESS_FROM_BYTES: u64 = 8 << 20;

/// Runs `check` and returns the exit status: 0 all valid, 1 some invalid, 2 a usage error or
/// an unreadable input.
pub fn run(args: &CheckArgs) -> ExitCode {
    if args.files.is_empty() && io::stdin().is_terminal() {
        let mut cli = Cli::command();
        cli.build();
        let usage = cli
            .find_subcommand_mut("check")
            .map(|check| check.render_usage().to_string())
            .unwrap_or_default();
        eprintln!(
            "job-schema check: no input: name a FILE, or pipe records into standard input\n\n\
             {usage}\n\nFor more information, try 'job-schema check --help'."
        );
        return ExitCode::from(2);
    }

    let options = crate::args::read_options(args.strict, args.record, args.update);
    let printer = Printer {
        format: args.format,
        quiet: args.quiet,
        colour: args.format == Format::Text && output::colour_wanted(),
    };

    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut totals = Totals::default();
    let mut unreadable = false;
    let stdin_only = [std::path::PathBuf::from("-")];
    let files = if args.files.is_empty() {
        &stdin_only[..]
    } else {
        &args.files[..]
    };

    for file in files {
        let result = if file.as_os_str() == "-" {
            check_stream(
                io::stdin(),
                &Source::stdin(),
                None,
                options,
                printer,
                &mut out,
                &mut totals,
            )
        } else {
            let source = Source::file(&file.to_string_lossy());
            match open(file) {
                Ok((reader, size)) => check_stream(
                    reader,
                    &source,
                    size,
                    options,
                    printer,
                    &mut out,
                    &mut totals,
                ),
                Err(e) => Err(Failure::Input(e)),
            }
        };
        match result {
            Ok(()) => {}
            Err(Failure::Input(e)) => {
                let name = if file.as_os_str() == "-" {
                    "standard input".to_owned()
                } else {
                    escape(&file.to_string_lossy()).into_owned()
                };
                eprintln!("job-schema: cannot read {name}: {e}");
                unreadable = true;
            }
            Err(Failure::Output(e)) => return output_failed(&e),
            Err(Failure::Internal) => {
                eprintln!(
                    "job-schema: internal error while checking {} (a bug: please report it)",
                    escape(&file.to_string_lossy())
                );
                return ExitCode::from(2);
            }
        }
    }

    if printer.format == Format::Text {
        let summary = totals.summary(printer.colour);
        if let Err(e) = output::emit(&mut out, format!("{summary}\n").as_bytes()) {
            return output_failed(&e);
        }
    }
    if unreadable {
        ExitCode::from(2)
    } else if totals.invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Exit status 2 when standard output cannot be written; quietly when the reader went away
/// (`job-schema check … | head`).
fn output_failed(e: &io::Error) -> ExitCode {
    if e.kind() != io::ErrorKind::BrokenPipe {
        eprintln!("job-schema: cannot write the output: {e}");
    }
    ExitCode::from(2)
}

/// Opens a file: the reader and, for a regular file, its size.
fn open(path: &FsPath) -> io::Result<(File, Option<u64>)> {
    let file = File::open(path)?;
    let size = file
        .metadata()
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len());
    Ok((file, size))
}

/// Why one input could not be checked to its end.
enum Failure {
    /// The input could not be opened or read.
    Input(io::Error),
    /// Standard output could not be written.
    Output(io::Error),
    /// A worker panicked: a bug.
    Internal,
}

/// One record in a batch: its bytes are `data[start..end]`.
struct Record {
    start: usize,
    end: usize,
    meta: Meta,
}

/// Records cut from the input, in order, sharing one byte buffer.
#[derive(Default)]
struct Batch {
    data: Vec<u8>,
    records: Vec<Record>,
}

impl Batch {
    fn clear(&mut self) {
        if self.data.capacity() > KEEP_BUFFER {
            self.data = Vec::new();
        }
        self.data.clear();
        self.records.clear();
    }
}

/// A batch, numbered in input order, and its reports (`None` when checking panicked).
type Checked = (usize, Batch, Option<Vec<Report>>);

/// Checks every record of `reader` and prints them in order.
fn check_stream<R: Read + Send>(
    reader: R,
    source: &Source,
    size: Option<u64>,
    options: Options,
    printer: Printer,
    out: &mut dyn Write,
    totals: &mut Totals,
) -> Result<(), Failure> {
    let scanner = Scanner::new(reader);
    // A regular file never makes a read wait; anything else (a pipe, a terminal) may, and
    // then what was read so far is checked and printed first.
    let interactive = size.is_none();
    let bar = progress_bar(size, &source.text);
    let workers = thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
    let buffers = 2 * workers + 2;

    // Every channel can hold every buffer, so no send ever waits; and each end is dropped
    // when its owner stops, so that a stop anywhere (the output closed, the input failed)
    // stops the others.
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Batch)>(buffers);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::sync_channel::<Checked>(buffers);
    let (free_tx, free_rx) = mpsc::sync_channel::<Batch>(buffers);
    for _ in 0..buffers {
        // The channel holds every buffer: this never blocks.
        let _ = free_tx.send(Batch::default());
    }

    let (read, shown) = thread::scope(|scope| {
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let work_rx = Arc::clone(&work_rx);
            scope.spawn(move || check_batches(&work_rx, &done_tx, options));
        }
        drop(done_tx);
        drop(work_rx);
        let reader_bar = bar.clone();
        let reading = scope.spawn(move || {
            read_batches(
                scanner,
                &work_tx,
                &free_rx,
                reader_bar.as_ref(),
                interactive,
            )
        });
        let shown = print_in_order(
            &done_rx,
            free_tx,
            printer,
            source,
            out,
            bar.as_ref(),
            totals,
        );
        // Dropping the receiver stops the workers, and through them the reader, if
        // printing stopped early.
        drop(done_rx);
        let read = reading.join();
        (read, shown)
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    shown?;
    match read {
        Ok(read) => read.map_err(Failure::Input),
        Err(_) => Err(Failure::Internal),
    }
}

/// A progress bar for a file of at least [`PROGRESS_FROM_BYTES`], when standard error is a
/// terminal. `name` is shown as it is: escaped already (see [`Source`]).
fn progress_bar(size: Option<u64>, name: &str) -> Option<ProgressBar> {
    let size = size.filter(|&size| size >= PROGRESS_FROM_BYTES)?;
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(size);
    if let Ok(style) = ProgressStyle::with_template(
        "{msg} [{wide_bar}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(format!("checking {name}"));
    Some(bar)
}

/// The reader: cuts the input into batches and hands them to the workers.
fn read_batches<R: Read>(
    mut scanner: Scanner<R>,
    work: &SyncSender<(usize, Batch)>,
    free: &Receiver<Batch>,
    bar: Option<&ProgressBar>,
    interactive: bool,
) -> io::Result<()> {
    let mut seq = 0;
    loop {
        let Ok(mut batch) = free.recv() else {
            return Ok(());
        };
        batch.clear();
        let mut result = Ok(());
        let mut end = false;
        while batch.records.len() < BATCH_RECORDS && batch.data.len() < BATCH_BYTES {
            let start = batch.data.len();
            match scanner.next_record(&mut batch.data) {
                Ok(Some(meta)) => batch.records.push(Record {
                    start,
                    end: batch.data.len(),
                    meta,
                }),
                Ok(None) => end = true,
                Err(e) => {
                    result = Err(e);
                    end = true;
                }
            }
            if end || (interactive && scanner.drained()) {
                break;
            }
        }
        if let Some(bar) = bar {
            bar.set_position(scanner.bytes_read());
        }
        if !batch.records.is_empty() {
            if work.send((seq, batch)).is_err() {
                return result;
            }
            seq += 1;
        }
        if end {
            return result;
        }
    }
}

/// A worker: checks batches until there are no more, or nobody wants the results.
fn check_batches(
    work: &Mutex<Receiver<(usize, Batch)>>,
    done: &SyncSender<Checked>,
    options: Options,
) {
    loop {
        let next = match work.lock() {
            Ok(work) => work.recv(),
            Err(_) => return,
        };
        let Ok((seq, batch)) = next else { return };
        let reports = catch_unwind(AssertUnwindSafe(|| {
            batch
                .records
                .iter()
                .map(|record| {
                    check_record(&batch.data[record.start..record.end], &record.meta, options)
                })
                .collect::<Vec<_>>()
        }))
        .ok();
        if done.send((seq, batch, reports)).is_err() {
            return;
        }
    }
}

/// The printer: takes checked batches as they come and prints them in input order.
fn print_in_order(
    done: &Receiver<Checked>,
    free: SyncSender<Batch>,
    printer: Printer,
    source: &Source,
    out: &mut dyn Write,
    bar: Option<&ProgressBar>,
    totals: &mut Totals,
) -> Result<(), Failure> {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    let mut index = 0u64;
    let mut text = Vec::new();
    for (seq, batch, reports) in done {
        waiting.insert(seq, (batch, reports));
        while let Some((batch, reports)) = waiting.remove(&next) {
            next += 1;
            let reports = reports.ok_or(Failure::Internal)?;
            text.clear();
            for (record, report) in batch.records.iter().zip(&reports) {
                printer.record(&mut text, source, index, record.meta.line, report);
                totals.add(report);
                index += 1;
            }
            if !text.is_empty() {
                let written = match bar {
                    Some(bar) => bar.suspend(|| output::emit(out, &text)),
                    None => output::emit(out, &text),
                };
                written.map_err(Failure::Output)?;
            }
            // Every buffer fits in the channel: this never blocks.
            let _ = free.send(batch);
        }
    }
    // Dropping the sender tells the reader that no buffer will come back.
    drop(free);
    Ok(())
}

/// Checks one record: the reader's report, with syntax errors placed in the input and the
/// scanner's findings added.
pub(crate) fn check_record(bytes: &[u8], meta: &Meta, options: Options) -> Report {
    let mut report = if meta.oversize {
        // Placed in the input already: the scanner's position of the record.
        let mut report = Report::new();
        report.errors.push(syntax(
            meta.line,
            meta.column,
            &format!(
                "the record is longer than {} MiB, so it was not read",
                MAX_RECORD_BYTES >> 20
            ),
        ));
        report
    } else if meta.parse {
        // The reader counts positions from the record's first byte: placed in the input.
        let mut report = Job::check_json(bytes, options);
        for issue in &mut report.errors {
            if issue.code == Code::JsonSyntax {
                place(issue, meta);
            }
        }
        report
    } else {
        Report::new()
    };
    if let Some(flaw) = meta.flaw {
        let issue = match flaw {
            Flaw::MissingSeparator {
                found,
                line,
                column,
            } => {
                let found = if found.is_ascii_graphic() {
                    format!("`{}`", char::from(found))
                } else {
                    format!("byte 0x{found:02x}")
                };
                syntax(
                    line,
                    column,
                    &format!("expected `,` or `]` after an array element, found {found}"),
                )
            }
            Flaw::TrailingComma { line, column } => syntax(
                line,
                column,
                "a `,` after the last array element, before `]`",
            ),
            Flaw::UnclosedArray { line, column } => syntax(
                line,
                column,
                "the array that starts here is never closed with `]`",
            ),
        };
        report.errors.push(issue);
    }
    report
}

/// A `json_syntax` issue at the root, at `line` and `column` of the input.
fn syntax(line: usize, column: usize, what: &str) -> Issue {
    let violation = Violation::json_syntax(line, column, what);
    Issue::at(&Path::ROOT, violation, None)
}

/// Turns the position of a syntax error from the record's own lines into the input's.
fn place(issue: &mut Issue, meta: &Meta) {
    let (Some(line), Some(column)) = (issue.params.line(), issue.params.column()) else {
        return;
    };
    let (line, column) = if line <= 1 {
        (meta.line, (meta.column + column).saturating_sub(1))
    } else {
        (meta.line + line - 1, column)
    };
    // The reader's message is written from its parameters.
    issue.params = Params::Position { line, column };
}

#[cfg(test)]
mod tests;

//! What `check` prints: a line per issue or a JSON line per record, and the summary.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use job_schema::report::{escape, omitted_line};
use job_schema::{Code, Issue, Report};
use serde::Serialize;

use crate::args::Format;

const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Whether colour may be used on standard output: it is a terminal and `NO_COLOR` is unset
/// (or empty, as <https://no-color.org> has it).
pub fn colour_wanted() -> bool {
    let no_colour = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    io::stdout().is_terminal() && !no_colour
}

/// The name of an input, as each format shows it.
#[derive(Clone, Debug)]
pub struct Source {
    /// In JSON output: the path as given, or `-` for standard input.
    pub json: String,
    /// In text output and on the progress bar: the path as given, escaped as echoed values
    /// are (control and invisible format characters; see [`escape`]), or `<stdin>`.
    pub text: String,
}

impl Source {
    /// Standard input.
    pub fn stdin() -> Source {
        Source {
            json: "-".to_owned(),
            text: "<stdin>".to_owned(),
        }
    }

    /// A file, named as the user gave it.
    pub fn file(name: &str) -> Source {
        Source {
            json: name.to_owned(),
            text: escape(name).into_owned(),
        }
    }
}

/// How records are printed.
#[derive(Clone, Copy, Debug)]
pub struct Printer {
    /// Text or JSON.
    pub format: Format,
    /// Print no issue lines (text) or nothing at all (JSON).
    pub quiet: bool,
    /// Use ANSI colours (text only).
    pub colour: bool,
}

/// The JSON line of one record, in the shape DESIGN.md promises.
#[derive(Serialize)]
struct RecordLine<'a> {
    source: &'a str,
    record: u64,
    line: usize,
    valid: bool,
    errors: &'a [Issue],
    warnings: &'a [Issue],
    /// Issues found beyond the report's limit, shown only when there are some.
    #[serde(skip_serializing_if = "is_zero")]
    omitted: usize,
}

/// Whether `count` is zero.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference.
fn is_zero(count: &usize) -> bool {
    *count == 0
}

impl Printer {
    /// Appends what is printed for record `index` of `source`, which starts at `line`.
    pub fn record(
        self,
        out: &mut Vec<u8>,
        source: &Source,
        index: u64,
        line: usize,
        report: &Report,
    ) {
        if self.quiet {
            return;
        }
        match self.format {
            Format::Json => {
                let record = RecordLine {
                    source: &source.json,
                    record: index,
                    line,
                    valid: !report.has_errors(),
                    errors: &report.errors,
                    warnings: &report.warnings,
                    omitted: report.omitted,
                };
                // Serializing plain data into a Vec cannot fail.
                if serde_json::to_writer(&mut *out, &record).is_ok() {
                    out.push(b'\n');
                }
            }
            Format::Text => {
                let mut text = String::new();
                for issue in &report.errors {
                    self.issue_line(&mut text, source, line, issue, false);
                }
                for issue in &report.warnings {
                    self.issue_line(&mut text, source, line, issue, true);
                }
                if report.omitted > 0 {
                    let _ = writeln!(
                        text,
                        "{}:{line}: {}",
                        source.text,
                        omitted_line(report.omitted)
                    );
                }
                out.extend_from_slice(text.as_bytes());
            }
        }
    }

    /// `FILE:LINE: field: message [code]`, or `FILE:LINE: warning: field: message [code]`.
    fn issue_line(
        self,
        text: &mut String,
        source: &Source,
        line: usize,
        issue: &Issue,
        warning: bool,
    ) {
        // A syntax error points at its own line rather than at the record's first.
        let line = match issue.code {
            Code::JsonSyntax => issue.params.line().unwrap_or(line),
            _ => line,
        };
        // A key in the field's path, and anything from the input in the message, is shown
        // escaped as echoed values are, so that it cannot move the cursor, change the
        // terminal's colours or reorder the line.
        let field = if issue.field.is_empty() {
            Cow::Borrowed("(root)")
        } else {
            escape(&issue.field)
        };
        let message = issue.message();
        let message = escape(&message);
        let _ = write!(text, "{}:{line}: ", source.text);
        match (warning, self.colour) {
            (false, false) => {
                let _ = write!(text, "{field}");
            }
            (false, true) => {
                let _ = write!(text, "{BOLD}{RED}{field}{RESET}");
            }
            (true, false) => {
                let _ = write!(text, "warning: {field}");
            }
            (true, true) => {
                let _ = write!(text, "{YELLOW}warning{RESET}: {BOLD}{field}{RESET}");
            }
        }
        let _ = writeln!(text, ": {message} [{}]", issue.code);
    }
}

/// What the records checked so far add up to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Records read.
    pub records: u64,
    /// Records without errors.
    pub valid: u64,
    /// Records with at least one error.
    pub invalid: u64,
    /// Errors, over all records.
    pub errors: u64,
    /// Warnings, over all records.
    pub warnings: u64,
}

impl Totals {
    /// Counts one record.
    pub fn add(&mut self, report: &Report) {
        self.records += 1;
        if report.has_errors() {
            self.invalid += 1;
        } else {
            self.valid += 1;
        }
        self.errors += report.errors.len() as u64;
        self.warnings += report.warnings.len() as u64;
    }

    /// `N records, V valid, I invalid, E errors, W warnings`, with colour when asked.
    pub fn summary(&self, colour: bool) -> String {
        fn count(n: u64, one: &str, many: &str) -> String {
            format!("{n} {}", if n == 1 { one } else { many })
        }
        let paint = |text: String, code: &str, on: bool| {
            if colour && on {
                format!("{code}{text}{RESET}")
            } else {
                text
            }
        };
        format!(
            "{}, {} valid, {}, {}, {}",
            count(self.records, "record", "records"),
            self.valid,
            paint(format!("{} invalid", self.invalid), RED, self.invalid > 0),
            paint(count(self.errors, "error", "errors"), RED, self.errors > 0),
            paint(
                count(self.warnings, "warning", "warnings"),
                YELLOW,
                self.warnings > 0
            ),
        )
    }
}

/// Writes `bytes` and flushes, so that results appear as they are found.
pub fn emit(out: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
    out.write_all(bytes)?;
    out.flush()
}

/// Writes `text` to standard output: exit status 0, also when the reader has gone (a closed
/// pipe), and 2 with a message when it cannot be written.
pub fn print_all(text: &str) -> ExitCode {
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("job-schema: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_with_singulars() {
        let totals = Totals {
            records: 1,
            valid: 0,
            invalid: 1,
            errors: 2,
            warnings: 1,
        };
        assert_eq!(
            totals.summary(false),
            "1 record, 0 valid, 1 invalid, 2 errors, 1 warning"
        );
        assert!(totals.summary(true).contains(RED));
        assert_eq!(
            Totals::default().summary(true),
            "0 records, 0 valid, 0 invalid, 0 errors, 0 warnings"
        );
    }

    #[test]
    fn keys_messages_and_file_names_are_escaped_as_values_are() {
        let report = job_schema::Job::check_json(
            "{\"status\": \"Quote\", \"\u{202e}a\u{200b}\\u001b\": 1}".as_bytes(),
            job_schema::Options::default(),
        );
        let printer = Printer {
            format: Format::Text,
            quiet: false,
            colour: false,
        };
        let source = Source::file("in\u{1b}[31m\u{202e}.json");
        assert_eq!(source.text, "in\\u{1b}[31m\\u{202e}.json");
        assert_eq!(source.json, "in\u{1b}[31m\u{202e}.json");
        let mut out = Vec::new();
        printer.record(&mut out, &source, 0, 3, &report);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "in\\u{1b}[31m\\u{202e}.json:3: warning: \\u{202e}a\\u{200b}\\u{1b}: \
             is not a field of this record; it is ignored [unknown_field]\n"
        );
    }
}

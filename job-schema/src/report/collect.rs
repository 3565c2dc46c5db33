//! The [`Report`] of a record: its issues collected up to [`ISSUE_LIMIT`], and the rest
//! counted.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Issue;

/// The most issues a [`Report`] keeps: the first `ISSUE_LIMIT` in report order (every
/// error, then every warning). Issues found beyond them are only counted, in
/// [`Report::omitted`], so that no body, however hostile, makes a report larger than this.
///
/// The reader keeps to it while it reads, not only once it is done: a record's memory for
/// issues stays within a small multiple of the limit whatever the body holds.
///
/// ```
/// use job_schema::{report::ISSUE_LIMIT, Job, Options};
/// let body = format!("{{{}}}", vec![r#""status":"Quote""#; 1_500].join(","));
/// let report = Job::check_json(body.as_bytes(), Options::default());
/// assert_eq!(report.errors.len(), ISSUE_LIMIT);
/// assert_eq!(report.omitted, 1_499 - ISSUE_LIMIT);
/// ```
pub const ISSUE_LIMIT: usize = 1_000;

/// Every error and every warning found in one record (or one batch), up to
/// [`ISSUE_LIMIT`] issues.
///
/// Errors make a record invalid; warnings do not (unless strict mode turned them into
/// errors). Both lists are in field-declaration order, then unknown keys in input order, and
/// the same input always gives the same report. Report order is every error, then every
/// warning; a report keeps the first [`ISSUE_LIMIT`] issues in that order and counts the
/// others in [`Report::omitted`]. A report with omitted issues is invalid, whatever they
/// were.
///
/// Serializes as `{"errors": [Issue…], "warnings": [Issue…]}`, with `"omitted": N` after
/// them when issues were omitted.
///
/// A report's size is bounded whatever the input: at most [`ISSUE_LIMIT`] issues, and in
/// each, what comes from the input is cut: a key in [`Issue::field`] and [`Issue::pointer`]
/// to [`ECHO_LIMIT`] characters (the pointer's `~` and `/` escapes may double a key's part
/// of it), the echoed [`Issue::value`] to [`ECHO_LIMIT`] characters as written, and a number
/// in a message to [`NUMBER_LIMIT`]; the rest is the schema's own text (field names, allowed
/// values, notes). So a report takes at most its issue count times a constant of the schema.
///
/// [`ECHO_LIMIT`]: super::ECHO_LIMIT
/// [`NUMBER_LIMIT`]: super::NUMBER_LIMIT
///
/// ```
/// use job_schema::{Code, Job};
///
/// let report = Job::check_json(br#"{"status": "Quote", "uuid": "x", "Status": 1}"#, Default::default());
/// assert!(report.has_errors());
/// assert_eq!(report.errors[0].code, Code::Uuid);
/// assert_eq!(report.errors[0].pointer, "/uuid");
/// assert_eq!(report.warnings[0].code, Code::UnknownField);
///
/// // One `field: message` line per issue, warnings marked.
/// assert_eq!(
///     report.to_string(),
///     "uuid: \"x\" is not a UUID (8-4-4-4-12 hex digits, no braces)\n\
///      warning: Status: is not a field of this record; did you mean `status`?"
/// );
/// assert!(report.to_json().starts_with(r#"{"errors":[{"field":"uuid","pointer":"/uuid","code":"uuid""#));
///
/// // A client reads a server's report back from its JSON.
/// let back: job_schema::Report = serde_json::from_str(&report.to_json()).unwrap();
/// assert_eq!(back, report);
/// assert_eq!(back.errors[0].params.format(), Some("8-4-4-4-12 hex digits"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The problems that make the input invalid.
    #[serde(default)]
    pub errors: Vec<Issue>,
    /// The problems worth knowing about that do not make it invalid.
    #[serde(default)]
    pub warnings: Vec<Issue>,
    /// How many issues (errors or warnings) were found beyond the first [`ISSUE_LIMIT`]:
    /// counted, not kept. Not zero means the report is invalid (see [`Report::has_errors`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub omitted: usize,
}

/// Whether `count` is zero: `omitted` is serialized only when it is not.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference.
fn is_zero(count: &usize) -> bool {
    *count == 0
}

/// Where a report's lists ended at some point, and how many issues it had omitted, so that
/// what was recorded since can be taken back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    errors: usize,
    warnings: usize,
    omitted: usize,
}

impl Report {
    /// An empty report. Allocates nothing.
    pub const fn new() -> Report {
        Report {
            errors: Vec::new(),
            warnings: Vec::new(),
            omitted: 0,
        }
    }

    /// Where the two lists end now, and the omitted count.
    pub(crate) fn mark(&self) -> Mark {
        Mark {
            errors: self.errors.len(),
            warnings: self.warnings.len(),
            omitted: self.omitted,
        }
    }

    /// Drops the issues recorded since `mark` (from [`Report::mark`]), and the count of those
    /// omitted since.
    pub(crate) fn rewind(&mut self, mark: Mark) {
        self.errors.truncate(mark.errors);
        self.warnings.truncate(mark.warnings);
        self.omitted = mark.omitted;
    }

    /// Keeps the first [`ISSUE_LIMIT`] issues in report order (every error, then every
    /// warning), adding the others to [`Report::omitted`]. Returns how many errors it
    /// dropped.
    pub(crate) fn keep_limit(&mut self) -> usize {
        let errors = self.errors.len().min(ISSUE_LIMIT);
        let warnings = self.warnings.len().min(ISSUE_LIMIT - errors);
        let dropped_errors = self.errors.len() - errors;
        self.omitted += dropped_errors + (self.warnings.len() - warnings);
        self.errors.truncate(errors);
        self.warnings.truncate(warnings);
        dropped_errors
    }

    /// Whether the report holds at least one error, or omitted issues: a report that could
    /// not keep everything it found is never a clean bill, whatever the omitted issues were.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.omitted > 0
    }

    /// Whether the report holds neither errors nor warnings, and omitted none.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.warnings.is_empty() && self.omitted == 0
    }

    /// Moves every issue of `other` to the end of this report's lists, then keeps the first
    /// [`ISSUE_LIMIT`] of the whole in report order, counting the rest (and both reports'
    /// omitted issues) in [`Report::omitted`]. Since each report kept the first issues of its
    /// own order, the result is the first [`ISSUE_LIMIT`] of all their issues.
    pub fn append(&mut self, other: &mut Report) {
        append(&mut self.errors, &mut other.errors);
        append(&mut self.warnings, &mut other.warnings);
        self.omitted += std::mem::take(&mut other.omitted);
        self.keep_limit();
    }

    /// Every issue kept: the errors, then the warnings.
    pub fn iter(&self) -> impl Iterator<Item = &Issue> {
        self.errors.iter().chain(self.warnings.iter())
    }

    /// `Ok(())` when there is no error (and no omitted issue), else `Err(self)`.
    pub fn into_result(self) -> Result<(), Report> {
        if self.has_errors() {
            Err(self)
        } else {
            Ok(())
        }
    }

    /// Serializes the report as JSON (the contract shape: the errors and warnings lists, and
    /// `omitted` when it is not zero).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl fmt::Display for Report {
    /// One `field: message` line per issue: the errors, then the warnings (marked); then,
    /// when issues were omitted, `… and N more issues`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (issues, prefix) in [(&self.errors, ""), (&self.warnings, "warning: ")] {
            for issue in issues {
                if !first {
                    f.write_str("\n")?;
                }
                first = false;
                write!(f, "{prefix}{issue}")?;
            }
        }
        if self.omitted > 0 {
            if !first {
                f.write_str("\n")?;
            }
            f.write_str(&omitted_line(self.omitted))?;
        }
        Ok(())
    }
}

/// The line that ends a report with `omitted` issues beyond the limit: `… and N more issues`.
///
/// ```
/// use job_schema::report::omitted_line;
/// assert_eq!(omitted_line(1), "… and 1 more issue");
/// assert_eq!(omitted_line(4_999_000), "… and 4999000 more issues");
/// ```
pub fn omitted_line(omitted: usize) -> String {
    let noun = if omitted == 1 { "issue" } else { "issues" };
    format!("… and {omitted} more {noun}")
}

impl std::error::Error for Report {}

/// Moves the issues of `from` to the end of `to`. A list that receives its first issues gets
/// room for a few more, since a record's issues are gathered field by field.
fn append(to: &mut Vec<Issue>, from: &mut Vec<Issue>) {
    if from.is_empty() {
        return;
    }
    if to.capacity() == 0 {
        to.reserve(from.len().max(APPEND_START));
    }
    to.append(from);
}

/// The room a list gets when it receives its first issues.
const APPEND_START: usize = 8;

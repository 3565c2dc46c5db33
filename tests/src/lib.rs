//! Tests for `job-schema`: trybuild compile-fail and compile-pass cases (`tests/ui`),
//! behaviour of every rule, the `Job` record and its JSON reader, and property tests.
//!
//! The library part holds only what several test files share.

pub mod ui;

use job_schema::{Code, Options, Report};

/// The `(field, code)` pairs of a report's errors, in order.
pub fn errors(report: &Report) -> Vec<(String, Code)> {
    report
        .errors
        .iter()
        .map(|i| (i.field.to_string(), i.code))
        .collect()
}

/// The `(field, code)` pairs of a report's warnings, in order.
pub fn warnings(report: &Report) -> Vec<(String, Code)> {
    report
        .warnings
        .iter()
        .map(|i| (i.field.to_string(), i.code))
        .collect()
}

/// `(field, code)` pairs from string literals, for comparing with [`errors`].
pub fn pairs(expected: &[(&str, Code)]) -> Vec<(String, Code)> {
    expected
        .iter()
        .map(|(f, c)| ((*f).to_owned(), *c))
        .collect()
}

/// Every issue of a report as `(field, code, is an error)`: errors, then warnings.
pub fn issues(report: &Report) -> Vec<(String, Code, bool)> {
    let errors = report.errors.iter().map(|i| (i, true));
    let warnings = report.warnings.iter().map(|i| (i, false));
    errors
        .chain(warnings)
        .map(|(issue, error)| (issue.field.to_string(), issue.code, error))
        .collect()
}

/// The six option sets: lax and strict, each in the create, record and update directions.
pub fn option_sets() -> [Options; 6] {
    [
        Options::default(),
        Options::default().record(),
        Options::default().update(),
        Options::default().strict(),
        Options::default().strict().record(),
        Options::default().strict().update(),
    ]
}

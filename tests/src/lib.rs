//! Tests for `job-schema`: trybuild compile-fail and compile-pass cases (`tests/ui`),
//! behaviour of every rule, the `Job` record and its JSON reader, and property tests.
//!
//! The library part holds only what several test files share.

pub mod ui;

use job_schema::{Code, Job, Options, Report};

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

/// What reading each element of a GET response alone reports, its index put in front of
/// every path: the oracle of the array door (`Job::check_json_array`). An issue of the
/// element itself (pointer `""`) is at `[i]`; any other, the key `""` included (pointer
/// `"/"`, field `""`), at `[i].field`.
pub fn element_by_element(elements: &[&str], options: Options) -> Report {
    let mut all = Report::new();
    for (i, element) in elements.iter().enumerate() {
        let mut report = Job::check_json(element.as_bytes(), options);
        for issue in report.errors.iter_mut().chain(report.warnings.iter_mut()) {
            let field = if issue.pointer.is_empty() {
                format!("[{i}]")
            } else {
                format!("[{i}].{}", issue.field)
            };
            issue.field = field.into();
            issue.pointer = format!("/{i}{}", issue.pointer).into();
        }
        all.append(&mut report);
    }
    all
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

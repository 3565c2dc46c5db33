//! What the fuzz targets share: the option set an input's first byte picks, serde_json's
//! verdict on whether bytes are JSON, and the invariants every report keeps.
//!
//! Each assertion states a rule of the project (README, `docs/decisions.md`); a failure is a
//! finding, never a flaky test.

use job_schema::report::ISSUE_LIMIT;
use job_schema::{Code, Issue, Options, Report};
use job_schema_tests::option_sets;

/// The option set picked by the first byte of `data`, and the bytes after it (the body).
pub fn split(data: &[u8]) -> Option<(Options, &[u8])> {
    let (&first, body) = data.split_first()?;
    Some((option_sets()[usize::from(first) % 6], body))
}

/// What serde_json says of bytes, where its word binds the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// serde_json reads the bytes as a `Value`: the reader must find no `json_syntax`.
    Json,
    /// serde_json refuses them for a reason the reader shares: `json_syntax`.
    NotJson,
    /// serde_json refuses them where the decisions make the reader differ ("What is JSON"):
    /// a number beyond a double (`1e400`, JSON to the reader) or nesting of 128 levels
    /// (serde_json's limit is 127, the reader's 128). Both stop serde_json at that point,
    /// so nothing is known of the bytes after it.
    Unknown,
}

/// serde_json's verdict on `bytes` as one JSON document.
pub fn serde_verdict(bytes: &[u8]) -> Verdict {
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(_) => Verdict::Json,
        Err(e) => {
            let message = e.to_string();
            if message.starts_with("number out of range")
                || message.starts_with("recursion limit exceeded")
            {
                Verdict::Unknown
            } else {
                Verdict::NotJson
            }
        }
    }
}

/// The longest echo of a value, in characters (`docs/decisions.md`, Reports, `value`).
pub const ECHO_LIMIT: usize = 64;

/// Asserts what every report keeps: at most [`ISSUE_LIMIT`] issues, a report with omitted
/// issues is invalid, malformed JSON is one `json_syntax` error and nothing else, echoes are
/// at most 64 characters, and the verdict of serde_json on the body holds.
///
/// # Panics
///
/// When one of them does not hold: a finding.
pub fn assert_report(report: &Report, verdict: Verdict, body: &[u8]) {
    let shown = || String::from_utf8_lossy(body).into_owned();
    assert!(
        report.errors.len() + report.warnings.len() <= ISSUE_LIMIT,
        "{} issues kept",
        report.errors.len() + report.warnings.len()
    );
    if report.omitted > 0 {
        assert!(report.has_errors(), "omitted issues but valid");
        assert_eq!(
            report.errors.len() + report.warnings.len(),
            ISSUE_LIMIT,
            "issues omitted from a report that is not full"
        );
    }
    for issue in report.errors.iter().chain(&report.warnings) {
        let echo = issue.value.as_deref().map_or(0, |v| v.chars().count());
        assert!(echo <= ECHO_LIMIT, "echo of {echo} characters: {issue:?}");
        // Every message can be written.
        let _ = issue.message();
    }
    let syntax = report
        .errors
        .iter()
        .filter(|i| i.code == Code::JsonSyntax)
        .count();
    if syntax > 0 {
        assert_eq!(report.errors.len(), 1, "json_syntax beside other errors");
        assert!(report.warnings.is_empty(), "json_syntax beside warnings");
        assert_eq!(report.omitted, 0);
    }
    match verdict {
        Verdict::Json => assert_eq!(syntax, 0, "serde_json reads {:?}:\n{report}", shown()),
        Verdict::NotJson => assert_eq!(syntax, 1, "serde_json refuses {:?}:\n{report}", shown()),
        Verdict::Unknown => {}
    }
}

/// Asserts that the two doors agree: `check` (from `check_json`) and what the building door
/// gave, its warnings or its report. A report must be equal as a value, in JSON and as text
/// (as `benches/tests/reports.rs` and `tests/tests/props.rs` compare them).
///
/// # Panics
///
/// When the doors differ: a finding.
pub fn assert_same_doors(check: &Report, built: Result<&[Issue], &Report>) {
    match built {
        Ok(warnings) => {
            assert!(!check.has_errors(), "built, but check_json says:\n{check}");
            assert_eq!(check.warnings, warnings, "warnings differ");
            let (a, b) = (
                serde_json::to_string(&check.warnings).expect("issues serialize"),
                serde_json::to_string(warnings).expect("issues serialize"),
            );
            assert_eq!(a, b, "warnings' JSON differs");
        }
        Err(report) => {
            assert_eq!(check, report, "reports differ");
            assert_eq!(check.to_json(), report.to_json(), "reports' JSON differs");
            assert_eq!(
                check.to_string(),
                report.to_string(),
                "reports' text differs"
            );
        }
    }
}

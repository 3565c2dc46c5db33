//! [`Sink`]: where the rules put what they find, with the options that decide how.

use crate::options::{Direction, Options};
use crate::path::Path;
use crate::report::{Code, Issue, Params, Report, Violation};
use crate::spec::{FieldClass, FieldSpec};

/// A [`Report`] being filled, and the [`Options`] of the run.
///
/// In strict mode a warning is recorded as an error with the same code.
#[derive(Debug)]
pub struct Sink<'r> {
    report: &'r mut Report,
    options: Options,
}

impl<'r> Sink<'r> {
    /// A sink appending to `report`.
    #[inline]
    pub fn new(report: &'r mut Report, options: Options) -> Sink<'r> {
        Sink { report, options }
    }

    /// The options of the run.
    #[inline]
    pub fn options(&self) -> Options {
        self.options
    }

    /// A sink with the same options appending to another report.
    #[inline]
    pub fn redirect<'s>(&self, report: &'s mut Report) -> Sink<'s> {
        Sink {
            report,
            options: self.options,
        }
    }

    /// The number of errors recorded so far.
    #[inline]
    pub fn error_count(&self) -> usize {
        self.report.errors.len()
    }

    /// Moves every issue of `other` to the end of the report.
    #[inline]
    pub fn append(&mut self, other: &mut Report) {
        if other.errors.is_empty() && other.warnings.is_empty() {
            return;
        }
        self.report.append(other);
    }

    /// Records an error at `path`, echoing `value`.
    pub fn error(&mut self, path: &Path<'_>, violation: Violation, value: Option<&str>) {
        push(&mut self.report.errors, Issue::at(path, violation, value));
    }

    /// Records a warning at `path` (an error in strict mode).
    pub fn warn(&mut self, path: &Path<'_>, violation: Violation, value: Option<&str>) {
        let issue = Issue::at(path, violation, value);
        if self.options.is_strict() {
            push(&mut self.report.errors, issue);
        } else {
            push(&mut self.report.warnings, issue);
        }
    }

    /// Records the warning a field's class draws when the field is present: `deprecated`
    /// always, `read_only` in the create direction.
    pub fn presence(&mut self, spec: &FieldSpec, path: &Path<'_>) {
        match spec.class {
            FieldClass::Writable => {}
            FieldClass::Deprecated(note) => {
                let message = match note {
                    Some(note) => {
                        const LEAD: &str = "is deprecated: ";
                        let mut message = String::with_capacity(LEAD.len() + note.len());
                        message.push_str(LEAD);
                        message.push_str(note);
                        message
                    }
                    None => "is deprecated".to_owned(),
                };
                let violation = Violation {
                    code: Code::Deprecated,
                    message,
                    params: Params {
                        note,
                        ..Params::default()
                    },
                };
                self.warn(path, violation, None);
            }
            FieldClass::ReadOnly => {
                if self.options.direction == Direction::Create {
                    let violation = Violation::new(
                        Code::ReadOnly,
                        "is read-only: the API ignores it in a create request",
                    );
                    self.warn(path, violation, None);
                }
            }
        }
    }
}

/// Pushes `issue`, making room for exactly one when the list is empty: most fields have one
/// issue at most, and the reader collects each field's issues in a list of its own.
#[inline]
fn push(issues: &mut Vec<Issue>, issue: Issue) {
    if issues.capacity() == 0 {
        issues.reserve_exact(1);
    }
    issues.push(issue);
}

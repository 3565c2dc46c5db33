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

    /// Where the report's lists end now: the number of errors and of warnings.
    pub fn mark(&self) -> (usize, usize) {
        (self.report.errors.len(), self.report.warnings.len())
    }

    /// The number of errors recorded so far.
    #[inline]
    pub fn error_count(&self) -> usize {
        self.report.errors.len()
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

/// Keeps a record's issues in field order while the reader meets its keys in input order.
///
/// Issues go straight into the report; the reader marks where each key's issues start and
/// closes the span with the key's place in the order (its field index, or one past the last
/// field for custom and unknown keys). Only when the spans came out of order, which needs
/// issues on at least two keys out of order, are they moved, once, at the end.
#[derive(Debug)]
pub struct FieldOrder {
    base: (usize, usize),
    spans: Vec<Span>,
    last: u32,
    disordered: bool,
}

/// The issues of one key: its place in the order and where its issues end.
#[derive(Clone, Copy, Debug)]
struct Span {
    place: u32,
    errors_end: usize,
    warnings_end: usize,
}

impl FieldOrder {
    /// Starts ordering the issues `sink` receives from now on.
    pub fn new(sink: &Sink<'_>) -> FieldOrder {
        FieldOrder {
            base: sink.mark(),
            spans: Vec::new(),
            last: 0,
            disordered: false,
        }
    }

    /// Ends a key whose issues began at `mark` (from [`Sink::mark`]).
    pub fn close(&mut self, place: u32, mark: (usize, usize), sink: &Sink<'_>) {
        let (errors_end, warnings_end) = sink.mark();
        if (errors_end, warnings_end) == mark {
            return;
        }
        if place < self.last {
            self.disordered = true;
        }
        self.last = self.last.max(place);
        self.spans.push(Span {
            place,
            errors_end,
            warnings_end,
        });
    }

    /// Puts the issues received since [`FieldOrder::new`] in order of place (stable: keys of
    /// one place keep their input order).
    pub fn finish(self, sink: &mut Sink<'_>) {
        if !self.disordered {
            return;
        }
        let mut order: Vec<usize> = (0..self.spans.len()).collect();
        order.sort_by_key(|&i| self.spans[i].place);
        let errors: Vec<usize> = self.spans.iter().map(|s| s.errors_end).collect();
        let warnings: Vec<usize> = self.spans.iter().map(|s| s.warnings_end).collect();
        reorder(&mut sink.report.errors, self.base.0, &errors, &order);
        reorder(&mut sink.report.warnings, self.base.1, &warnings, &order);
    }
}

/// Rebuilds `list[base..]`, made of consecutive spans ending at `ends`, in span `order`.
fn reorder(list: &mut Vec<Issue>, base: usize, ends: &[usize], order: &[usize]) {
    let mut tail: Vec<Option<Issue>> = list.drain(base..).map(Some).collect();
    for &i in order {
        let start = if i == 0 { base } else { ends[i - 1] };
        for slot in &mut tail[start - base..ends[i] - base] {
            if let Some(issue) = slot.take() {
                list.push(issue);
            }
        }
    }
}

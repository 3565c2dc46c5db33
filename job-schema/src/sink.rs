//! [`Sink`]: where the rules put what they find, with the options that decide how.

use std::cell::Cell;

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
        self.report.mark()
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
        self.push_warning(Issue::at(path, violation, value));
    }

    /// Records `issue` as a warning (an error in strict mode).
    #[inline]
    fn push_warning(&mut self, issue: Issue) {
        if self.options.is_strict() {
            push(&mut self.report.errors, issue);
        } else {
            push(&mut self.report.warnings, issue);
        }
    }

    /// Echoes `text` as the value of every issue recorded since `mark` that echoes one: a
    /// number too large for a double, read as an infinity, is shown as it was written
    /// (`1e400`), in its echo and in its message.
    pub(crate) fn echo_as_written(&mut self, mark: (usize, usize), text: &str) {
        let errors = self.report.errors.get_mut(mark.0..).unwrap_or_default();
        let warnings = self.report.warnings.get_mut(mark.1..).unwrap_or_default();
        for issue in errors.iter_mut().chain(warnings) {
            if issue.value.is_some() {
                issue.value = Some(crate::report::echo(text).into_boxed_str());
            }
        }
    }

    /// Records the warning a field's class draws when the field is present: `deprecated`
    /// always, `read_only` in the create direction. The message is the table's
    /// [`FieldSpec::notice`], borrowed.
    pub fn presence(&mut self, spec: &FieldSpec, path: &Path<'_>) {
        let (code, note) = match spec.class {
            FieldClass::Deprecated(note) => (Code::Deprecated, note),
            FieldClass::ReadOnly if self.options.direction == Direction::Create => {
                (Code::ReadOnly, None)
            }
            FieldClass::ReadOnly | FieldClass::Writable => return,
        };
        // Built in place: a field's warning has nothing to echo and nothing to format.
        let params = note.map_or(Params::Empty, |note| Params::Note { note });
        self.push_warning(Issue::presence(path, code, spec.notice, params));
    }
}

/// Pushes `issue`, making room for a few at once when the list is empty: a record with one
/// issue usually has several (a full job body draws about six warnings).
#[inline]
fn push(issues: &mut Vec<Issue>, issue: Issue) {
    if issues.capacity() == 0 {
        issues.reserve_exact(FIRST_ROOM);
    }
    issues.push(issue);
}

/// The room a list gets with its first issue: eight 128-byte issues, 1,024 bytes, which the
/// allocator serves from its per-thread cache.
const FIRST_ROOM: usize = 8;

/// Keeps a record's issues in field order while the reader meets its keys in input order.
///
/// Issues go straight into the report; the reader marks where each key's issues start and
/// closes the span with the key's place in the order (its field index, or one past the last
/// field for custom and unknown keys). When every span closes at or after the place of the
/// one before (keys in field order, or issues only at one key), there is nothing to do.
/// Otherwise [`FieldOrder::finish`] sorts the spans once and puts each list's issues in that
/// order in place, moving each issue at most once per swap of a permutation cycle: the cost
/// stays `n log n` however many issues a body holds.
#[derive(Debug)]
pub struct FieldOrder {
    base: (usize, usize),
    /// The closed spans with issues, in arrival order.
    spans: Vec<Span>,
    /// Whether every span closed at or after the place of the one before it.
    sorted: bool,
}

thread_local! {
    /// The span list of the last record, kept so that a record with issues does not
    /// allocate one (the list of an object nested in another is allocated as usual).
    static SPANS: Cell<Vec<Span>> = const { Cell::new(Vec::new()) };
}

/// The most spans kept between records.
const KEEP_SPANS: usize = 256;

impl Drop for FieldOrder {
    fn drop(&mut self) {
        let mut spans = std::mem::take(&mut self.spans);
        if spans.capacity() > 0 && spans.capacity() <= KEEP_SPANS {
            spans.clear();
            // During thread teardown the list is simply dropped.
            let _ = SPANS.try_with(|cell| cell.set(spans));
        }
    }
}

/// The issues of one key: where they go in the order and where they are in each list.
#[derive(Clone, Copy, Debug)]
struct Span {
    /// Twice the place, plus one for a key's own issues (0 for leading ones): the sort key.
    key: u64,
    errors: (usize, usize),
    warnings: (usize, usize),
}

impl FieldOrder {
    /// Starts ordering the issues `sink` receives from now on.
    #[inline]
    pub fn new(sink: &Sink<'_>) -> FieldOrder {
        FieldOrder {
            base: sink.mark(),
            spans: SPANS.try_with(Cell::take).unwrap_or_default(),
            sorted: true,
        }
    }

    /// Ends a key whose issues began at `mark` (from [`Sink::mark`]): they go after the
    /// issues of earlier places and of this place, before those of later places.
    #[inline]
    pub fn close(&mut self, place: u32, mark: (usize, usize), sink: &mut Sink<'_>) {
        self.close_key(u64::from(place) * 2 + 1, mark, sink);
    }

    /// [`FieldOrder::close`] for issues that lead their place: they go before the issues
    /// closed at the same place (a field's presence warning, emitted after the object was
    /// read, goes before the field's rule errors).
    #[inline]
    pub fn close_leading(&mut self, place: u32, mark: (usize, usize), sink: &mut Sink<'_>) {
        self.close_key(u64::from(place) * 2, mark, sink);
    }

    #[inline]
    fn close_key(&mut self, key: u64, mark: (usize, usize), sink: &mut Sink<'_>) {
        let end = sink.mark();
        if end == mark {
            return;
        }
        if self.spans.last().is_some_and(|last| last.key > key) {
            self.sorted = false;
        }
        self.spans.push(Span {
            key,
            errors: (mark.0, end.0),
            warnings: (mark.1, end.1),
        });
    }

    /// Puts the record's issues in order: nothing to do when the spans closed in order,
    /// else one stable sort of the spans, then each list that is out of order permuted in
    /// place (often only the errors: presence warnings are emitted in order).
    pub fn finish(mut self, sink: &mut Sink<'_>) {
        if self.sorted {
            return;
        }
        let [errors_sorted, warnings_sorted] = self.lists_sorted();
        self.spans.sort_by_key(|span| span.key);
        if !errors_sorted {
            let errors = self.spans.iter().map(|span| span.errors);
            permute(&mut sink.report.errors, self.base.0, errors);
        }
        if !warnings_sorted {
            let warnings = self.spans.iter().map(|span| span.warnings);
            permute(&mut sink.report.warnings, self.base.1, warnings);
        }
    }

    /// For the errors and for the warnings: whether the spans with issues in that list
    /// closed in order, so that the list is in order as it is.
    fn lists_sorted(&self) -> [bool; 2] {
        let mut sorted = [true; 2];
        let mut last = [0; 2];
        for span in &self.spans {
            let sizes = [
                span.errors.1 - span.errors.0,
                span.warnings.1 - span.warnings.0,
            ];
            for list in 0..2 {
                if sizes[list] > 0 {
                    sorted[list] &= last[list] <= span.key;
                    last[list] = span.key;
                }
            }
        }
        sorted
    }
}

/// How many issues [`permute`] orders with a table on the stack.
const STACK: usize = 32;

/// Reorders `list[base..]` so that the issues of the `ranges` (which cover it) come in the
/// order of the ranges, each range's issues keeping their order.
fn permute(list: &mut [Issue], base: usize, ranges: impl Iterator<Item = (usize, usize)>) {
    // Where each issue goes: `to[i]` for the issue now at `base + i`.
    let n = list.len().saturating_sub(base);
    let mut stack = [0usize; STACK];
    let mut heap = Vec::new();
    let to: &mut [usize] = if n <= STACK {
        &mut stack[..n]
    } else {
        heap.resize(n, 0);
        &mut heap
    };
    to.fill(usize::MAX);
    let mut next = 0;
    let mut moves = false;
    for (start, end) in ranges {
        for (from, slot) in (start - base..).zip(&mut to[start - base..end - base]) {
            if *slot != usize::MAX {
                // Spans never overlap; if they did, the issues are left as they are.
                return;
            }
            *slot = next;
            moves |= from != next;
            next += 1;
        }
    }
    // Spans cover every issue of the record; any they did not would keep their order after
    // the rest.
    for (from, slot) in to.iter_mut().enumerate() {
        if *slot == usize::MAX {
            *slot = next;
            moves |= from != next;
            next += 1;
        }
    }
    if !moves {
        return;
    }
    // Each swap puts one issue where it belongs for good.
    let list = &mut list[base..];
    for i in 0..n {
        while to[i] != i {
            let j = to[i];
            list.swap(i, j);
            to.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An issue whose message records which key made it, and in which list.
    fn issue(tag: String) -> Issue {
        Issue::at(&Path::ROOT, Violation::new(Code::Type, tag), None)
    }

    #[test]
    fn issues_end_in_place_order_whatever_order_the_keys_come_in() {
        let mut rng = crate::test_rng::Rng::new(0x5EED_0D3E_u64);
        let mut next = |n: u64| rng.bits() % n;
        let (mut in_order, mut one_list, mut permuted, mut past_the_stack) = (0, 0, 0, 0);
        for round in 0..500 {
            let mut report = Report::new();
            // Something before the record that must stay where it is.
            report.errors.push(issue("before".to_owned()));
            let mut sink = Sink::new(&mut report, Options::default());
            let mut order = FieldOrder::new(&sink);
            // (place, leading?, arrival) of every issue, to sort for the expected order.
            let mut expected_errors = Vec::new();
            let mut expected_warnings = Vec::new();
            // Up to 12 keys (the permutation's table on the stack) or up to 120 (often more
            // than `STACK` issues, the table on the heap).
            let keys = if round % 2 == 0 { next(12) } else { next(120) };
            for arrival in 0..keys {
                let place = u32::try_from(next(8)).unwrap();
                let mark = sink.mark();
                for k in 0..next(3) {
                    let tag = format!("{round}:{arrival}:e{k}");
                    sink.report.errors.push(issue(tag.clone()));
                    expected_errors.push((place, 1, arrival, tag));
                }
                for k in 0..next(3) {
                    let tag = format!("{round}:{arrival}:w{k}");
                    sink.report.warnings.push(issue(tag.clone()));
                    expected_warnings.push((place, 1, arrival, tag));
                }
                order.close(place, mark, &mut sink);
            }
            // Leading issues at the end (at most one key per place), as presence warnings
            // are emitted.
            for place in 0..8u32 {
                if next(3) == 0 {
                    let mark = sink.mark();
                    let tag = format!("{round}:lead{place}");
                    sink.report.warnings.push(issue(tag.clone()));
                    expected_warnings.push((place, 0, 0, tag));
                    order.close_leading(place, mark, &mut sink);
                }
            }
            match (order.sorted, order.lists_sorted()) {
                (true, _) => in_order += 1,
                (false, [false, false]) => permuted += 1,
                (false, _) => one_list += 1,
            }
            order.finish(&mut sink);
            past_the_stack += usize::from(expected_errors.len() > STACK);
            expected_errors.sort();
            expected_warnings.sort();
            let messages = |issues: &[Issue]| -> Vec<String> {
                issues.iter().map(|i| i.message().into_owned()).collect()
            };
            let mut want_errors = vec!["before".to_owned()];
            want_errors.extend(expected_errors.into_iter().map(|e| e.3));
            let want_warnings: Vec<String> = expected_warnings.into_iter().map(|w| w.3).collect();
            assert_eq!(messages(&report.errors), want_errors, "round {round}");
            assert_eq!(messages(&report.warnings), want_warnings, "round {round}");
        }
        // Every way was taken: nothing to do, one list to put in order, both.
        assert!(
            in_order > 20 && one_list > 20 && permuted > 100 && past_the_stack > 20,
            "{in_order} {one_list} {permuted} {past_the_stack}"
        );
    }
}

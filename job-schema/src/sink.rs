//! [`Sink`]: where the rules put what they find, with the options that decide how.

use std::borrow::Cow;
use std::cell::Cell;

use crate::options::{Direction, Options};
use crate::path::Path;
use crate::report::{Code, Issue, Params, Report, Violation, ISSUE_LIMIT};
use crate::spec::{FieldClass, FieldSpec};

/// A [`Report`] being filled, and the [`Options`] of the run.
///
/// In strict mode a warning is recorded as an error with the same code.
///
/// The sink keeps the report within [`ISSUE_LIMIT`] issues as they arrive: an issue that
/// cannot be among the first [`ISSUE_LIMIT`] of the finished report is counted in
/// [`Report::omitted`] instead of being kept. Between objects the report's lists are in their
/// final order, so the report never holds more than the limit; while the reader is inside an
/// object (whose issues may still be put in field order) it may hold a few times the limit
/// until the object is done.
#[derive(Debug)]
pub struct Sink<'r> {
    report: &'r mut Report,
    options: Options,
    /// Where the open span of issues of the innermost [`FieldOrder`] began (errors,
    /// warnings): the issues of the lists from there on keep their arrival order among
    /// themselves whatever comes later. `None` when no order is open: the lists are then in
    /// their final order. A `Cell` because [`FieldOrder::new`] sees the sink shared.
    span: Cell<Option<(usize, usize)>>,
    /// Errors found but not kept, so that [`Sink::error_count`] counts every error found.
    dropped_errors: usize,
}

impl<'r> Sink<'r> {
    /// A sink appending to `report`.
    #[inline]
    pub fn new(report: &'r mut Report, options: Options) -> Sink<'r> {
        Sink {
            report,
            options,
            span: Cell::new(None),
            dropped_errors: 0,
        }
    }

    /// The options of the run.
    #[inline]
    pub fn options(&self) -> Options {
        self.options
    }

    /// Where the report's lists end now: the number of errors and of warnings.
    pub(crate) fn mark(&self) -> (usize, usize) {
        (self.report.errors.len(), self.report.warnings.len())
    }

    /// The number of errors recorded so far, counting those found beyond the report's
    /// [`ISSUE_LIMIT`] through this sink (which the report only counts): it grows by one
    /// with each error, kept or not.
    #[inline]
    pub fn error_count(&self) -> usize {
        self.report.errors.len() + self.dropped_errors
    }

    /// Records an error at `path`, echoing `value`.
    pub fn error(&mut self, path: &Path<'_>, violation: Violation, value: Option<&str>) {
        self.record_error(|| Issue::at(path, violation, value));
    }

    /// Records a warning at `path` (an error in strict mode).
    pub fn warn(&mut self, path: &Path<'_>, violation: Violation, value: Option<&str>) {
        self.record_warning(|| Issue::at(path, violation, value));
    }

    /// Keeps the error that `issue` builds when it can be among the report's first
    /// [`ISSUE_LIMIT`] issues; otherwise only counts it, without building it.
    #[inline]
    fn record_error(&mut self, issue: impl FnOnce() -> Issue) {
        if self.error_room() == 0 {
            self.omit(1, 0);
            return;
        }
        push(&mut self.report.errors, issue());
        // Outside any `FieldOrder` the lists are in their final order: the last warning of a
        // report that now holds more than the limit is no longer among the first issues.
        if self.span.get().is_none()
            && self.report.errors.len() + self.report.warnings.len() > ISSUE_LIMIT
            && self.report.warnings.pop().is_some()
        {
            self.report.omitted += 1;
        }
    }

    /// [`Sink::record_error`] for a warning (an error in strict mode).
    #[inline]
    fn record_warning(&mut self, issue: impl FnOnce() -> Issue) {
        if self.options.is_strict() {
            self.record_error(issue);
        } else if self.warning_room() == 0 {
            self.omit(0, 1);
        } else {
            push(&mut self.report.warnings, issue());
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
    /// always, `read_only` in the create and update directions. The message is the table's
    /// [`FieldSpec::notice`], borrowed.
    pub fn presence(&mut self, spec: &FieldSpec, path: &Path<'_>) {
        // Built in place: a field's warning has nothing to echo and nothing to format (and
        // no `Params` is made only to be dropped, which costs a call).
        let (code, params) = match spec.class {
            FieldClass::Deprecated(Some(note)) => (
                Code::Deprecated,
                Params::Note {
                    note: Cow::Borrowed(note),
                },
            ),
            FieldClass::Deprecated(None) => (Code::Deprecated, Params::Empty),
            FieldClass::ReadOnly if self.options.direction != Direction::Record => {
                (Code::ReadOnly, Params::Empty)
            }
            FieldClass::ReadOnly | FieldClass::Writable => return,
        };
        // The warning written straight into its list, the common case, without the closure
        // of `record_warning` (which strict mode takes, an error then).
        if self.options.is_strict() {
            self.record_error(|| Issue::presence(path, code, spec.notice, params));
        } else if self.warning_room() == 0 {
            self.omit(0, 1);
        } else {
            push(
                &mut self.report.warnings,
                Issue::presence(path, code, spec.notice, params),
            );
        }
    }

    /// How many more errors can be among the first [`ISSUE_LIMIT`] of the report, as far as
    /// is known here: an error beyond them is only counted. A rule that finds many problems
    /// in one value (`uuid_list`) gathers no more than this and reports the rest through
    /// [`Sink::omit_errors`].
    #[inline]
    pub(crate) fn error_room(&self) -> usize {
        let errors = self.report.errors.len();
        match self.span.get() {
            // The issues of the open span keep their order: the errors in it come before
            // the next one.
            Some((start, _)) => ISSUE_LIMIT.saturating_sub(errors.saturating_sub(start)),
            // Every error kept comes before the next one.
            None => ISSUE_LIMIT.saturating_sub(errors),
        }
    }

    /// How many more warnings can be among the first [`ISSUE_LIMIT`] of the report, as far
    /// as is known here.
    #[inline]
    fn warning_room(&self) -> usize {
        let warnings = self.report.warnings.len();
        match self.span.get() {
            Some((_, start)) => ISSUE_LIMIT.saturating_sub(warnings.saturating_sub(start)),
            // Every error, found or yet to come, and every warning kept come before it.
            None => ISSUE_LIMIT.saturating_sub(self.report.errors.len() + warnings),
        }
    }

    /// Counts `count` errors found but not kept (beyond the report's room; see
    /// [`Sink::error_room`]).
    pub(crate) fn omit_errors(&mut self, count: usize) {
        self.omit(count, 0);
    }

    /// Counts `errors` errors and `warnings` warnings found but not kept.
    #[inline]
    fn omit(&mut self, errors: usize, warnings: usize) {
        self.dropped_errors += errors;
        self.report.omitted += errors + warnings;
    }

    /// Keeps, of the issues from `start` on, the first [`ISSUE_LIMIT`] of each list (they
    /// are in their final order among themselves), counting the others.
    fn keep_from(&mut self, start: (usize, usize)) {
        let errors = self.report.errors.len();
        let warnings = self.report.warnings.len();
        let keep = (
            errors.min(start.0.saturating_add(ISSUE_LIMIT)),
            warnings.min(start.1.saturating_add(ISSUE_LIMIT)),
        );
        if keep != (errors, warnings) {
            self.report.errors.truncate(keep.0);
            self.report.warnings.truncate(keep.1);
            self.omit(errors - keep.0, warnings - keep.1);
        }
    }

    /// Puts the report back within its bound for where the sink now is: inside the open span
    /// of a [`FieldOrder`], or outside any, once the issues from the open span's start (or
    /// the whole report's) are in their final order among themselves.
    fn keep_bound(&mut self) {
        match self.span.get() {
            Some(start) => self.keep_from(start),
            None => {
                if self.report.errors.len() + self.report.warnings.len() > ISSUE_LIMIT {
                    self.dropped_errors += self.report.keep_limit();
                }
            }
        }
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
/// Issues go straight into the report; the reader closes each key with its place in the
/// order (its field index, or one past the last field for custom and unknown keys), and the
/// key's issues are those that arrived since the key before was closed. When every span
/// closes at or after the place of the one before (keys in field order, or issues only at one
/// key), there is nothing to do. Otherwise [`FieldOrder::finish`] sorts each list's issues
/// out of order by one small integer each (its span's place above its arrival index) and puts
/// them in that order in place, moving each issue at most once per swap of a permutation
/// cycle: the cost stays `n log n` however many issues a body holds.
///
/// It also keeps the report within [`ISSUE_LIMIT`] while the object is read. The final order
/// of the object's issues is by place, then by arrival; issues closed later can come before
/// some of those closed so far but never change their order among themselves, so one that
/// is not among the first [`ISSUE_LIMIT`] of its list now never will be. When a list holds
/// more than twice the limit of this object's issues, the spans closed so far are put in
/// order, each list keeps its first [`ISSUE_LIMIT`] of them and the rest are counted in
/// [`Report::omitted`]; [`FieldOrder::finish`] keeps the limit once more for the enclosing
/// span or report. Each compaction at least halves what it finds, so the work stays linear,
/// and the kept issues are exactly those an unbounded report would show first.
#[derive(Debug)]
pub struct FieldOrder {
    base: (usize, usize),
    /// Where the issues of the next key start (the number of errors, of warnings): the
    /// start of the sink's open span, kept here too so that a key is closed without a mark
    /// taken before it.
    open: (usize, usize),
    /// The closed spans with issues, in arrival order (after a compaction: in place order,
    /// then in arrival order).
    spans: Vec<Span>,
    /// Whether every span closed at or after the place of the one before it.
    sorted: bool,
    /// The sink's open span when this order started (the enclosing order's, or `None`),
    /// given back to it by [`FieldOrder::finish`].
    outer: Option<(usize, usize)>,
}

thread_local! {
    /// The span list of the last record, kept so that a record with issues does not
    /// allocate one (the list of an object nested in another is allocated as usual).
    static SPANS: Cell<Vec<Span>> = const { Cell::new(Vec::new()) };
}

#[cfg(test)]
thread_local! {
    /// How many spans [`FieldOrder`] has closed on this thread (tests count them: a run of
    /// presence warnings is one span, not one a warning).
    pub(crate) static SPANS_CLOSED: Cell<u64> = const { Cell::new(0) };
}

/// The most spans kept between records.
const KEEP_SPANS: usize = 256;

/// How many issues of one object a list holds before [`FieldOrder`] compacts it.
const COMPACT_AT: usize = 2 * ISSUE_LIMIT;

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
        let base = sink.mark();
        FieldOrder {
            base,
            open: base,
            spans: SPANS.try_with(Cell::take).unwrap_or_default(),
            sorted: true,
            outer: sink.span.replace(Some(base)),
        }
    }

    /// Ends a key: its issues (those since the key before was closed, or since the order
    /// began) go after the issues of earlier places and of this place, before those of later
    /// places.
    #[inline]
    pub fn close(&mut self, place: u32, sink: &mut Sink<'_>) {
        self.close_key(u64::from(place) * 2 + 1, sink);
    }

    /// [`FieldOrder::close`] for issues that lead their place: they go before the issues
    /// closed at the same place (a field's presence warning, emitted after the object was
    /// read, goes before the field's rule errors).
    #[inline]
    pub fn close_leading(&mut self, place: u32, sink: &mut Sink<'_>) {
        self.close_key(u64::from(place) * 2, sink);
    }

    /// The places below 128 of the spans closed so far that hold issues in the errors list
    /// (`[0]`) and in the warnings list (`[1]`), as bit sets.
    ///
    /// Issues emitted in ascending place order (presence warnings, missing fields) can be
    /// closed as one run under the first one's place, instead of one span each, as long as
    /// no span of their list lies strictly inside the run's places (see `read_object`).
    pub(crate) fn held_places(&self) -> [u128; 2] {
        let mut held = [0u128; 2];
        for span in &self.spans {
            let place = span.key >> 1;
            if place < 128 {
                let bit = 1u128 << place;
                if span.errors.1 > span.errors.0 {
                    held[0] |= bit;
                }
                if span.warnings.1 > span.warnings.0 {
                    held[1] |= bit;
                }
            }
        }
        held
    }

    /// A key that raised no issue costs one comparison: the lists still end where the
    /// open span starts (a nested object's order gives the span back at its
    /// [`FieldOrder::finish`], and keeps the lists' issues from the span's start on), which
    /// is where the next key's issues start.
    #[inline]
    fn close_key(&mut self, key: u64, sink: &mut Sink<'_>) {
        let end = sink.mark();
        if end == self.open {
            debug_assert_eq!(sink.span.get(), Some(end));
            return;
        }
        self.close_span(key, end, sink);
    }

    /// [`FieldOrder::close_key`] for a key that raised issues: records their span, from
    /// `self.open` to `end`.
    fn close_span(&mut self, key: u64, end: (usize, usize), sink: &mut Sink<'_>) {
        #[cfg(test)]
        SPANS_CLOSED.with(|count| count.set(count.get() + 1));
        let mark = self.open;
        if self.spans.last().is_some_and(|last| last.key > key) {
            self.sorted = false;
        }
        self.spans.push(Span {
            key,
            errors: (mark.0, end.0),
            warnings: (mark.1, end.1),
        });
        if end.0.saturating_sub(self.base.0) > COMPACT_AT
            || end.1.saturating_sub(self.base.1) > COMPACT_AT
        {
            self.compact(sink);
        }
        // The next key's issues start here, and may go before any of those closed so far.
        self.open = sink.mark();
        sink.span.set(Some(self.open));
    }

    /// Puts the record's issues in order: nothing to do when the spans closed in order,
    /// else each list that is out of order sorted by place, then arrival, and permuted in
    /// place (often only the errors: presence warnings are emitted in order). Then keeps the
    /// report's bound for the enclosing span (or the whole report), where these issues now
    /// stand in their final order.
    pub fn finish(mut self, sink: &mut Sink<'_>) {
        if !self.sorted {
            self.put_in_order(sink);
        }
        sink.span.set(self.outer);
        sink.keep_bound();
    }

    /// Puts the issues of each list that is out of order in the order of their spans' places
    /// (stably: by place, then by arrival). The spans are left as they are, so their ranges
    /// then describe where the issues were, not where they are.
    fn put_in_order(&mut self, sink: &mut Sink<'_>) {
        let [errors_sorted, warnings_sorted] = self.lists_sorted();
        if !errors_sorted {
            let errors = self.spans.iter().map(|span| (span.key, span.errors));
            order_list(&mut sink.report.errors, self.base.0, errors);
        }
        if !warnings_sorted {
            let warnings = self.spans.iter().map(|span| (span.key, span.warnings));
            order_list(&mut sink.report.warnings, self.base.1, warnings);
        }
    }

    /// Puts the spans closed so far in order and keeps the first [`ISSUE_LIMIT`] issues of
    /// this object in each list, counting the others; the spans are laid out again as the
    /// issues now lie, those of one place merged into one.
    fn compact(&mut self, sink: &mut Sink<'_>) {
        if !self.sorted {
            self.put_in_order(sink);
            // The issues now lie in the order of the spans sorted by place (stably).
            self.spans.sort_by_key(|span| span.key);
            self.sorted = true;
        }
        let limit = (self.base.0 + ISSUE_LIMIT, self.base.1 + ISSUE_LIMIT);
        let mut at = self.base;
        let mut kept = 0;
        for i in 0..self.spans.len() {
            let span = self.spans[i];
            let errors = (span.errors.1 - span.errors.0).min(limit.0 - at.0);
            let warnings = (span.warnings.1 - span.warnings.0).min(limit.1 - at.1);
            if errors == 0 && warnings == 0 {
                continue;
            }
            let next = (at.0 + errors, at.1 + warnings);
            if kept > 0 && self.spans[kept - 1].key == span.key {
                let last = &mut self.spans[kept - 1];
                last.errors.1 = next.0;
                last.warnings.1 = next.1;
            } else {
                self.spans[kept] = Span {
                    key: span.key,
                    errors: (at.0, next.0),
                    warnings: (at.1, next.1),
                };
                kept += 1;
            }
            at = next;
        }
        self.spans.truncate(kept);
        sink.keep_from(self.base);
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

/// How many issues [`order_list`] orders with a table on the stack.
const STACK: usize = 32;

/// How many bits of an [`order_list`] sort key hold an issue's arrival index; the span's key
/// (below 2^33: twice a `u32` place, plus one) takes the bits above.
const ARRIVAL_BITS: u32 = 31;

/// Reorders `list[base..]` so that its issues come in the order of the keys of the `spans`
/// (`(key, range)`, the ranges covering it) that hold them, those with equal keys in the
/// order they are now (issues no span holds, which cannot happen, go last in their order).
///
/// Each issue gets one `u64`, its span's key above its arrival index, so that one unstable
/// sort of small integers (insertion sort for a record's few issues) gives the stable order;
/// then the issues follow the permutation's cycles, each swap putting one where it belongs.
/// A list of more than 2^31 issues of one object, which the report's bound rules out, is
/// left as it is.
fn order_list(list: &mut [Issue], base: usize, spans: impl Iterator<Item = (u64, (usize, usize))>) {
    let n = list.len().saturating_sub(base);
    if n >> ARRIVAL_BITS != 0 {
        return;
    }
    let mut stack = [0u64; STACK];
    let mut heap = Vec::new();
    let keys: &mut [u64] = if n <= STACK {
        &mut stack[..n]
    } else {
        heap.resize(n, 0);
        &mut heap
    };
    // The arrival index alone for every issue first: one no span holds sorts last.
    let unheld = u64::MAX >> ARRIVAL_BITS << ARRIVAL_BITS;
    for (i, slot) in (0u64..).zip(keys.iter_mut()) {
        *slot = unheld | i;
    }
    for (key, (start, end)) in spans {
        let high = key << ARRIVAL_BITS;
        let range = start.saturating_sub(base)..end.saturating_sub(base);
        if let Some(slots) = keys.get_mut(range) {
            for slot in slots {
                *slot = high | (*slot & ARRIVAL_MASK);
            }
        }
    }
    keys.sort_unstable();
    // `keys[p]` now names the issue that goes to `p`; follow each cycle once, marking the
    // places done as `p` itself.
    for slot in keys.iter_mut() {
        *slot &= ARRIVAL_MASK;
    }
    let list = &mut list[base..];
    for start in 0..n {
        let mut at = start;
        loop {
            let from = usize::try_from(keys[at]).unwrap_or(at);
            keys[at] = at as u64;
            if from == start || from == at {
                break;
            }
            list.swap(at, from);
            at = from;
        }
    }
}

/// The arrival index of an [`order_list`] sort key.
const ARRIVAL_MASK: u64 = (1 << ARRIVAL_BITS) - 1;

#[cfg(test)]
mod tests;

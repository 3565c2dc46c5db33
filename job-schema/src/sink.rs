//! [`Sink`]: where the rules put what they find, with the options that decide how.

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
/// [`Report::omitted`] instead of being kept. Outside a [`FieldOrder`] the report's lists are
/// in their final order, so the report never holds more than the limit; inside one (while an
/// object is read and its issues may still be reordered) it may hold a few times the limit
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
    pub fn mark(&self) -> (usize, usize) {
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
        let (code, note) = match spec.class {
            FieldClass::Deprecated(note) => (Code::Deprecated, note),
            FieldClass::ReadOnly if self.options.direction != Direction::Record => {
                (Code::ReadOnly, None)
            }
            FieldClass::ReadOnly | FieldClass::Writable => return,
        };
        // Built in place: a field's warning has nothing to echo and nothing to format.
        let params = note.map_or(Params::Empty, |note| Params::Note { note });
        self.record_warning(|| Issue::presence(path, code, spec.notice, params));
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
/// Issues go straight into the report; the reader marks where each key's issues start and
/// closes the span with the key's place in the order (its field index, or one past the last
/// field for custom and unknown keys). When every span closes at or after the place of the
/// one before (keys in field order, or issues only at one key), there is nothing to do.
/// Otherwise [`FieldOrder::finish`] sorts the spans once and puts each list's issues in that
/// order in place, moving each issue at most once per swap of a permutation cycle: the cost
/// stays `n log n` however many issues a body holds.
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
            spans: SPANS.try_with(Cell::take).unwrap_or_default(),
            sorted: true,
            outer: sink.span.replace(Some(base)),
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
        if end != mark {
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
        }
        // The next key's issues start here, and may go before any of those closed so far.
        sink.span.set(Some(sink.mark()));
    }

    /// Puts the record's issues in order: nothing to do when the spans closed in order,
    /// else one stable sort of the spans, then each list that is out of order permuted in
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

    /// Sorts the spans by place (stably) and puts the issues of each list that is out of
    /// order in the order of the spans. The spans' ranges then describe where the issues
    /// were, not where they are.
    fn put_in_order(&mut self, sink: &mut Sink<'_>) {
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

    /// Puts the spans closed so far in order and keeps the first [`ISSUE_LIMIT`] issues of
    /// this object in each list, counting the others; the spans are laid out again as the
    /// issues now lie, those of one place merged into one.
    fn compact(&mut self, sink: &mut Sink<'_>) {
        if !self.sorted {
            self.put_in_order(sink);
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

    /// What a key of a generated object holds, in arrival order.
    enum Item {
        Error(String),
        Warning(String),
        Object(Vec<Key>),
    }

    /// A key of a generated object: its place, whether its issues lead the place, and what
    /// it holds.
    struct Key {
        place: u32,
        leading: bool,
        items: Vec<Item>,
    }

    /// A generated object (`depth` levels may nest below it): a few dozen keys, most with a
    /// few issues, some with a burst of more than the limit, some with a nested object.
    fn object(rng: &mut crate::test_rng::Rng, depth: u32, tags: &mut usize) -> Vec<Key> {
        fn tag(kind: &str, tags: &mut usize) -> String {
            *tags += 1;
            format!("{kind}{tags}")
        }
        let mut keys = Vec::new();
        for _ in 0..rng.below(60) {
            let place = u32::try_from(rng.below(6)).unwrap();
            let leading = rng.below(8) == 0;
            let count = if rng.below(10) == 0 {
                rng.below(1_500)
            } else {
                rng.below(4)
            };
            let mut items = Vec::new();
            for _ in 0..count {
                items.push(if rng.below(2) == 0 {
                    Item::Error(tag("e", tags))
                } else {
                    Item::Warning(tag("w", tags))
                });
            }
            if depth > 0 && rng.below(6) == 0 {
                let inner = object(rng, depth - 1, tags);
                let at = rng.below(items.len() + 1);
                items.insert(at, Item::Object(inner));
            }
            keys.push(Key {
                place,
                leading,
                items,
            });
        }
        keys
    }

    /// The issues of `items` in their final order, found without any bound: each object's
    /// keys sorted stably by place (leading ones first), then in arrival order.
    fn unbounded(
        items: &[Item],
        strict: bool,
        errors: &mut Vec<String>,
        warnings: &mut Vec<String>,
    ) {
        for item in items {
            match item {
                Item::Error(tag) => errors.push(tag.clone()),
                Item::Warning(tag) if strict => errors.push(tag.clone()),
                Item::Warning(tag) => warnings.push(tag.clone()),
                Item::Object(keys) => {
                    let mut order: Vec<&Key> = keys.iter().collect();
                    order.sort_by_key(|key| u64::from(key.place) * 2 + u64::from(!key.leading));
                    for key in order {
                        unbounded(&key.items, strict, errors, warnings);
                    }
                }
            }
        }
    }

    /// Feeds `items` to `sink` as the reader does, noting the longest lists seen.
    fn feed(items: &[Item], sink: &mut Sink<'_>, longest: &mut usize) {
        for item in items {
            match item {
                Item::Error(tag) => {
                    sink.error(&Path::ROOT, Violation::new(Code::Type, tag.clone()), None);
                }
                Item::Warning(tag) => {
                    sink.warn(&Path::ROOT, Violation::new(Code::Type, tag.clone()), None);
                }
                Item::Object(keys) => {
                    let mut order = FieldOrder::new(sink);
                    for key in keys {
                        let mark = sink.mark();
                        feed(&key.items, sink, longest);
                        if key.leading {
                            order.close_leading(key.place, mark, sink);
                        } else {
                            order.close(key.place, mark, sink);
                        }
                    }
                    order.finish(sink);
                }
            }
            let (errors, warnings) = sink.mark();
            *longest = (*longest).max(errors).max(warnings);
        }
    }

    #[test]
    fn a_bounded_report_keeps_exactly_the_first_issues_of_an_unbounded_one() {
        let mut rng = crate::test_rng::Rng::new(0xB0_0DED_u64);
        let mut tags = 0;
        let (mut over, mut compacted, mut longest_seen) = (0, 0, 0);
        for round in 0..40 {
            // Issues outside any object (a batch's), objects nested two deep, more issues.
            let mut items = Vec::new();
            for _ in 0..rng.below(4) {
                let count = if rng.below(2) == 0 {
                    rng.below(1_500)
                } else {
                    rng.below(3)
                };
                for _ in 0..count {
                    tags += 1;
                    items.push(if rng.below(2) == 0 {
                        Item::Error(format!("e{tags}"))
                    } else {
                        Item::Warning(format!("w{tags}"))
                    });
                }
                if rng.below(3) != 0 {
                    items.push(Item::Object(object(&mut rng, 2, &mut tags)));
                }
            }
            let strict = round % 5 == 4;
            let (mut errors, mut warnings) = (Vec::new(), Vec::new());
            unbounded(&items, strict, &mut errors, &mut warnings);
            let total = errors.len() + warnings.len();
            let kept_errors = errors.len().min(ISSUE_LIMIT);
            errors.truncate(kept_errors);
            warnings.truncate(ISSUE_LIMIT - kept_errors);

            let mut report = Report::new();
            let options = if strict {
                Options::default().strict()
            } else {
                Options::default()
            };
            let mut sink = Sink::new(&mut report, options);
            let mut longest = 0;
            feed(&items, &mut sink, &mut longest);
            let found = sink.error_count();
            let messages = |issues: &[Issue]| -> Vec<String> {
                issues.iter().map(|i| i.message().into_owned()).collect()
            };
            for (kept, expected) in [(&report.errors, &errors), (&report.warnings, &warnings)] {
                let kept = messages(kept);
                let first_difference = kept.iter().zip(expected).position(|(k, e)| k != e);
                assert_eq!(
                    (kept.len(), first_difference),
                    (expected.len(), None),
                    "round {round}"
                );
            }
            assert_eq!(
                report.omitted,
                total.saturating_sub(ISSUE_LIMIT),
                "round {round}"
            );
            // Every error found is counted, kept or not.
            if strict {
                assert_eq!(found, total, "round {round}");
            }
            // Memory stays within a few times the limit while reading: the limit outside any
            // object, and at each of the three levels of objects, twice the limit of closed
            // spans and the limit in the open one.
            assert!(longest <= 10 * ISSUE_LIMIT, "round {round}: {longest}");
            over += usize::from(total > ISSUE_LIMIT);
            compacted += usize::from(longest > ISSUE_LIMIT);
            longest_seen = longest_seen.max(longest);
        }
        assert!(
            over > 15 && compacted > 10,
            "{over} {compacted} {longest_seen}"
        );
    }
}

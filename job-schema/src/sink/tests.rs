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
            order.close(place, &mut sink);
        }
        // Leading issues at the end (at most one key per place), as presence warnings
        // are emitted.
        for place in 0..8u32 {
            if next(3) == 0 {
                let tag = format!("{round}:lead{place}");
                sink.report.warnings.push(issue(tag.clone()));
                expected_warnings.push((place, 0, 0, tag));
                order.close_leading(place, &mut sink);
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
fn unbounded(items: &[Item], strict: bool, errors: &mut Vec<String>, warnings: &mut Vec<String>) {
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
                    feed(&key.items, sink, longest);
                    if key.leading {
                        order.close_leading(key.place, sink);
                    } else {
                        order.close(key.place, sink);
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

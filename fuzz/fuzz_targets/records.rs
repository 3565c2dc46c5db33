//! Arbitrary bytes into the GET-response door, `Job::check_json_array` and
//! `Job::from_json_array_with`, the option set picked by the first byte: no panic, the two
//! doors agree, serde_json's verdict on JSON holds, reports stay within their bounds, and an
//! array that is JSON reports what its elements report alone, each at its index.

#![no_main]

use job_schema::{Job, Options, Report};
use job_schema_fuzz::{assert_report, assert_same_doors, serde_verdict, split, Verdict};
use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;

/// What reading each element alone reports, its index put in front of every path (as
/// `tests/tests/get_responses.rs` builds it; an issue of the element itself has the pointer
/// `""`, where an issue of the key `""` has `"/"` and the field `[i].`).
fn element_by_element(elements: &[&RawValue], options: Options) -> Report {
    let mut all = Report::new();
    for (i, element) in elements.iter().enumerate() {
        let mut report = Job::check_json(element.get().as_bytes(), options);
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

fuzz_target!(|data: &[u8]| {
    let Some((options, body)) = split(data) else {
        return;
    };
    let check = Job::check_json_array(body, options);
    let read = Job::from_json_array_with(body, options);
    let verdict = serde_verdict(body);
    assert_report(&check, verdict, body);
    assert_same_doors(&check, read.as_ref().map(|p| &p.warnings[..]));
    // `RawValue` checks no escapes, so only bytes serde_json reads whole are cut with it.
    let elements = serde_json::from_slice::<Vec<&RawValue>>(body);
    if let (Verdict::Json, Ok(elements)) = (verdict, elements) {
        assert_eq!(
            check,
            element_by_element(&elements, options),
            "element by element"
        );
        if let Ok(parsed) = &read {
            assert_eq!(parsed.record.len(), elements.len());
        }
    }
});

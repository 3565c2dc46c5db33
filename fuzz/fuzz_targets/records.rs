//! Arbitrary bytes into the GET-response door, `Job::check_json_array` and
//! `Job::from_json_array_with`, the option set picked by the first byte: no panic, the two
//! doors agree, serde_json's verdict on JSON holds, reports stay within their bounds, and an
//! array that is JSON reports what its elements report alone, each at its index.

#![no_main]

use job_schema::Job;
use job_schema_fuzz::{assert_report, assert_same_doors, serde_verdict, split, Verdict};
use job_schema_tests::element_by_element;
use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;

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
        let texts: Vec<&str> = elements.iter().map(|element| element.get()).collect();
        assert_eq!(
            check,
            element_by_element(&texts, options),
            "element by element"
        );
        if let Ok(parsed) = &read {
            assert_eq!(parsed.record.len(), elements.len());
        }
    }
});

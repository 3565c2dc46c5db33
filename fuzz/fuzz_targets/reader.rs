//! Arbitrary bytes into `Job::check_json` and `Job::from_json_with`, the option set picked
//! by the first byte: no panic, the two doors give the same report, serde_json's verdict on
//! JSON holds, reports stay within their bounds, and a record read back from its canonical
//! form is the same record.

#![no_main]

use job_schema::{Job, Options};
use job_schema_fuzz::{assert_report, assert_same_doors, serde_verdict, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((options, body)) = split(data) else {
        return;
    };
    let check = Job::check_json(body, options);
    let read = Job::from_json_with(body, options);
    assert_report(&check, serde_verdict(body), body);
    assert_same_doors(&check, read.as_ref().map(|p| &p.warnings[..]));
    if let Ok(parsed) = read {
        // The canonical form reads back as the same record (update direction: `status` may
        // be unset in the record read).
        let json = parsed.record.to_json();
        let again = Job::from_json_with(json.as_bytes(), Options::default().update())
            .unwrap_or_else(|report| panic!("canonical form {json} refused:\n{report}"));
        assert_eq!(again.record, parsed.record, "canonical form {json}");
    }
});

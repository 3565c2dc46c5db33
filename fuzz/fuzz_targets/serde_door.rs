//! Arbitrary bytes into `serde_json::from_slice::<Job>`, through the crate's `Deserialize`
//! (`job-schema/src/de.rs`: capture a tree, write it as JSON, read it with `from_json`): no
//! panic, and a job the serde door reads is the job `Job::from_json` reads from the same
//! bytes. (Not the converse: serde_json refuses numbers beyond a double, and reads `-0` as a
//! float, both decided differences.)

#![no_main]

use job_schema::Job;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match serde_json::from_slice::<Job>(data) {
        Ok(job) => {
            let read = Job::from_json(data).unwrap_or_else(|report| {
                panic!(
                    "the serde door reads {:?}, from_json refuses it:\n{report}",
                    String::from_utf8_lossy(data)
                )
            });
            assert_eq!(read.record, job);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});

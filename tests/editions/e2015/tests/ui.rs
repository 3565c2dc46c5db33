//! The derive's errors in an edition 2015 crate: each reads as the mistake, at its key, and
//! never as a path that 2015 cannot resolve (`::core` starts at the crate root there).

extern crate job_schema_tests;
extern crate trybuild;

use job_schema_tests::ui;

/// Builds `tests/ui/*.rs` as edition 2015 code (trybuild, and the portable check, take this
/// crate's edition), each of which must fail: on rustc 1.95 with exactly its `.stderr`, on
/// another compiler with the first error (headline and location) its `.stderr` records, as
/// in the `job-schema-tests` ui suite. Nothing is skipped.
#[test]
fn ui() {
    if ui::is_pinned(&ui::rustc_version()) {
        trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
    } else {
        ui::Portable::new(env!("CARGO_MANIFEST_DIR"), env!("CARGO_TARGET_TMPDIR"))
            .compile_fail("tests/ui")
            .run();
    }
}

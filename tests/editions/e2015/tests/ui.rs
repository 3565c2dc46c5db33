//! The derive's errors in an edition 2015 crate: each reads as the mistake, at its key, and
//! never as a path that 2015 cannot resolve (`::core` starts at the crate root there).

extern crate trybuild;

use std::process::Command;

/// The rustc release whose diagnostics the `.stderr` files were written against, as in the
/// `job-schema-tests` ui suite.
const PINNED: &str = "rustc 1.95.";

/// Builds `tests/ui/*.rs` as edition 2015 code (trybuild takes this crate's edition), each
/// of which must fail with exactly its `.stderr`. Skipped, with a note, on another compiler.
#[test]
fn ui() {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let version = Command::new(&rustc)
        .arg("--version")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default();
    if !version.starts_with(PINNED) {
        println!(
            "skipping: the ui cases are pinned to rustc 1.95, and this is `{}`",
            version.trim()
        );
        return;
    }
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}

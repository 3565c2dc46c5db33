//! Compile-fail and compile-pass cases for `#[derive(Schema)]`.

use std::process::Command;

/// The rustc release whose diagnostics the `.stderr` files were written against.
const PINNED: &str = "rustc 1.95.";

/// Runs every case in `tests/ui/fail` (each must fail to build with exactly its `.stderr`)
/// and in `tests/ui/pass` (each must build and run).
///
/// The `.stderr` files hold compiler output, whose wording and layout change between
/// releases, so the cases are pinned to rustc 1.95: on any other compiler (as reported by
/// `$RUSTC --version`, or `rustc --version` when `RUSTC` is unset) the test prints a note
/// and passes without running them. Regenerate the files with
/// `TRYBUILD=overwrite cargo test -p job-schema-tests --test ui` on the pinned release.
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
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}

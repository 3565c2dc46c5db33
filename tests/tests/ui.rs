//! Compile-fail and compile-pass cases for `#[derive(Schema)]`.

use job_schema_tests::ui::{self, Loose};

/// The compile-fail cases whose first headline is rustc's wording around ours.
const LOOSE: &[Loose] = &[
    Loose {
        case: "crate_path_unresolved",
        ours: "`facade`",
        why: "a path that does not resolve is rustc's own error (E0433), in words rustc has \
              changed between releases (1.95: \"cannot find module or crate `facade` in this \
              scope\"; earlier: \"failed to resolve: use of unresolved module or unlinked \
              crate `facade`\")",
    },
    Loose {
        case: "unreadable_field_types",
        ours: "a list of lists cannot be a field: make the inner list a field of a struct",
        why: "the message is the `panic!` of a `const` block, and rustc words the frame \
              around it (1.95: \"evaluation panicked: …\"), which it has changed before",
    },
];

/// Runs every case in `tests/ui/fail` (each must fail to build) and in `tests/ui/pass` (each
/// must build and run).
///
/// On rustc 1.95, the release the `.stderr` files were written against, trybuild compares
/// each failure's whole output with its `.stderr` file; regenerate them there with
/// `TRYBUILD=overwrite cargo test -p job-schema-tests --test ui`. On any other compiler the
/// same cases run through [`ui::Portable`]: each failure's first error must have the headline
/// and location its `.stderr` file records (the cases of [`LOOSE`] keep their error code and
/// our words), and each pass case must build and run. Nothing is skipped.
#[test]
fn ui() {
    if ui::is_pinned(&ui::rustc_version()) {
        let cases = trybuild::TestCases::new();
        cases.compile_fail("tests/ui/fail/*.rs");
        cases.pass("tests/ui/pass/*.rs");
    } else {
        ui::Portable::new(env!("CARGO_MANIFEST_DIR"), env!("CARGO_TARGET_TMPDIR"))
            .compile_fail("tests/ui/fail")
            .pass("tests/ui/pass")
            .loose(LOOSE)
            .run();
    }
}

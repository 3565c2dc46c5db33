//! `docs/schemas/job.lax.schema.json` and `docs/schemas/job.strict.schema.json` are the
//! output of `job-schema schema` and `job-schema schema --strict`: this test fails when a
//! committed file no longer matches what the binary prints for the `Job` record, so that a
//! client that takes the files without building anything takes the current schema.
#![cfg(feature = "cli")]

use std::process::Command;

use job_schema::{Job, Options};

const BIN: &str = env!("CARGO_BIN_EXE_job-schema");

/// Each committed file, the arguments that print it, and the command that regenerates it.
const FILES: [(&str, &[&str], &str); 2] = [
    (
        "job.lax.schema.json",
        &["schema"],
        "cargo run -p job-schema --features cli -- schema > docs/schemas/job.lax.schema.json",
    ),
    (
        "job.strict.schema.json",
        &["schema", "--strict"],
        "cargo run -p job-schema --features cli -- schema --strict > docs/schemas/job.strict.schema.json",
    ),
];

fn path(file: &str) -> String {
    format!("{}/../docs/schemas/{file}", env!("CARGO_MANIFEST_DIR"))
}

fn printed(args: &[&str]) -> String {
    let output = Command::new(BIN)
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("the schema is UTF-8")
}

#[test]
fn docs_schemas_are_the_output_of_job_schema_schema() {
    for (file, args, regenerate) in FILES {
        let generated = printed(args);
        // A checkout that turned line ends into CRLF still holds the same file.
        let committed = std::fs::read_to_string(path(file))
            .unwrap_or_else(|e| {
                panic!("docs/schemas/{file} cannot be read ({e}); run: {regenerate}")
            })
            .replace("\r\n", "\n");
        if committed != generated {
            let want: Vec<&str> = generated.lines().collect();
            let got: Vec<&str> = committed.lines().collect();
            let line = (0..=want.len().max(got.len()))
                .find(|&i| want.get(i) != got.get(i))
                .expect("two different texts differ on some line");
            panic!(
                "docs/schemas/{file} is stale: it differs from `job-schema {}` from line {}.\n  \
                 committed: {:?}\n  generated: {:?}\n\
                 Regenerate it from the root of the repository with:\n  {regenerate}",
                args.join(" "),
                line + 1,
                got.get(line),
                want.get(line),
            );
        }
    }
}

#[test]
fn the_command_prints_what_json_schema_returns() {
    let cases: [(&[&str], Options); 6] = [
        (&["schema"], Options::default()),
        (&["schema", "--strict"], Options::default().strict()),
        (&["schema", "--record"], Options::default().record()),
        (&["schema", "--update"], Options::default().update()),
        (
            &["schema", "--strict", "--record"],
            Options::default().strict().record(),
        ),
        (
            &["schema", "--strict", "--update"],
            Options::default().strict().update(),
        ),
    ];
    for (args, options) in cases {
        let printed: serde_json::Value =
            serde_json::from_str(&printed(args)).expect("the output is one JSON value");
        assert_eq!(printed, Job::json_schema(options), "{args:?}");
    }
    let both = Command::new(BIN)
        .args(["schema", "--record", "--update"])
        .output()
        .expect("the binary runs");
    assert_eq!(
        both.status.code(),
        Some(2),
        "--record and --update conflict"
    );
}

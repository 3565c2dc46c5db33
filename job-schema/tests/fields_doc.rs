//! `docs/FIELDS.md` is the output of `job-schema fields --format markdown`: this test fails
//! when the committed file no longer matches what the binary prints for the `Job` record.
#![cfg(feature = "cli")]

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_job-schema");
const FIELDS_MD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/FIELDS.md");
const REGENERATE: &str =
    "cargo run -p job-schema --features cli -- fields --format markdown > docs/FIELDS.md";

#[test]
fn docs_fields_md_is_the_output_of_fields_markdown() {
    let output = Command::new(BIN)
        .args(["fields", "--format", "markdown"])
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{output:?}");
    let generated = String::from_utf8(output.stdout).expect("the page is UTF-8");
    assert!(
        generated.contains(REGENERATE),
        "the page names the command that regenerates it"
    );
    // A checkout that turned line ends into CRLF still holds the same page.
    let committed = std::fs::read_to_string(FIELDS_MD)
        .unwrap_or_else(|e| panic!("docs/FIELDS.md cannot be read ({e}); run: {REGENERATE}"))
        .replace("\r\n", "\n");
    if committed != generated {
        let want: Vec<&str> = generated.lines().collect();
        let got: Vec<&str> = committed.lines().collect();
        let line = (0..=want.len().max(got.len()))
            .find(|&i| want.get(i) != got.get(i))
            .expect("two different texts differ on some line");
        let (want, got) = (want.get(line), got.get(line));
        panic!(
            "docs/FIELDS.md is stale: it differs from `job-schema fields --format markdown` \
             from line {}.\n  committed: {got:?}\n  generated: {want:?}\n\
             Regenerate it from the root of the repository with:\n  {REGENERATE}",
            line + 1
        );
    }
}

#[test]
fn the_page_covers_every_field_and_every_rule() {
    let page = std::fs::read_to_string(FIELDS_MD).expect("docs/FIELDS.md is committed");
    for field in ["`status`", "`badges`", "`edit_date`", "`customfield_*`"] {
        assert!(
            page.lines()
                .any(|line| line.starts_with(&format!("| {field} |"))),
            "a row for {field}"
        );
    }
    for code in job_schema::Code::ALL {
        assert!(
            page.contains(&format!("\n- `{code}` (")),
            "a meaning for `{code}`"
        );
    }
    for term in ["**lax**", "**strict**", "**create**", "**record**"] {
        assert!(page.contains(term), "{term} is explained");
    }
}

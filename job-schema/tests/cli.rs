//! Tests of the `job-schema` binary, run as a user runs it: arguments, standard input, files,
//! standard output and error, exit status. Built only with the `cli` feature, which
//! `cargo test --workspace --all-features` turns on.
#![cfg(feature = "cli")]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_job-schema");
const JOBS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/jobs.ndjson");

/// Runs the binary with `args`, feeding `stdin` (or nothing: an empty, non-terminal stdin).
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        // The binary may exit before reading everything (a usage error); that is fine.
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("the binary finishes");
    feeder.join().expect("stdin is written");
    output
}

fn code(output: &Output) -> i32 {
    output
        .status
        .code()
        .expect("the binary exits with a status")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Every stdout line parsed as JSON: `--format json` prints nothing else.
fn json_lines(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line:?}")))
        .collect()
}

fn codes(record: &Value, list: &str) -> Vec<String> {
    record[list]
        .as_array()
        .expect("a list of issues")
        .iter()
        .map(|issue| issue["code"].as_str().expect("a code").to_owned())
        .collect()
}

/// A fresh file under the target directory holding `contents`.
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("the temporary folder is created");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("the temporary file is written");
    path
}

/// A real record as the API returns it, on one line: the first line of the sample file.
fn real_record_line() -> String {
    let jobs = std::fs::read_to_string(JOBS).expect("the sample file is readable");
    jobs.lines().next().expect("a first line").to_owned()
}

/// The real record pretty-printed, as an API client would save it.
fn real_record_pretty() -> String {
    let value: Value = serde_json::from_str(&real_record_line()).expect("the real record is JSON");
    serde_json::to_string_pretty(&value).expect("it prints")
}

/// `path` quoted for the shell that `script` runs (a clone may live under a path with spaces).
fn sh(path: &str) -> String {
    format!("'{}'", path.replace('\'', "'\\''"))
}

/// Runs `command` in a pseudo-terminal with `script`, where it exists: stdin, stdout and
/// stderr are then a terminal. `None` when `script` is not installed.
fn in_terminal(command: &str, no_colour: bool) -> Option<(i32, String)> {
    let mut script = Command::new("script");
    script
        .args(["-qec", command, "/dev/null"])
        .stdin(Stdio::null());
    if no_colour {
        script.env("NO_COLOR", "1");
    } else {
        script.env_remove("NO_COLOR");
    }
    let output = script.output().ok()?;
    Some((
        code(&output),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    ))
}

#[test]
fn the_sample_file_has_real_findings_and_exits_1() {
    let output = run(&["check", JOBS], b"");
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.last().copied(),
        Some("12 records, 4 valid, 8 invalid, 18 errors, 18 warnings")
    );
    let prefix = format!("{JOBS}:");
    for line in &lines[..lines.len() - 1] {
        assert!(line.starts_with(&prefix), "{line}");
        assert!(line.ends_with(']'), "{line}");
    }
    assert!(text.contains(&format!(
        "{JOBS}:4: status: \"work order\" is not one of \"Quote\", \"Work Order\", \"Unsuccessful\", \"Completed\"; did you mean \"Work Order\"? [enum_values]"
    )));
    assert!(text.contains(&format!(
        "{JOBS}:1: warning: edit_date: is read-only: the API ignores it in a create request [read_only]"
    )));
    // The malformed line 11 is its own error, and line 12 is still checked.
    assert!(text.contains(&format!("{JOBS}:11: (root): malformed JSON at line 11")));
    assert!(text.contains(&format!("{JOBS}:12: status: is required [required]")));
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn json_output_is_one_line_per_record_in_the_contract_shape() {
    let output = run(&["check", "--format", "json", JOBS], b"");
    assert_eq!(code(&output), 1);
    let records = json_lines(&output);
    assert_eq!(records.len(), 12);
    for (i, record) in records.iter().enumerate() {
        let keys: Vec<&str> = record
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            ["errors", "line", "record", "source", "valid", "warnings"]
        );
        assert_eq!(record["source"], JOBS);
        assert_eq!(record["record"], i);
        assert_eq!(record["line"], i + 1, "one record per NDJSON line");
        assert_eq!(
            record["valid"],
            record["errors"].as_array().is_some_and(Vec::is_empty)
        );
    }
    // The real record: valid, with deprecated and read-only warnings.
    assert_eq!(records[0]["valid"], true);
    let warnings = codes(&records[0], "warnings");
    assert!(warnings.contains(&"deprecated".to_owned()));
    assert!(warnings.contains(&"read_only".to_owned()));
    // A wrong-case status, with its suggestion.
    assert_eq!(codes(&records[3], "errors"), ["enum_values"]);
    assert_eq!(
        records[3]["errors"][0]["params"]["suggestion"],
        "Work Order"
    );
    assert_eq!(records[3]["errors"][0]["pointer"], "/status");
    // Latitude out of range, longitude not a number.
    let mut errors = codes(&records[4], "errors");
    errors.sort();
    assert_eq!(errors, ["number", "range"]);
    // Bad UUIDs, impossible dates, raw-array badges, a duplicate key.
    assert_eq!(codes(&records[5], "errors"), ["uuid", "uuid", "uuid"]);
    assert!(codes(&records[6], "errors").contains(&"date".to_owned()));
    assert!(codes(&records[6], "errors").contains(&"datetime".to_owned()));
    assert_eq!(records[7]["errors"][0]["field"], "badges");
    assert_eq!(codes(&records[8], "errors"), ["duplicate_field"]);
    // Unknown keys with suggestions: warnings only, so the record is valid.
    assert_eq!(records[9]["valid"], true);
    assert_eq!(
        records[9]["warnings"][0]["params"]["suggestion"],
        "job_address"
    );
    // The malformed line, placed in the file; the next line is still checked.
    assert_eq!(codes(&records[10], "errors"), ["json_syntax"]);
    assert_eq!(records[10]["errors"][0]["params"]["line"], 11);
    assert!(codes(&records[11], "errors").contains(&"required".to_owned()));
}

#[test]
fn stdin_valid_with_warnings_exits_0() {
    let output = run(
        &["check"],
        br#"{"status": "Quote", "Status": "Work Order"}"#,
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "<stdin>:1: warning: Status: is not a field of this record; did you mean `status`? [unknown_field]\n\
         1 record, 1 valid, 0 invalid, 0 errors, 1 warning\n"
    );

    let output = run(
        &["check", "--format", "json", "-"],
        br#"{"status": "Quote"}"#,
    );
    assert_eq!(code(&output), 0);
    let records = json_lines(&output);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"], "-");
    assert_eq!(records[0]["valid"], true);
}

#[test]
fn strict_turns_a_warning_into_a_failure() {
    let body = br#"{"status": "Quote", "Status": "Work Order"}"#;
    let output = run(&["check", "--strict", "--format", "json"], body);
    assert_eq!(code(&output), 1);
    let records = json_lines(&output);
    assert_eq!(codes(&records[0], "errors"), ["unknown_field"]);
    assert!(codes(&records[0], "warnings").is_empty());

    // Strict mode also refuses the lax forms: a numeric string for `lat`.
    let output = run(
        &["check", "--strict"],
        br#"{"status": "Quote", "lat": "-27.5"}"#,
    );
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("<stdin>:1: lat: "));
    let output = run(&["check"], br#"{"status": "Quote", "lat": "-27.5"}"#);
    assert_eq!(code(&output), 0);
}

#[test]
fn record_silences_read_only_warnings() {
    let body =
        br#"{"status": "Quote", "edit_date": "2025-09-27 18:33:04", "generated_job_id": "1587"}"#;
    let create = run(&["check", "--format", "json"], body);
    assert_eq!(code(&create), 0);
    assert_eq!(
        codes(&json_lines(&create)[0], "warnings"),
        ["read_only", "read_only"]
    );

    let record = run(&["check", "--record", "--format", "json"], body);
    assert_eq!(code(&record), 0);
    assert!(codes(&json_lines(&record)[0], "warnings").is_empty());

    // Deprecated fields still warn in the record direction.
    let real = run(
        &["check", "--record", "--format", "json"],
        real_record_line().as_bytes(),
    );
    let warnings = codes(&json_lines(&real)[0], "warnings");
    assert!(!warnings.is_empty());
    assert!(
        warnings.iter().all(|code| code == "deprecated"),
        "{warnings:?}"
    );
}

#[test]
fn update_requires_nothing_and_keeps_read_only_warnings() {
    let body = br#"{"billing_address": "1 Main St", "generated_job_id": "1587"}"#;
    let create = run(&["check", "--format", "json"], body);
    assert_eq!(code(&create), 1);
    assert_eq!(codes(&json_lines(&create)[0], "errors"), ["required"]);

    let update = run(&["check", "--update", "--format", "json"], body);
    assert_eq!(code(&update), 0, "{}", stdout(&update));
    assert!(codes(&json_lines(&update)[0], "errors").is_empty());
    assert_eq!(codes(&json_lines(&update)[0], "warnings"), ["read_only"]);

    // One direction at a time: a usage error.
    let both = run(&["check", "--update", "--record"], body);
    assert_eq!(code(&both), 2);
}

#[test]
fn a_pretty_printed_object_is_one_record() {
    // The real record as the API returns it, over many lines, after a blank line.
    let pretty = format!("\n{}\n", real_record_pretty());
    assert!(pretty.lines().count() > 40);
    let output = run(
        &["check", "--record", "--format", "json"],
        pretty.as_bytes(),
    );
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let records = json_lines(&output);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["line"], 2);
    assert_eq!(records[0]["valid"], true);
}

#[test]
fn array_elements_are_records_with_their_lines() {
    let input = format!(
        "[\n  {{\"status\": \"Quote\"}},\n  {},\n  {{\n    \"status\": \"Done\"\n  }}\n]\n",
        real_record_line()
    );
    let file = temp_file("array.json", input.as_bytes());
    let output = run(
        &[
            "check",
            "--record",
            "--format",
            "json",
            file.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code(&output), 1);
    let records = json_lines(&output);
    assert_eq!(records.len(), 3);
    assert_eq!(
        records
            .iter()
            .map(|r| r["line"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [2, 3, 4]
    );
    assert_eq!(
        records
            .iter()
            .map(|r| r["valid"].as_bool().unwrap())
            .collect::<Vec<_>>(),
        [true, true, false]
    );
    assert_eq!(codes(&records[2], "errors"), ["enum_values"]);

    // An array that is never closed is an error of its last record.
    let output = run(
        &["check", "--format", "json"],
        b"[{\"status\": \"Quote\"},\n",
    );
    assert_eq!(code(&output), 1);
    let records = json_lines(&output);
    assert_eq!(records.len(), 1);
    assert_eq!(codes(&records[0], "errors"), ["json_syntax"]);
}

#[test]
fn a_malformed_ndjson_line_does_not_swallow_the_next_ones() {
    let input = "{\"status\": \"Quote\"}\n\
                 {\"status\": \"Quote\", \"job_address\": \"1 Main St\"\n\
                 \n\
                 {\"status\": \"Completed\"}\n\
                 {\"status\": \"Quote\"}}\n\
                 {\"status\": \"quote\"}\n";
    let output = run(&["check", "--format", "json"], input.as_bytes());
    assert_eq!(code(&output), 1);
    let records = json_lines(&output);
    let lines: Vec<u64> = records
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [1, 2, 4, 5, 6]);
    assert_eq!(records[0]["valid"], true);
    assert_eq!(codes(&records[1], "errors"), ["json_syntax"]);
    let syntax = &records[1]["errors"][0];
    assert_eq!(syntax["params"]["line"], 2);
    assert_eq!(syntax["field"], "");
    assert_eq!(records[2]["valid"], true);
    // Junk after a complete object on its line is that line's error.
    assert_eq!(codes(&records[3], "errors"), ["json_syntax"]);
    assert_eq!(codes(&records[4], "errors"), ["enum_values"]);

    let text = run(&["check"], input.as_bytes());
    assert!(stdout(&text).contains("<stdin>:2: (root): malformed JSON at line 2, column 46: EOF while parsing an object [json_syntax]"));
    assert!(stdout(&text).ends_with("5 records, 2 valid, 3 invalid, 3 errors, 0 warnings\n"));
}

#[test]
fn concatenated_objects_and_many_records_keep_their_order() {
    // Enough records for several batches across the worker threads.
    let mut input = String::new();
    for i in 0..3000 {
        if i % 7 == 3 {
            input.push_str("{\"status\": \"Nope\"}{\"status\": \"Quote\"}\n");
        } else {
            input.push_str("{\"status\": \"Quote\"}\n");
        }
    }
    let output = run(&["check", "--format", "json"], input.as_bytes());
    assert_eq!(code(&output), 1);
    let records = json_lines(&output);
    let mut expected = Vec::new();
    for i in 0..3000u64 {
        if i % 7 == 3 {
            expected.push((i + 1, false));
        }
        expected.push((i + 1, true));
    }
    let got: Vec<(u64, bool)> = records
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["valid"].as_bool().unwrap()))
        .collect();
    assert_eq!(got, expected);
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record["record"], i);
    }
}

#[test]
fn an_unreadable_file_exits_2_and_the_others_are_still_checked() {
    let missing = format!("{}/no-such-file.ndjson", env!("CARGO_TARGET_TMPDIR"));
    let output = run(&["check", "--format", "json", &missing, JOBS], b"");
    assert_eq!(code(&output), 2);
    let message = stderr(&output);
    assert!(message.contains(&missing), "{message}");
    assert!(message.contains("No such file or directory"), "{message}");
    assert_eq!(
        json_lines(&output).len(),
        12,
        "the readable file is still checked"
    );

    // A folder opens but cannot be read.
    let output = run(&["check", env!("CARGO_TARGET_TMPDIR")], b"");
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains(env!("CARGO_TARGET_TMPDIR")));
}

#[test]
fn an_empty_file_has_no_records_and_exits_0() {
    let empty = temp_file("empty.ndjson", b"");
    let blank = temp_file("blank.ndjson", b"\n  \n");
    let output = run(
        &["check", empty.to_str().unwrap(), blank.to_str().unwrap()],
        b"",
    );
    assert_eq!(code(&output), 0);
    assert_eq!(
        stdout(&output),
        "0 records, 0 valid, 0 invalid, 0 errors, 0 warnings\n"
    );
    let output = run(&["check", "--format", "json", empty.to_str().unwrap()], b"");
    assert_eq!(code(&output), 0);
    assert!(output.stdout.is_empty());
    // Empty standard input, too.
    assert_eq!(code(&run(&["check"], b"")), 0);
}

#[test]
fn files_and_stdin_are_named_in_the_output() {
    let file = temp_file("one.ndjson", b"{\"status\": \"Quote\"}\n{\"status\": 5}\n");
    let name = file.to_str().unwrap();
    let output = run(&["check", "--format", "json", name, "-"], b"{}");
    assert_eq!(code(&output), 1);
    let records = json_lines(&output);
    let seen: Vec<(String, u64)> = records
        .iter()
        .map(|r| {
            (
                r["source"].as_str().unwrap().to_owned(),
                r["record"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (name.to_owned(), 0),
            (name.to_owned(), 1),
            ("-".to_owned(), 0)
        ]
    );
    assert_eq!(codes(&records[1], "errors"), ["type"]);
    assert_eq!(codes(&records[2], "errors"), ["required"]);
}

#[test]
fn quiet_prints_only_the_summary_or_nothing() {
    let output = run(&["check", "--quiet", JOBS], b"");
    assert_eq!(code(&output), 1);
    assert_eq!(
        stdout(&output),
        "12 records, 4 valid, 8 invalid, 18 errors, 18 warnings\n"
    );
    let output = run(&["check", "--quiet", "--format", "json", JOBS], b"");
    assert_eq!(code(&output), 1);
    assert!(output.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check", "--format", "xml"][..],
        &["check", "--no-such-flag"],
        &["no-such-command"],
        &[],
    ] {
        let output = run(args, b"");
        assert_eq!(code(&output), 2, "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn a_terminal_on_stdin_without_a_file_prints_usage_and_exits_2() {
    let Some((status, screen)) = in_terminal(&format!("{} check", sh(BIN)), false) else {
        eprintln!("`script` is not installed: skipped");
        return;
    };
    assert_eq!(status, 2, "{screen}");
    assert!(screen.contains("Usage: job-schema check"), "{screen}");
}

#[test]
fn colour_only_on_a_terminal_without_no_color() {
    let Some((status, screen)) = in_terminal(&format!("{} check {}", sh(BIN), sh(JOBS)), false)
    else {
        eprintln!("`script` is not installed: skipped");
        return;
    };
    assert_eq!(status, 1);
    assert!(screen.contains("\x1b[31m"), "red errors on a terminal");
    assert!(
        screen.contains("\x1b[33mwarning"),
        "yellow warnings on a terminal"
    );

    let (_, screen) =
        in_terminal(&format!("{} check {}", sh(BIN), sh(JOBS)), true).expect("script ran before");
    assert!(!screen.contains('\x1b'), "NO_COLOR turns colour off");
    assert!(screen.contains("12 records"));
}

#[test]
fn fields_lists_the_table_as_text() {
    let output = run(&["fields"], b"");
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    let status = text
        .lines()
        .find(|line| line.starts_with("status "))
        .expect("a status row");
    assert!(status.contains("writable"), "{status}");
    assert!(status.contains("required"), "{status}");
    assert!(status.contains("max_len = 20"), "{status}");
    assert!(text.lines().any(|line| line.starts_with("customfield_* ")));
    assert!(text
        .lines()
        .any(|line| line.starts_with("edit_date ") && line.contains("read_only")));
}

#[test]
fn fields_homes_lists_the_keys_with_a_home() {
    let output = run(&["fields", "--homes"], b"");
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("KEY                 HOME"));
    assert_eq!(lines.next(), Some("job_number          generated_job_id"));
    assert!(text.contains("\npo_number           purchase_order_number\n"));
    let output = run(&["fields", "--homes", "--format", "json"], b"");
    let homes: Value = serde_json::from_slice(&output.stdout).expect("one JSON document");
    let keys: Vec<&str> = homes
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys.len(), 24);
    assert!(keys.contains(&"contact_email") && keys.contains(&"flags"));
    let notes = homes
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["key"] == "notes")
        .unwrap();
    assert_eq!(
        notes["home"],
        json!(["job_description", "/api_1.0/note.json"])
    );
}

#[test]
fn json_output_carries_homes_and_fixes() {
    let body = br#"{"status": "Quote", "contact_email": "a@b.c", "date": "2026-02-10T02:53:30Z"}"#;
    let output = run(&["check", "--format", "json", "-"], body);
    assert_eq!(code(&output), 1);
    let record = &json_lines(&output)[0];
    assert_eq!(
        record["warnings"][0]["params"],
        json!({"home": ["/api_1.0/jobcontact.json"]})
    );
    assert_eq!(
        record["errors"][0]["params"]["suggestion"],
        "2026-02-10 02:53:30"
    );
    // Each issue reads back into a job_schema issue with the same parameters.
    let issue: job_schema::Issue = serde_json::from_value(record["errors"][0].clone()).unwrap();
    assert_eq!(issue.params.suggestion(), Some("2026-02-10 02:53:30"));
    assert_eq!(
        issue.params.format(),
        Some("YYYY-MM-DD or YYYY-MM-DD HH:MM:SS")
    );
}

#[test]
fn fields_lists_the_table_as_json() {
    let output = run(&["fields", "--format", "json"], b"");
    assert_eq!(code(&output), 0);
    let fields: Value = serde_json::from_slice(&output.stdout).expect("one JSON document");
    let fields = fields.as_array().expect("an array of fields");
    let status = fields
        .iter()
        .find(|f| f["name"] == "status")
        .expect("status is listed");
    assert_eq!(status["class"], "writable");
    assert_eq!(status["required"], true);
    assert!(status["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|rule| rule["rule"] == "required"));
    assert!(status["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|rule| rule["rule"] == "max_len" && rule["limit"] == 20));
    assert_eq!(status["types"]["strict"], serde_json::json!(["string"]));

    let lat = fields
        .iter()
        .find(|f| f["name"] == "lat")
        .expect("lat is listed");
    assert!(lat["types"]["lax"]
        .as_array()
        .unwrap()
        .contains(&Value::from("string")));
    assert!(lat["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|rule| rule["rule"] == "range" && rule["min"] == -90.0));

    let payment_date = fields.iter().find(|f| f["name"] == "payment_date").unwrap();
    assert_eq!(payment_date["class"], "deprecated");
    assert!(payment_date["note"].is_string());

    assert_eq!(fields.last().unwrap()["name"], "customfield_*");
}

#[test]
fn a_valid_document_is_one_record_even_when_a_line_starts_with_a_brace() {
    // The value of "extra" starts the second line with `{`: the document is valid JSON, so it
    // is one record (with an unknown key), and the next line is the next record.
    let input = "{\"status\":\"Quote\",\"extra\":\n{\"a\":1}}\n{\"status\":\"Quote\"}\n";
    let output = run(&["check", "--format", "json"], input.as_bytes());
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let records = json_lines(&output);
    let lines: Vec<u64> = records
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [1, 3]);
    assert_eq!(codes(&records[0], "errors"), Vec::<String>::new());
    assert_eq!(codes(&records[0], "warnings"), ["unknown_field"]);
    assert_eq!(records[0]["warnings"][0]["field"], "extra");
    assert_eq!(records[1]["valid"], true);
}

#[test]
fn a_record_missing_its_last_brace_does_not_swallow_the_next_ones() {
    let input = "{\n  \"status\": \"Quote\",\n  \"job_address\": \"1 Main St\"\n\n\
                 {\"status\": \"Quote\"}\n\
                 {\"status\": \"quote\"}\n\
                 {\n  \"status\": \"Completed\"\n}\n";
    let output = run(&["check", "--format", "json"], input.as_bytes());
    assert_eq!(code(&output), 1);
    let records = json_lines(&output);
    let lines: Vec<u64> = records
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [1, 5, 6, 7]);
    assert_eq!(codes(&records[0], "errors"), ["json_syntax"]);
    assert_eq!(records[1]["valid"], true);
    assert_eq!(codes(&records[2], "errors"), ["enum_values"]);
    assert_eq!(records[3]["valid"], true);

    let text = run(&["check", "--quiet"], input.as_bytes());
    assert_eq!(
        stdout(&text),
        "4 records, 2 valid, 2 invalid, 2 errors, 0 warnings\n"
    );
}

#[test]
fn an_oversize_record_is_reported_at_its_first_line() {
    // The record starts on line 5, column 4, and is longer than the 64 MiB limit.
    let mut input = b"{\"status\": \"Quote\"}\n\n\n\n   {\"status\": \"".to_vec();
    input.resize(input.len() + (64 << 20), b'x');
    input.extend_from_slice(b"\"}\n{\"status\": \"nope\"}\n");
    let file = temp_file("oversize.ndjson", &input);
    let output = run(&["check", "--format", "json", file.to_str().unwrap()], b"");
    drop(std::fs::remove_file(&file));
    assert_eq!(code(&output), 1);
    let records = json_lines(&output);
    assert_eq!(records.len(), 3);
    assert_eq!(records[1]["line"], 5);
    assert_eq!(codes(&records[1], "errors"), ["json_syntax"]);
    let params = &records[1]["errors"][0]["params"];
    assert_eq!(
        (params["line"].as_u64(), params["column"].as_u64()),
        (Some(5), Some(4))
    );
    assert!(records[1]["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("malformed JSON at line 5, column 4: "));
    assert_eq!(records[2]["line"], 6);
    assert_eq!(codes(&records[2], "errors"), ["enum_values"]);
}

#[test]
fn keys_are_escaped_in_text_output_as_values_are() {
    // U+202E (right-to-left override) and U+200B (zero-width space) in a key, and an escape
    // sequence: printed as the escapes an echoed value uses.
    let input = "{\"status\": \"Quote\", \"a\u{202e}b\u{200b}\\u001b[31m\": 1}";
    let output = run(&["check"], input.as_bytes());
    assert_eq!(code(&output), 0);
    assert_eq!(
        stdout(&output),
        "<stdin>:1: warning: a\\u{202e}b\\u{200b}\\u{1b}[31m: is not a field of this record; \
         it is ignored [unknown_field]\n\
         1 record, 1 valid, 0 invalid, 0 errors, 1 warning\n"
    );
}

#[test]
fn a_long_key_is_cut_in_both_outputs() {
    // A 5 MB unknown key once made a line of 10,000,210 bytes: the field and the pointer are
    // the report's, cut to 63 characters and `…`, in JSON and in text alike.
    let key = format!("k\u{202e}{}", "k".repeat(5_000_000));
    let input = format!("{{\"status\": \"Quote\", \"{key}\": 1, \"{key}\": 2}}");
    let cut = format!("k\u{202e}{}…", "k".repeat(61));
    let output = run(&["check", "--format", "json"], input.as_bytes());
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).len() < 1_000, "{}", stdout(&output).len());
    let record = &json_lines(&output)[0];
    let (error, warning) = (&record["errors"][0], &record["warnings"][0]);
    assert_eq!(
        (&error["code"], &warning["code"]),
        (&json!("duplicate_field"), &json!("unknown_field"))
    );
    for issue in [error, warning] {
        assert_eq!(issue["field"], cut.as_str());
        assert_eq!(issue["pointer"], format!("/{cut}").as_str());
    }
    // Text: the same cut key, escaped as keys are.
    let output = run(&["check"], input.as_bytes());
    let shown = format!("k\\u{{202e}}{}…", "k".repeat(61));
    assert_eq!(
        stdout(&output),
        format!(
            "<stdin>:1: {shown}: appears more than once; every copy is rejected rather than \
             guessing which one counts [duplicate_field]\n\
             <stdin>:1: warning: {shown}: is not a field of this record; it is ignored \
             [unknown_field]\n\
             1 record, 0 valid, 1 invalid, 1 error, 1 warning\n"
        )
    );
}

#[test]
fn file_names_are_escaped_on_the_terminal() {
    let name = "we\u{1b}[31mird\u{202e}.ndjson";
    let escaped = "we\\u{1b}[31mird\\u{202e}.ndjson";
    let file = temp_file(name, b"{\"status\": 5}\n");
    let path = file.to_str().unwrap();
    let shown = path.replace(name, escaped);
    let output = run(&["check", path], b"");
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(text.starts_with(&format!("{shown}:1: status: ")), "{text}");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}'));
    // JSON output names the file as given: JSON escapes what it must.
    let output = run(&["check", "--format", "json", path], b"");
    assert_eq!(json_lines(&output)[0]["source"], path);

    let missing = path.replace(".ndjson", ".missing");
    let output = run(&["check", &missing], b"");
    assert_eq!(code(&output), 2);
    let message = stderr(&output);
    assert!(
        message.contains(&format!(
            "cannot read {}: ",
            missing.replace("we\u{1b}[31mird\u{202e}", "we\\u{1b}[31mird\\u{202e}")
        )),
        "{message}"
    );
    assert!(!message.contains('\u{1b}') && !message.contains('\u{202e}'));
}

#[test]
fn echoes_and_numbers_in_messages_are_bounded() {
    // 63 characters, then U+202E: escaped, the value would take 71 characters; the echo
    // stops before the escape, at 63 characters and `…`.
    let long = format!("{}\u{202e}", "x".repeat(63));
    let input = format!(
        "{{\"status\": \"{long}\", \"lat\": 1e308, \"lng\": -1.5e300, \"job_address\": -1e308, \
         \"job_description\": 2.5e-300}}"
    );
    let output = run(&["check", "--format", "json"], input.as_bytes());
    assert_eq!(code(&output), 1);
    let record = &json_lines(&output)[0];
    let echoed = format!("{}…", "x".repeat(63));
    let errors = record["errors"].as_array().unwrap();
    let status: Vec<&Value> = errors.iter().filter(|e| e["field"] == "status").collect();
    assert!(!status.is_empty());
    for issue in &status {
        assert_eq!(issue["value"], echoed.as_str());
    }
    let message = |field: &str| {
        errors
            .iter()
            .find(|e| e["field"] == field)
            .unwrap_or_else(|| panic!("an error for {field}"))["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(message("lat"), "1e308 is outside the range -90 to 90");
    assert_eq!(message("lng"), "-1.5e300 is outside the range -180 to 180");
    assert_eq!(
        message("job_address"),
        "expected null or string, got number -1e308"
    );
    assert_eq!(
        message("job_description"),
        "expected null or string, got number 2.5e-300"
    );
    for issue in errors {
        let value = issue["value"].as_str().unwrap_or_default();
        assert!(value.chars().count() <= 64, "{value}");
    }
}

#[test]
fn the_progress_bar_shows_the_file_name_escaped() {
    // A file of at least 8 MiB gets a progress bar when standard error is a terminal.
    let mut record = b"{\"status\": \"Quote\", \"job_description\": \"".to_vec();
    record.resize(record.len() + (1 << 20), b'y');
    record.extend_from_slice(b"\"}\n");
    let name = "big\u{1b}[31m\u{202e}.ndjson";
    let file = temp_file(name, &record.repeat(9));
    let path = file.to_str().unwrap().to_owned();
    // The name is passed through the shell as a variable, so that the shell sees no escape.
    let command = format!("{} check \"$JOB_SCHEMA_FILE\"", sh(BIN));
    let mut script = Command::new("script");
    script
        .args(["-qec", &command, "/dev/null"])
        .env("JOB_SCHEMA_FILE", &path)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    let Ok(output) = script.output() else {
        eprintln!("`script` is not installed: skipped");
        return;
    };
    drop(std::fs::remove_file(&file));
    let screen = String::from_utf8_lossy(&output.stdout);
    assert_eq!(code(&output), 0, "{screen}");
    let shown = path.replace(name, "big\\u{1b}[31m\\u{202e}.ndjson");
    assert!(screen.contains(&format!("checking {shown}")), "{screen}");
    assert!(!screen.contains("\u{1b}[31m") && !screen.contains('\u{202e}'));
    assert!(screen.contains("9 records, 9 valid"));
}

// A record with more issues than a report keeps: the JSON line carries `omitted`, the text
// output ends the record with `… and N more issues`.

/// One record with 2,999 repeated keys, then one with 2.
fn many_issue_records() -> Vec<u8> {
    let many = vec![r#""status":"Quote""#; 3_000].join(",");
    format!("{{{many}}}\n{{\"status\":\"Quote\",\"status\":\"Quote\"}}\n").into_bytes()
}

#[test]
fn json_lines_carry_omitted_only_when_issues_were_omitted() {
    let output = run(&["check", "--format", "json", "-"], &many_issue_records());
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["errors"].as_array().map(Vec::len), Some(1_000));
    assert_eq!(lines[0]["omitted"], 1_999);
    assert_eq!(lines[0]["valid"], false);
    assert_eq!(lines[1]["errors"].as_array().map(Vec::len), Some(1));
    assert!(lines[1].get("omitted").is_none());
}

#[test]
fn text_output_ends_a_record_with_the_count_of_the_rest() {
    let output = run(&["check", "-"], &many_issue_records());
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    let lines: Vec<&str> = stdout.lines().collect();
    // 1,000 issue lines and the count for the first record, one issue line for the second.
    assert_eq!(lines[1_000], "<stdin>:1: … and 1999 more issues");
    assert!(lines[999].starts_with("<stdin>:1: status: "));
    assert!(lines[1_001].starts_with("<stdin>:2: status: "));
    assert_eq!(stdout.matches("more issue").count(), 1);
}

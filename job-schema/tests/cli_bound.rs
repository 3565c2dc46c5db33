//! `job-schema check` on a record with more issues than a report keeps: the JSON line
//! carries `omitted`, the text output ends the record with `… and N more issues`.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_job-schema");

/// Runs the binary with `args`, feeding `stdin`.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("the binary finishes");
    feeder.join().expect("stdin is written");
    output
}

/// One record with 2,999 repeated keys, then one with 2.
fn records() -> Vec<u8> {
    let many = vec![r#""status":"Quote""#; 3_000].join(",");
    format!("{{{many}}}\n{{\"status\":\"Quote\",\"status\":\"Quote\"}}\n").into_bytes()
}

#[test]
fn json_lines_carry_omitted_only_when_issues_were_omitted() {
    let output = run(&["check", "--format", "json", "-"], &records());
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    let lines: Vec<serde_json::Value> = stdout
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
    let output = run(&["check", "-"], &records());
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    let lines: Vec<&str> = stdout.lines().collect();
    // 1,000 issue lines and the count for the first record, one issue line for the second.
    assert_eq!(lines[1_000], "<stdin>:1: … and 1999 more issues");
    assert!(lines[999].starts_with("<stdin>:1: status: "));
    assert!(lines[1_001].starts_with("<stdin>:2: status: "));
    assert_eq!(stdout.matches("more issue").count(), 1);
}
